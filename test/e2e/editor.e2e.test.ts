/**
 * The form editor's whole story in Chromium: an admin adds an author with an invitation link
 * (shown once), which the author opens in a browser context of their own, chooses a password and
 * signs in; the author writes a new answer in the structured form (not the raw file) and sees
 * live checks beside the fields, then the preview as the public page renders it; a reviewer finds
 * it in "My tasks" (counts in the navigation, their own notification), reads the side-by-side
 * diff and approves; the editor schedules publication and the due job publishes; the author sees
 * they were told; the admin deactivates the author, whose open session ends at once. Every editor page visited is checked with axe (0 violations) and
 * html-validate, and photographed at 375 and 1280 px (test-results/editor-screens/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';
import { PASSWORDS, startTestSite, type TestSite } from '../workflow/fixture-app.js';
import { axeViolations, chromiumOrSkip, launch } from './browser.js';

const chromiumPath = chromiumOrSkip();
let browser: Browser;
let site: TestSite;
const shots = join(repoRoot, 'test-results', 'editor-screens');
// As the public pages' check, plus the way hono/jsx writes boolean attributes (selected="").
const validator = new HtmlValidate({
  extends: ['html-validate:recommended', 'html-validate:prettier'],
  rules: {
    'attribute-boolean-style': ['error', { style: 'empty' }],
    'attribute-empty-style': ['error', { style: 'empty' }],
  },
});

beforeAll(async () => {
  if (!chromiumPath) return;
  process.env.MEDBRIEF_SCHEDULER_MS = '1000';
  site = await startTestSite();
  await site.repo.createUser(
    { username: 'ada', name: 'Ada Admin', role: 'admin', password: 'ada password 5' },
    'test',
  );
  browser = await launch(chromiumPath);
  mkdirSync(shots, { recursive: true });
}, 60_000);
afterAll(async () => {
  delete process.env.MEDBRIEF_SCHEDULER_MS;
  await browser?.close();
  await site?.close();
});

async function signedIn(username: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${site.server.url}/login`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/editor$/);
  return page;
}

const checked: string[] = [];
/** axe 0 violations, html-validate clean, no sideways scrolling at 375 px; screenshots at both widths. */
async function inspect(page: Page, name: string, served?: string) {
  // The page as served (a POST's answer cannot be fetched again: the caller passes it).
  const html = served ?? (await (await page.context().request.get(page.url())).text());
  const report = await validator.validateString(html, name);
  const problems = report.results.flatMap((r) =>
    r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}: ${m.message}`),
  );
  expect(problems, `${name}: html-validate`).toEqual([]);
  const violations = await axeViolations(page);
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    `${name}: axe`,
  ).toEqual([]);
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: join(shots, `${name}-${width}.png`), fullPage: true });
    if (width === 375) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, `${name}: sideways scroll at 375 px`).toBeLessThanOrEqual(375);
    }
  }
  checked.push(name);
}
// biome-ignore lint/suspicious/noExplicitAny: the DOM exists inside Chromium only
declare const document: any;

describe.skipIf(!chromiumPath)('form editor in the browser', () => {
  it('walks accounts → form with live checks → preview → tasks → diff → schedule → deactivate', async () => {
    const url = site.server.url;
    // 1. The admin adds an author with an invitation link (shown once); the new author opens it
    //    in a browser of their own, chooses a password and signs in.
    const admin = await signedIn('ada', 'ada password 5');
    await admin.goto(`${url}/editor/accounts`);
    await inspect(admin, 'accounts');
    await admin.getByLabel('User name', { exact: true }).fill('nina');
    await admin.getByLabel('Full name').fill('Nina Newauthor');
    await admin.getByLabel(/An invitation link/).check();
    await admin.getByRole('button', { name: 'Add account' }).click();
    const link = (await admin.locator('#one-time-link').textContent())!.trim();
    expect(link).toMatch(/\/account\/setup\/[\w-]{20,}$/);
    await inspect(admin, 'accounts-link-shown');
    const author = await (await browser.newContext()).newPage();
    await author.goto(`${url}${new URL(link).pathname}`);
    await inspect(author, 'account-setup');
    await author.reload(); // inspect fetched the page again, which issued a new sign-in token
    const password = 'nina chooses a long password';
    await author.getByLabel('New password').fill(password);
    await author.getByLabel('The same password again').fill(password);
    await author.getByRole('button', { name: 'Save my password' }).click();
    await author.waitForURL(/\/login\?notice=password-set/);
    await author.getByLabel('User name').fill('nina');
    await author.getByLabel('Password').fill(password);
    await author.getByRole('button', { name: 'Sign in' }).click();
    await author.waitForURL(/\/editor$/);
    // The link works once.
    expect((await author.context().request.get(`${url}${new URL(link).pathname}`)).status()).toBe(410);

    // 2. The author writes a new answer in the form.
    await author.goto(`${url}/editor/new`);
    await author.getByLabel('Question', { exact: true }).fill('How is sacral agenesis treated?');
    await author.getByLabel('Condition', { exact: true }).fill('sacral-agenesis');
    await author.getByLabel('Aspect', { exact: true }).selectOption('treatment');
    await author
      .getByLabel(/TL;DR \(short answer\)/)
      .fill('A team of specialists plans care with the family.');
    await author.getByLabel('Id', { exact: true }).first().fill('nbdps');
    await author.getByLabel('Title', { exact: true }).first().fill('Risk factors study');
    await author.getByLabel('URL', { exact: true }).first().fill('https://example.org/nbdps');
    await author.getByLabel('Accessed', { exact: true }).first().fill('2026-03-30');
    const body = author.getByLabel('Answer (Markdown)');
    await body.fill('Care is always planned by a team of surgeons and nurses, with the family. Cite ');
    await body.press('End');
    await body.type('[^');
    // Footnote ids are offered as you type [^.
    await author.locator('#footnote-suggest button', { hasText: '[^nbdps]' }).click();
    expect(await body.inputValue()).toContain('[^nbdps]');
    // Live checks appear beside the body, with a fix hint, and the word counts update.
    await expect.poll(() => author.locator('#msg-body').textContent(), { timeout: 15_000 }).toMatch(/always/);
    expect(await author.locator('#msg-body').textContent()).toMatch(/How to fix/);
    await expect.poll(() => author.locator('#count-tldr').textContent()).toMatch(/^9 of 60 words$/);
    await inspect(author, 'edit-form');
    // Preview: the public page's article, with its review box.
    await author.getByRole('button', { name: 'Preview and check' }).click();
    const preview = author.locator('section.preview');
    await expect
      .poll(() => preview.locator('section.review').textContent())
      .toMatch(/awaiting medical review/);
    expect(await preview.locator('h1').textContent()).toBe('How is sacral agenesis treated?');
    await inspect(author, 'edit-preview');
    // The raw file view round-trips with the form.
    await author.getByRole('button', { name: 'Markdown file' }).click();
    const file = await author.getByLabel(/Answer file/).inputValue();
    expect(file).toContain('aspect: treatment');
    expect(file).toContain('url: https://example.org/nbdps');
    await inspect(author, 'edit-markdown');
    await author.getByRole('button', { name: 'Form' }).click();
    expect(await author.getByLabel('Question', { exact: true }).inputValue()).toBe(
      'How is sacral agenesis treated?',
    );
    await author.getByRole('button', { name: 'Save revision' }).click();
    await author.waitForURL(/notice=created/);
    const answerUrl = author.url().replace(/\?.*$/, '');
    // Two tabs edit the same revision in the form: the second save gets the 409 page, with the
    // first tab's TL;DR merged into its form and its own body kept; saving it saves the merge.
    const [tab1, tab2] = [await author.context().newPage(), await author.context().newPage()];
    for (const tab of [tab1, tab2]) await tab.goto(`${answerUrl}/edit`);
    await tab1
      .getByLabel(/TL;DR \(short answer\)/)
      .fill('A team of specialists plans care with the family, early.');
    await tab1.getByRole('button', { name: 'Save revision' }).click();
    await tab1.waitForURL(/notice=saved/);
    const tab2Body = tab2.getByLabel('Answer (Markdown)');
    await tab2Body.fill(`${await tab2Body.inputValue()} Physiotherapy helps many children.`);
    const conflict = tab2.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 409);
    await tab2.getByRole('button', { name: 'Save revision' }).click();
    const served = await (await conflict).text();
    await expect.poll(() => tab2.locator('#conflict-heading').count()).toBe(1);
    expect(await tab2.getByLabel(/TL;DR \(short answer\)/).inputValue()).toBe(
      'A team of specialists plans care with the family, early.',
    );
    expect(await tab2Body.inputValue()).toContain('Physiotherapy helps many children.');
    await inspect(tab2, 'edit-conflict', served);
    await tab2.getByRole('button', { name: 'Save revision' }).click();
    await tab2.waitForURL(/notice=saved/);
    await Promise.all([tab1.close(), tab2.close()]);
    await author.reload();
    await author.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => author.locator('.state').first().textContent()).toBe('in review');

    // 3. A reviewer's tasks show it, with the count in the navigation.
    const reviewer = await signedIn('rob', PASSWORDS.rob);
    await reviewer.goto(`${url}/editor/tasks`);
    expect(await reviewer.locator('.editor-nav .count').first().textContent()).toMatch(/^1/);
    expect(await reviewer.locator('#awaiting-review').textContent()).toBe('Awaiting my review (1)');
    // Their own notification of the submission, with the unread count in the navigation.
    const notices = reviewer.locator('.editor-nav a[href="/editor/tasks#notifications"] .count');
    expect(await notices.textContent()).toMatch(/^1/);
    expect(await reviewer.locator('#notifications').textContent()).toBe('Notifications for me (1 unread)');
    expect(await reviewer.locator('.notices li').first().textContent()).toMatch(
      /Submitted for review: How is sacral agenesis treated\? — by nina/,
    );
    await inspect(reviewer, 'tasks');
    await reviewer.getByRole('button', { name: 'Mark all as read' }).click();
    await reviewer.waitForURL(/notice=read/);
    expect(await notices.count()).toBe(0);
    await reviewer
      .locator('section[aria-labelledby="awaiting-review"]')
      .getByRole('link', { name: 'How is sacral agenesis treated?' })
      .click();
    await reviewer.waitForURL(/\/review$/);
    await expect.poll(() => reviewer.locator('.diff-side .diff-row').count()).toBeGreaterThan(2);
    expect(await reviewer.locator('.diff-side ins').first().textContent()).toBeTruthy();
    await inspect(reviewer, 'review-side-by-side');
    await reviewer.getByRole('link', { name: 'Inline' }).click();
    await inspect(reviewer, 'review-inline');
    await reviewer.getByRole('button', { name: 'Approve this revision' }).click();
    await expect.poll(() => reviewer.locator('.state').first().textContent()).toBe('approved');

    // 4. The editor sees it ready to publish and schedules it for the next minute.
    const editor = await signedIn('ed', PASSWORDS.ed);
    await editor.goto(`${url}/editor/tasks`);
    expect(await editor.locator('#ready-to-publish').textContent()).toBe('Approved and ready to publish (1)');
    await editor.goto(answerUrl);
    const at = new Date(Date.now() + 60_000);
    const local = at.toISOString().slice(0, 16);
    await editor.getByLabel('Publish at').fill(local);
    await editor.getByLabel('Time zone').fill('UTC');
    await editor.getByRole('button', { name: 'Schedule publication' }).click();
    await editor.waitForURL(/notice=scheduled/);
    await inspect(editor, 'answer-scheduled');
    await expect
      .poll(async () => (await site.repo.getAnswer(Number(answerUrl.split('/').pop())))!.state, {
        timeout: 90_000,
        interval: 1000,
      })
      .toBe('published');
    await editor.goto(`${url}/editor?q=sacral&state=published`);
    await inspect(editor, 'answer-list');
    await editor.goto(`${answerUrl}/history`);
    await inspect(editor, 'history');

    // The author was told of the approval and the publication, on their own task page.
    await author.goto(`${url}/editor/tasks`);
    const told = await author.locator('.notices').textContent();
    expect(told).toMatch(/Published: How is sacral agenesis treated\?/);
    expect(told).toMatch(/Approved: How is sacral agenesis treated\? — by rob/);

    // 5. The admin deactivates the author: the open session ends at once.
    await admin.goto(`${url}/editor/accounts`);
    await admin.getByText('Change nina').click();
    await admin.getByRole('button', { name: /Deactivate/ }).click();
    await admin.waitForURL(/notice=deactivate/);
    await author.goto(`${url}/editor/tasks`);
    await author.waitForURL(/\/login/);
    expect(checked.length).toBeGreaterThanOrEqual(12);
  }, 240_000);
});
