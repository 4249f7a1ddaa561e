/**
 * Closing the loop in a real browser (Debian chromium via playwright-core), app in-process on
 * 127.0.0.1 with the question log on: a patient asks a question the site cannot answer → the
 * editor sees it in the gap queue, personal data removed → starts a draft from it → the author
 * writes it, a reviewer approves, the editor publishes → the same question now gets the answer.
 * Also takes the screenshots of the gap page and an answer page's feedback form at 375 and 1280 px.
 */

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { searchService } from '../../src/search/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { tempDir } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';
import { bundle } from '../store/fixtures.js';
import { createTeam, GOUT_CAUSES, PASSWORDS } from '../workflow/fixture-app.js';
import { browseApp, chromiumOrSkip } from './browser.js';

const chromiumPath = chromiumOrSkip();
const web = browseApp(chromiumPath, async () => {
  const store = await openSqliteStore(join(tempDir('medbrief-gaps-'), 'site.db'));
  await importBundle(store, bundle(), { actor: 'test' });
  await createTeam(workflowRepo(store));
  const { app, askLog } = createApp({
    store,
    askLog: { enabled: true },
    search: searchService(store, { checkEveryMs: 0 }),
  });
  return {
    app,
    close: async () => {
      await askLog?.close();
      await store.close();
    },
  };
});

async function signedIn(username: keyof typeof PASSWORDS): Promise<Page> {
  const page = await (await web.browser.newContext()).newPage();
  await page.goto(`${web.url}/login`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORDS[username]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/editor$/);
  return page;
}

const QUESTION = 'What causes gout? My name is Sarah Jones, call me on 07700 900123';

const ANSWER = GOUT_CAUSES;

async function shoot(page: Page, url: string, name: string) {
  const dir = join(repoRoot, 'test-results');
  mkdirSync(dir, { recursive: true });
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
  }
}

describe.skipIf(!chromiumPath)('the gap queue in the browser', () => {
  it('patient asks → editor sees the gap (scrubbed) → starts a draft → publishes → the question is answered', async () => {
    const patient = await (await web.browser.newContext()).newPage();
    await patient.goto(`${web.url}/`);
    await patient.getByRole('searchbox').first().fill(QUESTION);
    await patient.getByRole('button', { name: 'Search' }).first().click();
    await patient.waitForURL(/\/ask\?q=/);
    expect(await patient.locator('main').textContent()).toContain("We don't have a reviewed answer");

    // The editor sees the gap, with the question scrubbed of the name and number.
    const editor = await signedIn('ed');
    await expect
      .poll(async () => {
        await editor.goto(`${web.url}/editor/gaps`);
        return editor.locator('main').textContent();
      })
      .toContain('What causes gout? My name is [NAME], call me on [PHONE]');
    const main = (await editor.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/Sarah|Jones|07700/);
    expect(main).toContain('no such condition yet');
    await shoot(editor, `${web.url}/editor/gaps`, 'gaps');
    expect(await editor.getByRole('link', { name: 'Question gaps' }).count()).toBe(1);

    const group = editor.locator('li.gap', { hasText: 'gout × Causes' });
    await group.getByRole('button', { name: 'Start a draft' }).click();
    await editor.waitForURL(/\/editor\/answers\/\d+\?notice=created/);
    const answerUrl = editor.url().replace(/\?.*$/, '');
    expect(await editor.locator('main').textContent()).toContain(
      'Patients asked this and found no good answer',
    );

    // The author writes it and submits; a reviewer approves; the editor publishes.
    const author = await signedIn('ann');
    await author.goto(`${answerUrl}/edit`);
    if ((await author.getByLabel(/Answer file/).count()) === 0) {
      await author.getByRole('button', { name: 'Markdown file' }).click();
    }
    await author.getByLabel(/Answer file/).fill(ANSWER);
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/notice=saved/);
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => author.locator('.state').first().textContent()).toBe('in review');
    const reviewer = await signedIn('rita');
    await reviewer.goto(`${answerUrl}/review`);
    await reviewer.getByRole('button', { name: 'Approve this revision' }).click();
    await expect.poll(() => reviewer.locator('.state').first().textContent()).toBe('approved');
    await editor.goto(answerUrl);
    await editor.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => editor.locator('.state').first().textContent()).toBe('published');

    // The same question now gets the answer.
    await expect
      .poll(
        async () => {
          await patient.goto(`${web.url}/ask?q=${encodeURIComponent(QUESTION)}`);
          return patient.locator('main a[href="/conditions/gout/causes"]').count();
        },
        { timeout: 20_000 },
      )
      .toBeGreaterThan(0);

    // The answer page asks for feedback; "No" opens the comment box without any script.
    await patient.goto(`${web.url}/conditions/gout/causes`);
    await patient.setViewportSize({ width: 375, height: 900 });
    await patient.getByText('No', { exact: true }).click();
    await patient.getByLabel('What was missing or wrong?').fill('Nothing on diet. I am Sarah Jones.');
    await patient
      .locator('#feedback')
      .screenshot({ path: join(repoRoot, 'test-results', 'answer-feedback-open-375.png') });
    await patient.getByRole('button', { name: 'Send' }).click();
    await patient.waitForURL(/feedback=thanks/);
    expect(await patient.locator('#feedback').textContent()).toContain('Your feedback was sent');
    await shoot(patient, `${web.url}/conditions/gout/causes`, 'answer-feedback');
    await editor.goto(answerUrl);
    const panel = (await editor.locator('.feedback-panel').textContent()) ?? '';
    expect(panel).toContain('0 helpful, 1 not helpful');
    expect(panel).toContain('Nothing on diet. I am [NAME].');
  }, 180_000);
});
