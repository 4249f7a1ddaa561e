import { beforeAll, describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { contentHash, parseAnswerOrThrow } from '../../src/content/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { REVIEWERS, tempDir, writeFiles } from '../helpers/content-fixture.js';

const answer = (body: string, review = '') => `---
question: What causes gout?
condition: gout
aspect: causes
tldr: Gout happens when uric acid forms crystals in a joint.
updated: 2026-05-01
sources:
  - id: nhs
    title: Gout - NHS
    url: https://www.nhs.uk/conditions/gout/
    publisher: NHS
    accessed: 2026-03-30
${review}---
${body}
`;

const body = 'Uric acid builds up in about 1 in 100 people [^nhs].\n\nIt can form crystals.';
const hash = contentHash(parseAnswerOrThrow(answer(body)));
const review = (h: string) =>
  `review:\n  reviewer: demo-reviewer\n  reviewed: 2026-04-07\n  next_review: 2027-04-07\n  revision: ${h}\n`;

async function appWith(files: Record<string, string>) {
  const store = await openSqliteStore(':memory:');
  const dir = writeFiles(tempDir(), {
    'reviewers.yaml': REVIEWERS,
    'gout/condition.md': '---\nname: Gout\nsynonyms: [gouty arthritis]\n---\nA kind of arthritis.\n',
    ...files,
  });
  await importContentFolder(store, dir);
  const errors: unknown[] = [];
  const { app } = createApp({
    store,
    config: { today: () => '2026-06-01' },
    logError: (e) => errors.push(e),
  });
  return { app, store, errors };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('answer page', () => {
  let html: string;
  beforeAll(async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body, review(hash)) });
    const res = await app.request('/conditions/gout/causes');
    expect(res.status).toBe(200);
    html = await res.text();
  });

  it('shows its parts in order: h1 question, TL;DR once, body, sources, review box, last updated, disclaimer', () => {
    const main = text(html.slice(html.indexOf('<main')));
    const positions = [
      'What causes gout?',
      'Short answer Gout happens when uric acid forms crystals',
      'Uric acid builds up',
      'Sources Gout - NHS',
      'Medically reviewed by Demo Reviewer',
      'Last updated: 1 May 2026',
      'Medical disclaimer',
    ].map((s) => main.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).toMatch(/<h1>What causes gout\?<\/h1>/);
  });

  it('prints the TL;DR exactly once', () => {
    const main = html.slice(html.indexOf('<main'));
    expect(main.split('Gout happens when uric acid forms crystals in a joint.').length - 1).toBe(1);
  });

  it('links footnote references to numbered sources', () => {
    expect(html).toContain('<a href="#source-1" aria-label="Source 1">[1]</a>');
    expect(html).toMatch(
      /<li id="source-1"><a href="https:\/\/www.nhs.uk\/conditions\/gout\/">Gout - NHS<\/a>/,
    );
  });

  it('shows the full review fact when the published hash is the reviewed hash', () => {
    expect(text(html)).toContain(
      'Medically reviewed by Demo Reviewer (demo account), MD (demo) on 7 April 2026 · Next review due 7 April 2027',
    );
    expect(text(html)).toContain('demonstration account');
  });
});

describe('review box when the reviewed hash does not match', () => {
  it('says "awaiting medical review" after any edit of the reviewed words', async () => {
    const edited = body.replace('crystals', 'sharp crystals');
    const { app } = await appWith({ 'gout/causes.md': answer(edited, review(hash)) });
    const t = text(await (await app.request('/conditions/gout/causes')).text());
    expect(t).not.toContain('Medically reviewed by');
    expect(t).toContain('Updated 1 May 2026 — awaiting medical review');
    expect(t).toContain('Last updated: 1 May 2026');
  });

  it('says "awaiting medical review" when there is no review at all', async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body) });
    const t = text(await (await app.request('/conditions/gout/causes')).text());
    expect(t).toContain('awaiting medical review');
  });
});

