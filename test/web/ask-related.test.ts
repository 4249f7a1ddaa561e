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
  it.each([
    [
      'only the conditions the question matched',
      'My baby was born with sacral agenesis. What caused it?',
      ['sacral-agenesis'],
    ],
    ['none when the question matched no condition', 'how do i fix my car', []],
    [
      'a condition named by a question we cannot answer',
      'Where can I buy gout pills cheaper, who makes allopurinol?',
      ['gout'],
    ],
  ])('lists %s', async (_what, question, expected) => {
    const { app, store } = await fixtureApp();
    const html = await (await app.request(`/ask?q=${encodeURIComponent(question)}`)).text();
    expect(related(html)).toEqual(expected);
    await store.close();
  });
});

describe('Ask page on the demo content', () => {
  it('answers lay words: sugar diabetes feet tingling → type 2 diabetes complications', async () => {
    const { app, store } = await fixtureApp();
    const html = await (await app.request('/ask?q=sugar+diabetes+feet+tingling')).text();
    const first = /<ol class="results">\s*<li>\s*<a href="([^"]+)"/.exec(html)?.[1];
    expect(first).toBe('/conditions/type-2-diabetes/complications');
    await store.close();
  });

  it('?explain=1 shows the parsed message and why it abstained', async () => {
    const { app, store } = await fixtureApp();
    const q = encodeURIComponent('SUBJECT: metformin\nMESSAGE: who makes metformin? my pharmacy ran out');
    const html = await (await app.request(`/ask?q=${q}&explain=1`)).text();
    const t = html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(t).toContain('How we read your question');
    expect(t).toContain('Subject line metformin');
    expect(t).toContain('Question answered who makes metformin?');
    expect(t).toContain('manufacturer → no kind of answer we have');
    expect(t).toContain('no answer (drug-only)');
    expect(t).toContain('no reviewed pages about individual medicines');
    const plain = await (await app.request(`/ask?q=${q}`)).text();
    expect(plain).not.toContain('How we read your question');
    await store.close();
  });
});

describe('Ask page: what it says it read', () => {
  it('a long message names the sentence it answered, or read when it has no answer', async () => {
    const { app, store } = await fixtureApp();
    const page = async (q: string) =>
      (await (await app.request(`/ask?q=${encodeURIComponent(q)}`)).text()).replace(/\s+/g, ' ');
    const background =
      'I have had gout for three years and my doctor put me on allopurinol last spring, after the third bad attack. ';
    const answered = await page(
      `${background}Lately the attacks come back every month. What causes gout attacks?`,
    );
    expect(answered).toContain('We answered: “What causes gout attacks?”');
    const abstained = await page(`${background}Can I take turmeric capsules while I am on allopurinol?`);
    expect(abstained).toContain(
      'We read your question as: “Can I take turmeric capsules while I am on allopurinol?”',
    );
    expect(abstained).not.toContain('We answered');
    await store.close();
  });
});

describe('Ask page on bad input', () => {
  it('gives a clear page for every kind of odd message, never an error', async () => {
    const { app, store } = await fixtureApp();
    const inputs = [
      'why '.repeat(2_500), // 10,000 characters
      'WHAT CAUSES GOUT I HAVE HAD IT FOR YEARS AND NOTHING HELPS',
      '<html><body><p>what causes <b>gout</b></p><script>alert(1)</script></body></html>',
      'allopurinol',
      '¿Qué causa la gota? Tengo dolor en el dedo del pie.',
      '😀😀😀🤒🤒',
      'My name is Jane Doe, 12 Elm Street, phone 555-0134. Can gout be prevented?',
    ];
    for (const q of inputs) {
      const res = await app.request(`/ask?q=${encodeURIComponent(q)}`);
      expect(res.status, q.slice(0, 40)).toBe(200);
      const html = await res.text();
      expect(html).toMatch(/answers?<\/h2>|reviewed answer to that yet/);
    }
    const long = await (
      await app.request(`/ask?q=${encodeURIComponent(`what causes gout? ${'x '.repeat(3_000)}`)}`)
    ).text();
    expect(long).toContain('we read its first 4,000 characters');
    await store.close();
  });
});
