/**
 * The public site in a real browser (Debian Chromium via playwright-core), twice: served by the
 * MedBrief server, and as the `medbrief build` output served by a plain static file server. On
 * every page type: it loads, axe-core finds no WCAG 2.2 A/AA violations, keyboard-only Tab
 * reaches every visible link with a visible focus indicator, and screenshots are saved at 375 px
 * and 1280 px (test-results/screenshots/; the answer page also to docs/screenshots/).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/commands/build.js';
import { createApp, startServer } from '../../src/web/index.js';
import { tempDir } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';
import { failingOn, fixtureStore, PAGE_TYPES, TODAY } from '../site/fixture.js';
import { axeViolations, chromiumOrSkip, launch, tabThroughLinks, visibleLinks } from './browser.js';
import { serveStatic } from './static-server.js';

const chromiumPath = chromiumOrSkip();
const SHOTS = join(repoRoot, 'test-results', 'screenshots');
const DOCS_SHOTS = join(repoRoot, 'docs', 'screenshots');
const WIDTHS = [375, 1280] as const;

/** Page types a static host can serve: no 500 page, and Ask results come from the browser script. */
const STATIC_TYPES = PAGE_TYPES.filter((p) => p.name !== 'server-error').map((p) =>
  p.name.startsWith('ask') ? { ...p, path: p.path.replace('/ask?', '/ask/?') } : p,
);

interface Target {
  label: string;
  baseUrl: string;
  types: typeof PAGE_TYPES;
}

async function open(browser: Browser, url: string, width: number) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  const res = await page.goto(url, { waitUntil: 'networkidle' });
  return { page, status: res?.status() ?? 0, problems };
}

function describeSite(label: string, setup: () => Promise<Target & { close(): Promise<void> }>) {
  describe.skipIf(!chromiumPath)(`site in Chromium — ${label}`, () => {
    let browser: Browser;
    let target: Target & { close(): Promise<void> };
    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      target = await setup();
      browser = await launch(chromiumPath!);
    });
    afterAll(async () => {
      await browser?.close();
      await target?.close();
    });

    const types = label === 'static build' ? STATIC_TYPES : PAGE_TYPES;
    it.each(types)(
      '$name loads, has no axe violations, and every link is reachable by keyboard',
      async (type) => {
        const { page, status, problems } = await open(browser, target.baseUrl + type.path, 1280);
        try {
          expect(status).toBe(type.status ?? 200);
          // No script errors and no CSP violations (only the 404/500 status itself is logged).
          expect(problems.filter((p) => !/status of (404|500)/.test(p))).toEqual([]);
          expect(await page.locator('h1').count()).toBe(1);
          expect(await page.getAttribute('html', 'lang')).toBe('en');
          const violations = await axeViolations(page);
          expect(
            violations.map(
              (v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            ),
          ).toEqual([]);
          const links = await visibleLinks(page);
          const { reached, unstyled } = await tabThroughLinks(page);
          expect(links.filter((href) => !reached.has(href))).toEqual([]);
          expect(unstyled).toEqual([]);
        } finally {
          await page.close();
        }
      },
    );

    it.each(types)(
      '$name has no horizontal scroll at 375 px and is screenshotted at 375 and 1280 px',
      async (type) => {
        for (const width of WIDTHS) {
          const { page } = await open(browser, target.baseUrl + type.path, width);
          try {
            const overflow = await page.evaluate<number>(
              'document.documentElement.scrollWidth - window.innerWidth',
            );
            expect(overflow).toBeLessThanOrEqual(0);
            await page.screenshot({
              path: join(SHOTS, `${label.replace(/\W+/g, '-')}-${type.name}-${width}.png`),
              fullPage: true,
            });
            if (label === 'server' && type.name === 'answer-reviewed') {
              mkdirSync(DOCS_SHOTS, { recursive: true });
              await page.screenshot({
                path: join(DOCS_SHOTS, width === 1280 ? 'answer-page.png' : `answer-page-${width}.png`),
                fullPage: true,
              });
            }
          } finally {
            await page.close();
          }
        }
      },
    );

    it('the answer page reads in order and its JSON-LD parses', async () => {
      const { page } = await open(browser, `${target.baseUrl}/conditions/sacral-agenesis/causes`, 1280);
      try {
        const main = ((await page.locator('main').textContent()) ?? '').replace(/\s+/g, ' ');
        const order = [
          'What causes sacral agenesis',
          'Short answer',
          'Sources',
          'Medically reviewed by',
          'Last updated',
          'Medical disclaimer',
        ];
        const at = order.map((s) => main.indexOf(s));
        expect(at.every((i) => i >= 0)).toBe(true);
        expect(at).toEqual([...at].sort((a, b) => a - b));
        const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
        expect(ld['@type']).toBe('MedicalWebPage');
        expect(ld.about.alternateName).toContain('caudal regression syndrome');
      } finally {
        await page.close();
      }
    });

    it('the search box answers a question', async () => {
      const { page } = await open(browser, `${target.baseUrl}/`, 1280);
      try {
        await page
          .getByRole('searchbox', { name: 'Ask a question about a health condition' })
          .fill('what causes gout');
        await page.keyboard.press('Enter');
        await page.waitForSelector('ol.results a');
        const first = await page.locator('ol.results a').first().getAttribute('href');
        expect(first).toBe('/conditions/gout/causes');
      } finally {
        await page.close();
      }
    });
  });
}

describeSite('server', async () => {
  const store = await fixtureStore();
  const { app } = createApp({ store: failingOn(store), config: { today: () => TODAY }, logError: () => {} });
  const server = await startServer(app, 0);
  return {
    label: 'server',
    baseUrl: server.url,
    types: PAGE_TYPES,
    close: async () => {
      await server.close();
      await store.close();
    },
  };
});

describeSite('static build', async () => {
  const store = await fixtureStore();
  const out = join(tempDir('medbrief-dist-'), 'dist');
  await buildSite({ store, outDir: out, baseUrl: 'http://localhost:3000' });
  await store.close();
  const server = await serveStatic(out);
  return {
    label: 'static build',
    baseUrl: server.url,
    types: STATIC_TYPES,
    close: async () => {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
});
