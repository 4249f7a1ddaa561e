import { describe, expect, it } from 'vitest';
import { fixtureApp } from '../site/fixture.js';

/** The "Related conditions" list of an Ask page, as condition paths. */
function related(html: string): string[] {
  const at = html.indexOf('id="nearest-heading"');
  if (at < 0) return [];
  const section = html.slice(at, html.indexOf('</section>', at));
  return [...section.matchAll(/href="\/conditions\/([^"/]+)"/g)].map((m) => m[1]!);
}

describe('Ask page: Related conditions', () => {
  it('lists only the conditions the question matched', async () => {
    const { app, store } = await fixtureApp();
    const q = encodeURIComponent('My baby was born with sacral agenesis. What caused it?');
    const html = await (await app.request(`/ask?q=${q}`)).text();
    expect(related(html)).toEqual(['sacral-agenesis']);
    await store.close();
  });

  it('lists none when the question matched no condition', async () => {
    const { app, store } = await fixtureApp();
    const html = await (await app.request('/ask?q=how+do+i+fix+my+car')).text();
    expect(related(html)).toEqual([]);
    await store.close();
  });

  it('lists a condition named by a question we cannot answer', async () => {
    const { app, store } = await fixtureApp();
    const q = encodeURIComponent('Where can I buy gout pills cheaper, who makes allopurinol?');
    const html = await (await app.request(`/ask?q=${q}`)).text();
    expect(related(html)).toEqual(['gout']);
    await store.close();
  });
});
