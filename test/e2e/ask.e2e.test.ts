/**
 * The Ask page in a real browser (Debian Chromium via playwright-core) with what people actually
 * paste: a long message with a subject line, background and several questions; a question only
 * about a medicine; the longest real consumer message in MeQSum (../shared/data, read at run
 * time, never copied). Each is typed into the page's text area and sent with the Search button,
 * as a reader would; the page must answer (or abstain honestly) and fit a 375 px screen.
 * Screenshots: test-results/screenshots/ask-long-{375,1280}.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/web/index.js';
import { meqsumDir, repoRoot } from '../helpers/corpus.js';
import { fixtureStore, TODAY } from '../site/fixture.js';
import { browseApp, chromiumOrSkip } from './browser.js';

const chromiumPath = chromiumOrSkip();
const meqsum = meqsumDir();

/**
 * Written for this test in the way real consumer messages are (MeQSum, MEDIQA): a subject line, a
 * worried relative's background, typos, lay words, several questions; ~1,700 characters.
 */
const LONG_MESSAGE = `SUBJECT: my dad sugar diabetes and his feet
MESSAGE: Hello, I hope someone can help me because I am really worried about my father. He is 67 and was told about six years ago that he has type 2 diabetes, what he calls "sugar diabetes". He takes his tablets most days but to be honest he is not very careful with what he eats, he likes his bread and sweet tea and he does not walk much since he retired. We live about an hour away from his doctor and he hates going, he says they only tell him off. Last month when I visited he told me his feet have been tingling and going numb at night, like pins and needles, and sometimes they burn. He also said he stubbed his toe and did not really feel it, and the cut on it took weeks to heal. My aunt (his sister) lost some toes because of her diabetes many years ago, so I am scared the same thing will happen to him. He also gets up at night a lot to pee and says his eyesight is a bit blurry when reading the paper, but he thinks that is just his age. I have read so many different things on the internet that I dont know what to believe anymore, some sites say you can reverse it with cinnamon and others say it always gets worse. Could the tingling and numbness in his feet be caused by the diabetes, and is it a sign of nerve damage? What other problems can diabetes cause if it is not well controlled? Should he be checking his feet every day and is there anything that helps? Also is it true that it runs in families, should I be tested too because I am 41 and a bit overweight? Sorry for the long message and thank you for any help you can give, we just want to know what to watch out for and when he really needs to see someone.`;

const web = browseApp(chromiumPath, async () => {
  const store = await fixtureStore();
  const { app } = createApp({ store, config: { today: () => TODAY }, logError: () => {} });
  return { app, close: () => store.close() };
});

/** Opens /ask at `width`, types `message` into the text area and presses Search. */
async function ask(message: string, width: number): Promise<Page> {
  const page = await web.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${web.url}/ask`);
  const box = page.locator('main textarea[name="q"]');
  await box.fill(message);
  await page.locator('main').getByRole('button', { name: 'Search' }).click();
  await page.waitForURL(/\/ask\?q=/);
  expect(errors).toEqual([]);
  return page;
}

/** Widest element overflow, in px, beyond the viewport (0 = nothing scrolls sideways). */
function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(
    // biome-ignore lint/suspicious/noExplicitAny: runs in the browser, where document exists
    () => (globalThis as any).document.documentElement.scrollWidth - (globalThis as any).innerWidth,
  );
}

async function firstResult(page: Page): Promise<string | null> {
  const links = page.locator('ol.results a');
  return (await links.count()) > 0 ? links.first().getAttribute('href') : null;
}

describe.skipIf(!chromiumPath)('Ask page with real-length messages', () => {
  it('answers a pasted 1,700-character message with its main question, at 375 and 1280 px', async () => {
    expect(LONG_MESSAGE.length).toBeGreaterThanOrEqual(1_500);
    expect(LONG_MESSAGE.length).toBeLessThanOrEqual(2_000);
    for (const width of [375, 1280]) {
      const page = await ask(LONG_MESSAGE, width);
      try {
        expect(await firstResult(page)).toBe('/conditions/type-2-diabetes/complications');
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).not.toContain("We don't have a reviewed answer");
        // The message comes back in the text area, whole, for the reader to edit.
        expect(await page.locator('main textarea[name="q"]').inputValue()).toBe(LONG_MESSAGE);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({
          path: join(repoRoot, 'test-results', 'screenshots', `ask-long-${width}.png`),
          fullPage: true,
        });
      } finally {
        await page.close();
      }
    }
  }, 60_000);

  it('abstains on a question only about a medicine, saying why, and fits 375 px', async () => {
    const page = await ask(
      'SUBJECT: metformin\nMESSAGE: who makes metformin? my pharmacy ran out and I need to know the manufacturer',
      375,
    );
    try {
      expect(await firstResult(page)).toBeNull();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain("We don't have a reviewed answer");
      expect(text).toContain('no reviewed pages about individual medicines');
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  }, 30_000);

  it.skipIf(!meqsum)(
    'handles the longest real consumer message in MeQSum without overflow',
    async () => {
      const messages = readFileSync(join(meqsum!, 'meqsum.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => (JSON.parse(l) as { chq: string }).chq);
      const longest = messages.reduce((a, b) => (b.length > a.length ? b : a));
      expect(longest.length).toBeGreaterThan(1_500);
      const page = await ask(longest, 375);
      try {
        const text = (await page.locator('main').textContent()) ?? '';
        // A result list or the honest abstention, never an error page.
        const answered = (await firstResult(page)) !== null;
        expect(answered || text.includes("We don't have a reviewed answer")).toBe(true);
        expect(text).not.toMatch(/error|went wrong/i);
        expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      } finally {
        await page.close();
      }
    },
    30_000,
  );
});