describe('sanitising content', () => {
  it('strips script, event handlers and javascript: URLs from the body', async () => {
    const hostile =
      'Hi <script>alert(1)</script> <img src=x onerror="alert(2)"> [click](javascript:alert(3)) ' +
      '<a href="javascript:alert(4)">x</a> <iframe src="https://evil"></iframe> [^nhs]';
    const { app } = await appWith({ 'gout/causes.md': answer(hostile) });
    const html = await (await app.request('/conditions/gout/causes')).text();
    expect(html).not.toMatch(/<script(?![^>]*application\/ld\+json)/i);
    expect(html).not.toMatch(/onerror|javascript:|<iframe|<img/i);
  });

  it('escapes markup in the question and TL;DR', async () => {
    const a = answer(body)
      .replace(/^tldr: .*$/m, 'tldr: "<b onmouseover=alert(1)>Gout</b> is painful."')
      .replace('What causes gout?', '"What causes <script>alert(1)</script> gout?"');
    const { app } = await appWith({ 'gout/causes.md': a });
    const html = await (await app.request('/conditions/gout/causes')).text();
    expect(html).not.toContain('<b onmouseover');
    expect(html).toContain('&lt;b onmouseover=alert(1)&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('What causes &lt;script&gt;alert(1)&lt;/script&gt; gout?');
  });
});

describe('routes', () => {
  it('lists conditions A–Z on the home page and their questions on the hub', async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body, review(hash)) });
    expect(text(await (await app.request('/')).text())).toContain('Gout');
    const hub = text(await (await app.request('/conditions/gout')).text());
    expect(hub).toContain('Also called: gouty arthritis');
    expect(hub).toContain('What causes gout?');
    expect(hub).toContain('Medically reviewed by');
  });

  it('redirects a synonym slug to the canonical condition URL', async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body) });
    const res = await app.request('/conditions/gouty-arthritis/causes');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/conditions/gout/causes');
  });

  it.each(['/conditions/nope', '/conditions/gout/nope', '/no/such/page'])(
    'answers %s with a 404 page',
    async (path) => {
      const { app } = await appWith({ 'gout/causes.md': answer(body) });
      const res = await app.request(path);
      expect(res.status).toBe(404);
      const html = await res.text();
      expect(html).toContain('Page not found');
      expect(html).toContain('href="/"');
    },
  );

  it('never shows a stack trace: a failing store gives a plain 500 page', async () => {
    const { app, store, errors } = await appWith({ 'gout/causes.md': answer(body) });
    await store.close();
    const res = await app.request('/conditions/gout/causes');
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('Something went wrong');
    expect(html).not.toMatch(/at .*\.ts:\d+|Error:/);
    expect(errors).toHaveLength(1);
  });
});

describe('JSON API', () => {
  it('serves conditions, a condition and an answer with the model and review status', async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body, review(hash)) });
    const list = (await (await app.request('/api/conditions')).json()) as { conditions: object[] };
    expect(list.conditions[0]).toMatchObject({ slug: 'gout', name: 'Gout', synonyms: ['gouty arthritis'] });
    const cond = (await (await app.request('/api/conditions/gout')).json()) as { answers: object[] };
    expect(cond.answers[0]).toMatchObject({ aspect: 'causes', question: 'What causes gout?' });
    const res = await app.request('/api/conditions/gout/causes');
    const a = (await res.json()) as {
      answer: { tldr: string };
      revision: { hash: string };
      review: { kind: string };
    };
    expect(a.answer.tldr).toContain('uric acid');
    expect(a.revision.hash).toBe(hash);
    expect(a.review.kind).toBe('reviewed');
  });

  it('answers unknown API paths with problem+json', async () => {
    const { app } = await appWith({ 'gout/causes.md': answer(body) });
    const res = await app.request('/api/conditions/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { status: number }).status).toBe(404);
  });
});
