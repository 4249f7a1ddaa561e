import { describe, expect, it } from 'vitest';
import type { AskEngine, AskResult } from '../../src/search/index.js';
import { createApp } from '../../src/web/index.js';
import { fixtureApp, fixtureStore, TODAY } from '../site/fixture.js';

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** An engine that gives one fixed answer, to test how the page shows what an engine says. */
function stubEngine(
  result: Pick<AskResult, 'abstained' | 'redFlag' | 'nearestConditions'> & {
    results: { answerId: string }[];
  },
): AskEngine {
  const full = {
    reason: null,
    ...result,
    results: result.results.map((r) => ({
      ...r,
      condition: '',
      aspect: 'overview',
      question: '',
      score: 1,
      origin: null,
    })),
  } as AskResult;
  return { ask: () => full } as unknown as AskEngine;
}

describe('public pages', () => {
  it('About our medical review states the interval and lists reviewers with credentials', async () => {
    const { app } = await fixtureApp();
    const t = text(await (await app.request('/about/medical-review')).text());
    expect(t).toContain('within 1 year of its last review');
    expect(t).toContain('Demo Reviewer (demo account) , MD (demo credentials — not a real clinician)');
    expect(t).toContain('not real clinicians');
  });

  it('a reviewer profile lists exactly the published answers bound to their review', async () => {
    const { app, store } = await fixtureApp();
    const html = await (await app.request('/reviewers/demo-reviewer')).text();
    expect(html).toContain('href="/conditions/sacral-agenesis/causes"');
    // Awaiting review and imported answers are not credited to anyone.
    expect(html).not.toContain('href="/conditions/asthma/living-with"');
    expect(html).not.toContain('href="/conditions/gout/outlook"');
    expect(text(html)).toContain('demonstration account');
    expect((await app.request('/reviewers/nobody')).status).toBe(404);
    await store.close();
  });

  it('Ask finds answers, abstains on nonsense, and prompts when empty', async () => {
    const { app } = await fixtureApp();
    const found = await (await app.request('/ask?q=What+causes+gout%3F')).text();
    expect(found).toContain('<meta name="robots" content="noindex"');
    expect(found.indexOf('href="/conditions/gout/causes"')).toBeGreaterThan(0);
    const noneHtml = await (await app.request('/ask?q=zzzz+qqqq')).text();
    expect(text(noneHtml)).toContain('have a reviewed answer to that yet');
    expect(noneHtml).not.toContain('<ol class="results">');
    expect(text(await (await app.request('/ask')).text())).toContain('Type a question');
    // Urgent help is signposted on the Ask page even when no red flag was detected.
    expect(text(noneHtml)).toContain('Worried it may be an emergency');
  });

  it('Ask uses a wired-in engine and shows its urgent-help notice before any result', async () => {
    const store = await fixtureStore();
    const { app } = createApp({
      store,
      config: { today: () => TODAY },
      search: () =>
        stubEngine({
          abstained: false,
          redFlag: {
            kind: 'chest-pain',
            message: 'Chest pain can be an emergency. Call your local emergency number now.',
          },
          results: [{ answerId: 'migraine/symptoms' }],
          nearestConditions: [{ slug: 'migraine', name: 'Migraine' }],
        }),
    });
    const html = await (await app.request('/ask?q=chest+pain+and+headache')).text();
    const urgent = html.indexOf('Chest pain can be an emergency');
    expect(urgent).toBeGreaterThan(0);
    expect(html.indexOf('href="/conditions/migraine/symptoms"')).toBeGreaterThan(urgent);
    expect(html).toContain('role="alert"');
  });

  it('every page but home has the header search; home has its own, larger one', async () => {
    const { app } = await fixtureApp();
    const home = await (await app.request('/')).text();
    expect(home.match(/<search/g)).toHaveLength(1);
    expect(home).toContain('id="home-q"');
    const hub = await (await app.request('/conditions/gout')).text();
    expect(hub).toContain('id="header-q"');
    expect(hub).toContain('action="/ask"');
  });

  it('pages carry a canonical URL, Open Graph tags and the TL;DR as description', async () => {
    const { app } = await fixtureApp();
    const html = await (await app.request('/conditions/sacral-agenesis/causes')).text();
    expect(html).toContain(
      '<link rel="canonical" href="https://medbrief.example/conditions/sacral-agenesis/causes"',
    );
    expect(html).toContain('<meta property="og:type" content="article"');
    expect(html).toMatch(/<meta name="description" content="Sacral agenesis happens when the lower spine/);
    expect(html).not.toMatch(/style=/);
  });
});
