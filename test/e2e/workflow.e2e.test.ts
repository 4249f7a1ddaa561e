/**
 * The whole editorial story in a real browser (Debian chromium via playwright-core), against the
 * app served in-process on 127.0.0.1 with a temporary SQLite store:
 * author writes → submits → reviewer requests changes → author fixes → reviewer approves →
 * editor publishes → the public page shows "Medically reviewed by … on …"; the author edits again
 * and the public page keeps the reviewed revision until the new one is approved.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../src/site/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { PASSWORDS, startTestSite, type TestSite } from '../workflow/fixture-app.js';
import { chromiumOrSkip, launch } from './browser.js';

const chromiumPath = chromiumOrSkip();
let browser: Browser;
let site: TestSite;

beforeAll(async () => {
  if (!chromiumPath) return;
  site = await startTestSite();
  browser = await launch(chromiumPath);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function signedIn(username: keyof typeof PASSWORDS): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${site.server.url}/login`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(PASSWORDS[username]);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/editor$/);
  return page;
}

const FIRST = `---
question: How is sacral agenesis treated?
condition: sacral-agenesis
aspect: treatment
tldr: >-
  Treatment depends on which nerves and organs are affected. A team of specialists plans care
  together with the family.
sources:
  - id: nbdps
    title: Risk factors study
    url: https://example.org/nbdps
    accessed: 2026-03-30
---
Care is planned by a team [^nbdps].
`;

describe.skipIf(!chromiumPath)('editorial workflow in the browser', () => {
  it('walks author → reviewer → author → reviewer → editor → public page', async () => {
    const author = await signedIn('ann');
    const reviewer = await signedIn('rita');
    const editor = await signedIn('ed');
    const reader = await (await browser.newContext()).newPage();
    const publicUrl = `${site.server.url}/conditions/sacral-agenesis/treatment`;

    // 1. The author writes a new answer, previews it, saves it and submits it.
    await author.goto(`${site.server.url}/editor/new?mode=markdown`);
    await author.getByLabel(/Answer file/).fill(FIRST);
    await author.getByRole('button', { name: 'Preview and check' }).click();
    await expect.poll(() => author.getByRole('heading', { name: 'Preview' }).count()).toBe(1);
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/\/editor\/answers\/\d+\?notice=created/);
    const answerUrl = author.url().replace(/\?.*$/, '');
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => author.locator('.state').first().textContent()).toBe('in review');

    // 2. The reviewer asks for changes, with a reason.
    await reviewer.goto(`${answerUrl}/review`);
    const requestForm = reviewer.locator('form', {
      has: reviewer.getByRole('button', { name: 'Request changes' }),
    });
    await requestForm.locator('textarea').fill('Please say which specialists are usually involved.');
    await requestForm.getByRole('button', { name: 'Request changes' }).click();
    await expect.poll(() => reviewer.locator('.state').first().textContent()).toBe('changes requested');

    // 3. The author sees the comment, fixes the text and submits again.
    await author.goto(answerUrl);
    await expect
      .poll(() => author.getByText('Please say which specialists are usually involved.').count())
      .toBe(1);
    await author.goto(`${answerUrl}/edit?mode=markdown`);
    const box = author.getByLabel(/Answer file/);
    await box.fill(
      (await box.inputValue()).replace(
        'Care is planned by a team [^nbdps].',
        'Care is planned by a team of surgeons, urologists and physiotherapists [^nbdps].',
      ),
    );
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/notice=saved/);
    await author.getByRole('button', { name: 'Submit for review' }).click();

    // 4. The reviewer sees the word-level changes and approves this exact revision.
    await reviewer.goto(`${answerUrl}/review`);
    await expect
      .poll(() => reviewer.locator('.diff-row ins', { hasText: 'surgeons' }).count())
      .toBeGreaterThan(0);
    await reviewer.getByRole('button', { name: 'Approve this revision' }).click();
    await expect.poll(() => reviewer.locator('.state').first().textContent()).toBe('approved');

    // The public page does not exist until an editor publishes.
    expect((await reader.goto(publicUrl))?.status()).toBe(404);

    // 5. The editor publishes.
    await editor.goto(answerUrl);
    await editor.getByRole('button', { name: 'Publish' }).click();
    await expect.poll(() => editor.locator('.state').first().textContent()).toBe('published');

    // 6. The public page shows the reviewed text with the review badge.
    const today = formatDate(new Date().toISOString().slice(0, 10));
    await reader.goto(publicUrl);
    const badge = reader.locator('section.review');
    await expect
      .poll(() => badge.textContent())
      .toContain(
        `Medically reviewed by Demo Paediatrician (demo account), MD, paediatrics (demo) on ${today}`,
      );
    expect(await reader.locator('article').textContent()).toContain(
      'surgeons, urologists and physiotherapists',
    );

    // 7. The author edits again: the public page keeps the reviewed revision and its badge.
    await author.goto(`${answerUrl}/edit?mode=markdown`);
    await box.fill((await box.inputValue()).replace('physiotherapists', 'physiotherapists and nurses'));
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/notice=saved/);
    expect(await author.locator('main').textContent()).toMatch(
      /the public page keeps this revision until the new one is approved/,
    );
    await reader.goto(publicUrl);
    expect(await reader.locator('article').textContent()).not.toContain('and nurses');
    expect(await badge.textContent()).toContain('Medically reviewed by Demo Paediatrician');

    const shots = join(repoRoot, 'test-results');
    mkdirSync(shots, { recursive: true });
    await author.screenshot({ path: join(shots, 'workflow-editor.png'), fullPage: true });
    await reader.screenshot({ path: join(shots, 'workflow-public.png'), fullPage: true });

    // The audit log tells the story in order.
    const actions = (await site.repo.listAudit({ entity: 'answer' }))
      .filter((e) => e.entityId === answerUrl.split('/').pop())
      .map((e) => `${e.actor}:${e.action}`)
      .reverse();
    expect(actions).toEqual([
      'ann:create',
      'ann:submit',
      'rita:request_changes',
      'ann:edit',
      'ann:submit',
      'rita:approve',
      'ed:publish',
      'ann:edit',
    ]);
  }, 120_000);
});
