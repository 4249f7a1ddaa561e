/**
 * GET /api/v1/connect, as a patient portal calls it (HL7 Infobutton URL-based parameters, the way
 * MedlinePlus Connect is called): each code system, ICD-10-CM parent fallback, display-name
 * fallback, unknown codes, bad OIDs and codes, Atom validity, JSON and JSONP, caching and bad input.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { ConnectResultSchema, parseConnectQuery } from '../../src/connect/index.js';
import { CODE_SYSTEM_INFO, CODE_SYSTEMS } from '../../src/content/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { ProblemSchema } from '../../src/web/api/index.js';
import { createApp } from '../../src/web/index.js';
import { tempDir, writeFiles } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';

const BASE = 'https://medbrief.example';
const OID = Object.fromEntries(CODE_SYSTEMS.map((s) => [s, CODE_SYSTEM_INFO[s].oid])) as Record<
  string,
  string
>;

/** A condition carrying one code of every system, with a professional and an imported answer. */
const EXTRA: Record<string, string> = {
  'testosis/condition.md': `---
name: Testosis
synonyms:
  - test syndrome
codes:
  icd10cm: Q99.8
  snomedct: "73211009"
  umls: C1234567
  orpha: "ORPHA:12345"
  omim: "123456"
  doid: "DOID:123"
  mesh: D000001
  icd9cm: "759.89"
---
Testosis is a condition made up for these tests.
`,
  'testosis/overview.md': `---
question: What is testosis?
condition: testosis
aspect: overview
tldr: Testosis is a made-up condition used to test code lookups.
updated: 2026-05-01
---
Testosis is not real.
`,
  'testosis/treatment.md': `---
question: How is testosis managed in clinical practice?
condition: testosis
aspect: treatment
audience: professional
tldr: Clinicians manage testosis by watching and waiting.
updated: 2026-05-02
---
There is nothing to treat.
`,
  'testosis/causes.md': `---
question: What causes testosis?
condition: testosis
aspect: causes
tldr: Nobody knows what causes testosis.
updated: 2026-05-03
origin:
  collection: medquad
  publisher: GARD
  documentId: "0000999"
  url: https://rarediseases.info.nih.gov/
---
Nobody knows.
`,
};

type App = ReturnType<typeof createApp>['app'];

function q(params: Record<string, string>): string {
  return `/api/v1/connect?${new URLSearchParams(params).toString()}`;
}

async function lookup(app: App, params: Record<string, string>) {
  const res = await app.request(q({ knowledgeResponseType: 'application/json', ...params }));
  expect(res.status, await res.clone().text()).toBe(200);
  return { res, body: ConnectResultSchema.parse(await res.json()) };
}

async function problem(app: App, path: string, status = 400) {
  const res = await app.request(path);
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return { res, text: await res.clone().text(), body: ProblemSchema.parse(await res.json()) };
}

