/**
 * Chromium for browser tests: Debian's /usr/bin/chromium through playwright-core (Playwright's
 * own browser download does not work here). Absent Chromium skips with a reason, except under
 * CI=true, where it is a failure.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type RunningServer, startServer } from '../../src/web/index.js';
import { repoRoot } from '../helpers/corpus.js';

// The page.evaluate callbacks below run inside Chromium, where the DOM exists; the test project
// compiles without the DOM library, so these names are declared loosely for this file only.
// biome-ignore-start lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose
declare const window: any;
declare const document: any;
declare function getComputedStyle(element: unknown): any;
type HTMLElement = any;
type Element = any;
// biome-ignore-end lint/suspicious/noExplicitAny: browser globals, typed loosely on purpose

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumOrSkip(): string | null {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const message = `Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`;
  if (process.env.CI === 'true') throw new Error(`CI requires a browser: ${message}`);
  console.warn(`skipping browser tests: ${message}`);
  return null;
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--headless=new',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** An app served for a file's browser tests, and the Chromium that visits it. */
export interface BrowsedApp {
  browser: Browser;
  /** The server's base URL, e.g. http://127.0.0.1:41234. */
  url: string;
}

/**
 * For this file's tests: before them, serves the app `setup` builds on a free local port and
 * launches Chromium; after them, closes the browser, the server and what `setup` opened. Without
 * Chromium nothing starts (the file's tests skip).
 */
export function browseApp(
  chromiumPath: string | null,
  setup: () => Promise<{ app: Hono; close: () => Promise<void> }>,
  timeoutMs = 60_000,
): BrowsedApp {
  const browsed = {} as BrowsedApp;
  let server: RunningServer | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (!chromiumPath) return;
    const built = await setup();
    close = built.close;
    server = await startServer(built.app, 0, '127.0.0.1');
    browsed.url = server.url;
    browsed.browser = await launch(chromiumPath);
  }, timeoutMs);
  afterAll(async () => {
    await browsed.browser?.close();
    await server?.close();
    await close?.();
  });
  return browsed;
}

const AXE_SOURCE = readFileSync(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Runs axe-core with the WCAG 2.x A/AA rule sets (2.2 included) and best practices. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not
  // govern; a <script> tag would be (rightly) blocked.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const axe = (window as any).axe;
    const result = await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    });
    return result.violations.map((v: AxeViolation) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Presses Tab until focus comes back round, and returns the hrefs (as written) of every link that
 * took focus, plus whether every focused element showed a visible focus indicator.
 */
export async function tabThroughLinks(page: Page, maxPresses = 400) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  const reached = new Set<string>();
  const unstyled: string[] = [];
  let first: string | null = null;
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const path = [];
      for (let n: Element | null = el; n && n !== document.body; n = n.parentElement) {
        path.unshift(
          `${n.tagName.toLowerCase()}:${Array.prototype.indexOf.call(n.parentElement?.children ?? [], n)}`,
        );
      }
      return {
        key: path.join('/'),
        href: el.tagName === 'A' ? el.getAttribute('href') : null,
        visibleFocus: style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0,
      };
    });
    if (!info) continue;
    if (info.key === first) break;
    first ??= info.key;
    if (info.href !== null) reached.add(info.href);
    if (!info.visibleFocus) unstyled.push(info.key);
  }
  return { reached, unstyled };
}

/** hrefs of every link a sighted user can see on the page. */
export function visibleLinks(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('a[href]')]
      .filter((a) => {
        const r = (a as HTMLElement).getBoundingClientRect();
        const s = getComputedStyle(a);
        return (
          s.visibility !== 'hidden' && s.display !== 'none' && (r.width > 0 || a.classList.contains('skip'))
        );
      })
      .map((a) => a.getAttribute('href') as string),
  );
}
