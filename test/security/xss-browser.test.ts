/**
 * The XSS corpus in a real browser: a sample of payloads from every group, on every page type,
 * in Chromium with the Content-Security-Policy switched off (so escaping alone is tested, not the
 * CSP that would also stop most of it). Any alert/confirm/prompt is counted; there must be none.
 * A canary page with a deliberately unescaped payload proves the listener does catch dialogs.
 */
import { describe, expect, it } from 'vitest';
import { browseApp, chromiumOrSkip } from '../e2e/browser.js';
import { recordFigures } from '../helpers/figures.js';
import { XSS_PAYLOADS } from './xss-payloads.js';
import { startXssSite, type XssSite } from './xss-site.js';

const chromium = chromiumOrSkip();
// The full form (npm run bench:reliability) loads every payload; CI loads four per group.
const PER_GROUP = process.env.MEDBRIEF_FULL === '1' ? Number.POSITIVE_INFINITY : 4;

let site: XssSite;
const web = browseApp(
  chromium,
  async () => {
    site = await startXssSite(XSS_PAYLOADS);
    return { app: site.app, close: () => site.close() };
  },
  120_000,
);

/** Up to PER_GROUP payloads from each group, spread over the group. */
function sample() {
  const byGroup = new Map<string, number[]>();
  for (const [i, p] of XSS_PAYLOADS.entries()) byGroup.set(p.group, [...(byGroup.get(p.group) ?? []), i]);
  return [...byGroup.values()].flatMap((idx) => {
    const step = Math.max(1, Math.floor(idx.length / PER_GROUP));
    return idx.filter((_, k) => k % step === 0).slice(0, PER_GROUP);
  });
}

describe.skipIf(!chromium)('XSS in Chromium (CSP bypassed)', () => {
  it('no dialog fires on any page type for a sample of every payload group', async () => {
    const context = await web.browser.newContext({ bypassCSP: true, javaScriptEnabled: true });
    const [name, value] = site.editorCookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: web.url }]);
    const dialogs: string[] = [];
    const pages = await Promise.all([1, 2, 3].map(() => context.newPage()));
    const current = new Map<(typeof pages)[number], string>();
    for (const page of pages) {
      page.on('dialog', (d) => {
        dialogs.push(`${current.get(page)}: ${d.type()} ${d.message()}`);
        void d.dismiss().catch(() => {});
      });
    }

    // Canary: the same listener sees a dialog from markup that is not escaped.
    current.set(pages[0]!, 'canary');
    await pages[0]!.setContent('<img src="x" onerror="alert(1)">');
    await pages[0]!.waitForTimeout(200);
    expect(dialogs).toEqual(['canary: alert 1']);
    dialogs.length = 0;

    const chosen = sample();
    const paths = ['/', '/about/medical-review', '/editor', '/editor/audit'];
    for (const i of chosen) {
      const n = i + 1;
      const p = XSS_PAYLOADS[i]!;
      const id = site.answerIds.get(p.id);
      const answers = await site.store.listPublishedAnswers(`c-${n}`);
      paths.push(
        `/conditions/c-${n}`,
        ...answers.map((a) => `/conditions/c-${n}/${a.slug}`),
        `/reviewers/r-${n}`,
        `/ask?q=${encodeURIComponent(p.text)}`,
        `/conditions/${encodeURIComponent(p.text)}`,
        `/editor/answers/${id}`,
        `/editor/answers/${id}/review`,
      );
    }
    const queue = [...paths];
    await Promise.all(
      pages.map(async (page) => {
        for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
          current.set(page, path);
          await page.goto(`${web.url}${path}`, { waitUntil: 'load' });
          // focus and hover once, for handlers that need an interaction
          await page.mouse.move(300, 300);
          await page.keyboard.press('Tab');
        }
        await page.waitForTimeout(200);
      }),
    );
    await context.close();
    recordFigures('xss-browser', {
      payloadsSampled: chosen.length,
      pagesLoaded: paths.length,
      dialogs: dialogs.length,
    });
    expect(chosen.length).toBeGreaterThanOrEqual(25);
    expect(dialogs).toEqual([]);
  }, 180_000);
});