describe('GET /api/v1/connect', () => {
  let app: App;
  beforeAll(async () => {
    const dir = tempDir('medbrief-connect-');
    cpSync(join(repoRoot, 'demo', 'content'), dir, { recursive: true });
    writeFiles(dir, EXTRA);
    const store = await openSqliteStore(':memory:');
    await importContentFolder(store, dir, 'test');
    ({ app } = createApp({
      store,
      config: { baseUrl: BASE, today: () => '2026-06-01' },
      logError: () => {},
    }));
  });

  it.each([
    ['icd10cm', 'Q99.8'],
    ['snomedct', '73211009'],
    ['umls', 'C1234567'],
    ['omim', '123456'],
    ['mesh', 'D000001'],
    ['icd9cm', '759.89'],
  ])('finds a condition by its %s code (exact match)', async (system, code) => {
    const { body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID[system]!,
      'mainSearchCriteria.v.c': code,
    });
    expect(body.match.kind).toBe('exact');
    expect(body.match.code).toMatchObject({ system, code });
    expect(body.conditions.map((c) => c.slug)).toEqual(['testosis']);
  });

  it('normalizes codes as records write them: lower case, no dot, prefixes', async () => {
    for (const [system, code] of [
      ['icd10cm', 'q998'],
      ['umls', 'c1234567'],
      ['mesh', 'MESH:D000001'],
    ] as const) {
      const { body } = await lookup(app, {
        'mainSearchCriteria.v.cs': OID[system]!,
        'mainSearchCriteria.v.c': code,
      });
      expect(body.match.kind, `${system} ${code}`).toBe('exact');
    }
  });

  it('stores and returns ORPHA and DOID codes (no OID: reachable through the API and JSON, not Infobutton)', async () => {
    const res = await app.request('/api/v1/conditions/testosis');
    const body = (await res.json()) as { condition: { codes: Record<string, string[]> } };
    expect(body.condition.codes.orpha).toEqual(['12345']);
    expect(body.condition.codes.doid).toEqual(['DOID:123']);
    const { body: found } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'Q99.8',
    });
    expect(found.conditions[0]!.codes).toContainEqual({ system: 'orpha', oid: null, code: '12345' });
  });

  it('falls back to ICD-10-CM parent codes, most specific first, and says so', async () => {
    const { res, body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'E11.65',
    });
    expect(body.match).toMatchObject({ kind: 'parent', tried: ['E11.65', 'E11.6', 'E11'] });
    expect(body.match.code?.code).toBe('E11');
    expect(body.match.message).toContain('parent code E11');
    expect(res.headers.get('x-medbrief-match')).toBe('parent');
    expect(body.conditions.map((c) => c.slug)).toEqual(['type-2-diabetes']);
    // A parent of a parent: K90.01 → K90.0 (coeliac disease)
    const coeliac = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'K90.01',
    });
    expect(coeliac.body.match.code?.code).toBe('K90.0');
  });

  it('uses the display name through focus detection only when no code matches', async () => {
    const { body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'Z99.89',
      'mainSearchCriteria.v.dn': 'Celiac sprue',
    });
    expect(body.match.kind).toBe('display-name');
    expect(body.match.tried).toEqual(['Z99.89', 'Z99.8', 'Z99']);
    expect(body.conditions.map((c) => c.slug)).toEqual(['coeliac-disease']);
    // A matching code wins over a display name that names something else.
    const code = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'J45',
      'mainSearchCriteria.v.dn': 'Gout',
    });
    expect(code.body.conditions.map((c) => c.slug)).toEqual(['asthma']);
    // Words that appear only inside answers (not a condition name) find nothing: no full-text search.
    const words = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'Z99.89',
      'mainSearchCriteria.v.dn': 'wheezing and itchy spotty rash',
    });
    expect(words.body.match.kind).toBe('none');
    expect(words.body.conditions).toEqual([]);
    // The display name alone (no code) is a valid request too.
    const alone = await lookup(app, { 'mainSearchCriteria.v.dn': 'underactive thyroid' });
    expect(alone.body.conditions.map((c) => c.slug)).toEqual(['hypothyroidism']);
  });

  it('answers an unknown code with 200, an empty feed and a machine-readable "none"', async () => {
    const { res, body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.snomedct!,
      'mainSearchCriteria.v.c': '22298006',
    });
    expect(body.match.kind).toBe('none');
    expect(body.conditions).toEqual([]);
    expect(res.headers.get('x-medbrief-match')).toBe('none');
    const atom = await app.request(
      q({ 'mainSearchCriteria.v.cs': OID.snomedct!, 'mainSearchCriteria.v.c': '22298006' }),
    );
    expect(atom.status).toBe(200);
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await atom.text()).feed;
    expect(feed.entry).toBeUndefined();
    const cats = [feed.category].flat() as Record<string, string>[];
    expect(cats.find((c) => c['@_scheme'] === `${BASE}/api/v1/connect#match`)?.['@_term']).toBe('none');
  });

  it('puts reviewed answers first, labels imported ones in every format, and PROV prefers professional answers', async () => {
    const params = { 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': 'Q99.8' };
    const pat = (await lookup(app, params)).body.conditions[0]!;
    expect(pat.answers.map((a) => a.review.kind)).toEqual(['awaiting-review', 'awaiting-review', 'imported']);
    expect(pat.answers.map((a) => a.aspect)).toEqual(['overview', 'treatment', 'causes']);
    const imported = pat.answers.at(-1)!;
    expect(imported.review.reviewed).toBe(false);
    expect(imported.review.text).toMatch(/Not yet reviewed by our medical team/);
    const prov = (await lookup(app, { ...params, informationRecipient: 'PROV' })).body.conditions[0]!;
    expect(prov.answers[0]!.audience).toBe('professional');
    expect(prov.summary).toMatchObject({
      text: 'Testosis is a made-up condition used to test code lookups.',
    });
    // Reviewed first among demo answers: asthma has reviewed and awaiting-review answers.
    const asthma = (
      await lookup(app, { 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': 'J45' })
    ).body.conditions[0]!;
    const kinds = asthma.answers.map((a) => a.review.kind);
    expect(kinds).toContain('awaiting-review');
    expect(kinds.indexOf('awaiting-review')).toBeGreaterThan(kinds.lastIndexOf('reviewed'));
    // Atom and JSONP carry the same label.
    const atom = await (await app.request(q(params))).text();
    expect(atom).toContain('Not yet reviewed by our medical team');
    const jsonp = await (
      await app.request(q({ ...params, knowledgeResponseType: 'text/javascript', callback: 'cb' }))
    ).text();
    expect(jsonp).toContain('Not yet reviewed by our medical team');
  });

  it('writes a valid Atom feed: namespace, required feed and entry elements, links to the hub and answers', async () => {
    const res = await app.request(
      q({ 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': 'E11.65' }),
    );
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({
      ignoreAttributes: false,
      isArray: (n) => ['entry', 'link', 'category'].includes(n),
    }).parse(xml);
    const feed = doc.feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    // RFC 4287 §4.1.1: a feed has exactly one id, title and updated, and an author (here on the feed).
    for (const el of ['id', 'title', 'updated', 'author']) expect(feed[el], el).toBeDefined();
    expect(String(feed.updated)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(feed.link.find((l: Record<string, string>) => l['@_rel'] === 'self')).toBeDefined();
    expect(feed.entry).toHaveLength(1);
    const entry = feed.entry[0];
    for (const el of ['id', 'title', 'updated', 'summary']) expect(entry[el], el).toBeDefined();
    expect(entry.title['#text']).toBe('Type 2 diabetes');
    const alternate = entry.link.find((l: Record<string, string>) => l['@_rel'] === 'alternate');
    expect(alternate['@_href']).toBe(`${BASE}/conditions/type-2-diabetes`);
    const related = entry.link.filter((l: Record<string, string>) => l['@_rel'] === 'related');
    expect(related.length).toBeGreaterThan(3);
    expect(
      related.every((l: Record<string, string>) =>
        String(l['@_href']).startsWith(`${BASE}/conditions/type-2-diabetes/`),
      ),
    ).toBe(true);
    expect(entry.content['@_type']).toBe('xhtml');
    expect(entry.content.div['@_xmlns']).toBe('http://www.w3.org/1999/xhtml');
    // The request is echoed as Infobutton categories, and the match is machine-readable.
    const cats = Object.fromEntries(
      feed.category.map((c: Record<string, string>) => [c['@_scheme'], c['@_term']]),
    );
    expect(cats['mainSearchCriteria.v.c']).toBe('E11.65');
    expect(cats[`${BASE}/api/v1/connect#match`]).toBe('parent');
  });

  it('serves JSONP only when asked, with the callback restricted to [A-Za-z0-9_.]', async () => {
    const params = { 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': 'J45' };
    const res = await app.request(
      q({ ...params, knowledgeResponseType: 'text/javascript', callback: 'portal.on_result1' }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const text = await res.text();
    const m = /^\/\*\*\/portal\.on_result1\((.*)\);$/s.exec(text);
    expect(m).not.toBeNull();
    expect(ConnectResultSchema.parse(JSON.parse(m![1]!)).match.kind).toBe('exact');
    // A callback alongside JSON is ignored: JSONP only with knowledgeResponseType=text/javascript.
    const json = await app.request(
      q({ ...params, knowledgeResponseType: 'application/json', callback: 'x' }),
    );
    expect(await json.text()).toMatch(/^\{/);
    for (const cb of ['alert(1)', 'a;b', 'x</script>', 'a b', '1abc', 'a'.repeat(65), '']) {
      const bad = await problem(
        app,
        q({ ...params, knowledgeResponseType: 'text/javascript', callback: cb }),
      );
      expect(bad.body.errors?.[0]?.name).toBe('callback');
      if (cb.length > 1) expect(bad.text).not.toContain(cb);
    }
  });

  it('answers a bad or unsupported OID and a malformed code with 400 problem+json naming the parameter', async () => {
    const cases: [Record<string, string>, string][] = [
      [
        { 'mainSearchCriteria.v.cs': 'not-an-oid', 'mainSearchCriteria.v.c': 'E11' },
        'mainSearchCriteria.v.cs',
      ],
      [
        { 'mainSearchCriteria.v.cs': '2.16.840.1.113883.6.88', 'mainSearchCriteria.v.c': '1049502' },
        'mainSearchCriteria.v.cs',
      ],
      [{ 'mainSearchCriteria.v.c': 'E11' }, 'mainSearchCriteria.v.cs'],
      [
        { 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': '250.00' },
        'mainSearchCriteria.v.c',
      ],
      [
        { 'mainSearchCriteria.v.cs': OID.snomedct!, 'mainSearchCriteria.v.c': '44054007' },
        'mainSearchCriteria.v.c',
      ],
      [{ 'mainSearchCriteria.v.cs': OID.umls!, 'mainSearchCriteria.v.c': 'C12' }, 'mainSearchCriteria.v.c'],
      [{ 'mainSearchCriteria.v.cs': OID.icd10cm! }, 'mainSearchCriteria.v.c'],
      [
        {
          'mainSearchCriteria.v.cs': OID.icd10cm!,
          'mainSearchCriteria.v.c': 'E11',
          informationRecipient: 'DOG',
        },
        'informationRecipient',
      ],
      [
        {
          'mainSearchCriteria.v.cs': OID.icd10cm!,
          'mainSearchCriteria.v.c': 'E11',
          knowledgeResponseType: 'text/html',
        },
        'knowledgeResponseType',
      ],
    ];
    for (const [params, name] of cases) {
      const { body } = await problem(app, q(params));
      expect(
        body.errors?.map((e) => e.name),
        JSON.stringify(params),
      ).toContain(name);
      expect(body.detail).toContain(name);
    }
  });

  it('ignores unknown parameters, as the Infobutton guide requires', async () => {
    const { body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'J45',
      'taskContext.c.c': 'PROBLISTREV',
      'patientPerson.administrativeGenderCode.c': 'F',
      'age.v.v': '45',
      whatever: '<b>',
    });
    expect(body.conditions.map((c) => c.slug)).toEqual(['asthma']);
  });

  it('says when another language was asked for (content is English)', async () => {
    const { body } = await lookup(app, {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'J45',
      'informationRecipient.languageCode.c': 'es',
    });
    expect(body.language).toBe('en');
    expect(body.request.language).toBe('es');
    expect(body.notes.join(' ')).toMatch(/English only/);
  });

  it('is cacheable: ETag, Cache-Control and 304 on If-None-Match', async () => {
    const path = q({ 'mainSearchCriteria.v.cs': OID.icd10cm!, 'mainSearchCriteria.v.c': 'J45' });
    const first = await app.request(path);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toMatch(/public, max-age=\d+/);
    const again = await app.request(path, { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
    // Another format is another representation.
    const json = await app.request(`${path}&knowledgeResponseType=application/json`);
    expect(json.headers.get('etag')).not.toBe(etag);
    // Errors are never cached.
    const bad = await app.request(q({ 'mainSearchCriteria.v.cs': 'x', 'mainSearchCriteria.v.c': 'E11' }));
    expect(bad.headers.get('cache-control')).toBe('no-store');
  });

  it('bounds and escapes hostile input: thousands of parameters, 1 MB query strings, markup in names', async () => {
    const many = new URLSearchParams({
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'J45',
    });
    for (let i = 0; i < 3000; i++) many.append(`p${i}`, 'x');
    const tooLong = await problem(app, `/api/v1/connect?${many}`, 414);
    expect(tooLong.body.title).toBe('URI Too Long');
    const huge = await problem(
      app,
      `/api/v1/connect?mainSearchCriteria.v.dn=${'a'.repeat(1024 * 1024)}`,
      414,
    );
    expect(huge.text.length).toBeLessThan(2000);
    // Repeated parameters: the first counts (a few hundred stay within the limit).
    const repeated = new URLSearchParams({ 'mainSearchCriteria.v.cs': OID.icd10cm! });
    for (let i = 0; i < 300; i++) repeated.append('mainSearchCriteria.v.c', i === 0 ? 'J45' : 'E11');
    const rep = await app.request(`/api/v1/connect?${repeated}&knowledgeResponseType=application/json`);
    expect(ConnectResultSchema.parse(await rep.json()).conditions.map((c) => c.slug)).toEqual(['asthma']);
    // Markup and control characters in a display name come back escaped, never raw.
    const evil = '<script>alert(1)</script>"\u0000&\u2028 asthma';
    const params = {
      'mainSearchCriteria.v.cs': OID.icd10cm!,
      'mainSearchCriteria.v.c': 'Z99.89',
      'mainSearchCriteria.v.dn': evil,
    };
    const atom = await (await app.request(q(params))).text();
    expect(XMLValidator.validate(atom)).toBe(true);
    expect(atom).not.toContain('<script>');
    expect(atom).toContain('&lt;script&gt;');
    const json = await (
      await app.request(q({ ...params, knowledgeResponseType: 'application/json' }))
    ).text();
    expect(json).not.toMatch(/<script>|\u2028|\u0000/);
    expect(ConnectResultSchema.parse(JSON.parse(json)).conditions.map((c) => c.slug)).toEqual(['asthma']);
    const jsonp = await (
      await app.request(q({ ...params, knowledgeResponseType: 'text/javascript', callback: 'cb' }))
    ).text();
    expect(jsonp).not.toMatch(/<\/script>|\u2028/);
    const long = await problem(app, q({ ...params, 'mainSearchCriteria.v.dn': 'x'.repeat(500) }));
    expect(long.body.errors?.[0]?.name).toBe('mainSearchCriteria.v.dn');
    expect(long.text).not.toContain('x'.repeat(100));
  });
});

describe('parseConnectQuery', () => {
  it('reads the MedlinePlus Connect example request', () => {
    const r = parseConnectQuery(
      'mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=E11.65&mainSearchCriteria.v.dn=Type%202%20diabetes&informationRecipient.languageCode.c=en&knowledgeResponseType=application/json',
    );
    expect(r).toEqual({
      ok: true,
      request: expect.objectContaining({
        system: 'icd10cm',
        code: 'E11.65',
        displayName: 'Type 2 diabetes',
        recipient: 'PAT',
        format: 'json',
      }),
    });
  });

  it('defaults to Atom as text/xml, and accepts informationRecipient.c', () => {
    const r = parseConnectQuery('mainSearchCriteria.v.dn=asthma&informationRecipient.c=PROV');
    expect(r.ok && r.request).toMatchObject({
      format: 'atom',
      mediaType: 'text/xml; charset=utf-8',
      recipient: 'PROV',
    });
  });
});
