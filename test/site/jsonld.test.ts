import type { MedicalWebPage, WithContext } from 'schema-dts';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerJsonLd, badgeFor, serializeJsonLd } from '../../src/site/index.js';
import type { AnswerView, ConditionRecord, Store } from '../../src/store/index.js';
import { fixtureConfig, fixtureStore } from './fixture.js';

/** The parts of a MedicalWebPage we publish, checked at run time against the schema-dts shape. */
function expectMedicalWebPage(ld: WithContext<MedicalWebPage>) {
  expect(ld['@context']).toBe('https://schema.org');
  expect(ld['@type']).toBe('MedicalWebPage');
  const about = ld.about as Record<string, unknown>;
  expect(about['@type']).toBe('MedicalCondition');
  expect(typeof about.name).toBe('string');
  const main = ld.mainEntity as Record<string, unknown>;
  expect(main['@type']).toBe('Question');
  expect((main.acceptedAnswer as Record<string, unknown>)['@type']).toBe('Answer');
  expect(ld.publisher).toMatchObject({ '@type': 'Organization' });
  expect(ld.dateModified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
}

describe('answer JSON-LD', () => {
  let store: Store;
  let views: Map<string, AnswerView>;
  let conditions: Map<string, ConditionRecord>;
  const config = fixtureConfig();
  beforeAll(async () => {
    store = await fixtureStore();
    views = new Map((await store.allPublishedAnswers()).map((v) => [`${v.conditionSlug}/${v.slug}`, v]));
    conditions = new Map();
    for (const c of await store.listConditions())
      conditions.set(c.slug, (await store.findCondition(c.slug))!);
  });

  const ldFor = async (id: string) => {
    const view = views.get(id)!;
    const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
    const badge = badgeFor(view, reviewers, config);
    return {
      ld: answerJsonLd({ view, badge, condition: conditions.get(view.conditionSlug), config }),
      badge,
    };
  };

  it('describes a reviewed answer: condition with synonyms and code, reviewer, dates, sources', async () => {
    const { ld, badge } = await ldFor('sacral-agenesis/causes');
    expect(badge.kind).toBe('reviewed');
    expectMedicalWebPage(ld);
    expect(ld.about).toMatchObject({
      name: 'Sacral agenesis',
      alternateName: expect.arrayContaining(['caudal regression syndrome']),
      code: [
        { '@type': 'MedicalCode', codeValue: 'Q76.49', codingSystem: 'ICD-10-CM' },
        { '@type': 'MedicalCode', codeValue: '8301004', codingSystem: 'SNOMED CT' },
        { '@type': 'MedicalCode', codeValue: '3027', codingSystem: 'ORPHA' },
      ],
    });
    expect(ld.lastReviewed).toBe('2026-12-02');
    expect(ld.reviewedBy).toMatchObject({
      '@type': 'Person',
      name: 'Demo Reviewer (demo account)',
      hasCredential: { name: expect.stringContaining('MD') },
    });
    expect(ld.medicalAudience).toEqual({ '@type': 'Patient' });
    expect(ld.citation).toHaveLength(2);
    expect(ld.url).toBe('https://medbrief.example/conditions/sacral-agenesis/causes');
  });

  it('claims no review for an answer whose review is not bound to the published revision', async () => {
    const { ld, badge } = await ldFor('asthma/living-with');
    expect(badge.kind).toBe('awaiting-review');
    expectMedicalWebPage(ld);
    expect(ld).not.toHaveProperty('lastReviewed');
    expect(ld).not.toHaveProperty('reviewedBy');
  });

  it('credits the original publisher of an imported answer and claims no review', async () => {
    const { ld } = await ldFor('gout/outlook');
    expect(ld).not.toHaveProperty('reviewedBy');
    expect(ld.isBasedOn).toMatchObject({
      publisher: { name: 'MedlinePlus (NIH)' },
      url: 'https://medlineplus.gov/gout.html',
    });
  });

  it('is embedded in the answer page and parses back to the same object', async () => {
    const { app } = await import('./fixture.js').then((m) => m.fixtureApp());
    const html = await (await app.request('/conditions/sacral-agenesis/causes')).text();
    const m = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/);
    expect(m).not.toBeNull();
    const parsed = JSON.parse(m![1]!) as WithContext<MedicalWebPage>;
    expectMedicalWebPage(parsed);
    expect(parsed.lastReviewed).toBe('2026-12-02');
  });
});

describe('serializeJsonLd', () => {
  const hostile = {
    name: '</script><script>alert(1)</script> & <!-- x --> \u2028 line \u2029 para',
    nested: ['</SCRIPT >', '<\u0000>'],
  };

  it('cannot close the script element or open a comment, and round-trips exactly', () => {
    const s = serializeJsonLd(hostile);
    expect(s).not.toMatch(/<\/script/i);
    expect(s).not.toContain('<!--');
    expect(s).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(s)).toEqual(hostile);
  });

  it('keeps a hostile question inside its script element on the page', async () => {
    const { fixtureApp } = await import('./fixture.js');
    const { app, store } = await fixtureApp();
    const { importContentFolder } = await import('../../src/cli/commands/import.js');
    const { tempDir, writeFiles } = await import('../helpers/content-fixture.js');
    const dir = writeFiles(tempDir(), {
      'gout/condition.md': '---\nname: Gout\n---\nA kind of arthritis.\n',
      'gout/treatment.md': `---
question: "What treats gout </script><script>alert(1)</script>?"
condition: gout
aspect: treatment
tldr: "Medicine \u2028 and </script> rest."
---
Body.
`,
    });
    await importContentFolder(store, dir);
    const html = await (await app.request('/conditions/gout/treatment')).text();
    const scripts = html.match(/<script[\s\S]*?<\/script>/g) ?? [];
    expect(scripts).toHaveLength(1);
    const ld = JSON.parse(scripts[0]!.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''));
    expect(ld.name).toBe('What treats gout </script><script>alert(1)</script>?');
  });
});
