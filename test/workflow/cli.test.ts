/** The user / review-due / export commands, run as a user runs them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliAsync } from '../helpers/cli.js';
import { repoRoot } from '../helpers/corpus.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-cli-'));
const db = join(dir, 'cli.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const medbrief = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync([...args, '--db', db], env);

describe('medbrief user / review-due / export', () => {
  beforeAll(async () => {
    expect((await medbrief(['import', join(repoRoot, 'demo/content')])).code).toBe(0);
  }, 60_000);

  it('adds accounts, lists them, changes roles and explains mistakes', async () => {
    const add = await medbrief([
      'user',
      'add',
      'dr-kim',
      '--role',
      'reviewer',
      '--name',
      'Dr Kim',
      '--credentials',
      'MD, paediatrics',
      '--demo',
    ]);
    expect(add.code).toBe(0);
    expect(add.stdout).toMatch(/Added dr-kim \(reviewer\), signs reviews as "dr-kim"/);
    expect(add.stdout).toMatch(/Password \(shown once\): \S{20}/);
    expect(
      (await medbrief(['user', 'add', 'ann', '--role', 'author'], { MEDBRIEF_PASSWORD: 'ann password 1' }))
        .stdout,
    ).not.toMatch(/Password/);
    const dup = await medbrief(['user', 'add', 'ann', '--role', 'author'], {
      MEDBRIEF_PASSWORD: 'ann password 1',
    });
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/user "ann" already exists/);
    const badRole = await medbrief(['user', 'role', 'ann', 'wizard']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toMatch(/use one of: author, reviewer, editor, admin/);
    expect((await medbrief(['user', 'role', 'ann', 'editor'])).stdout).toMatch(/ann: author → editor/);
    const list = JSON.parse((await medbrief(['user', 'list', '--format', 'json'])).stdout) as {
      users: { username: string; role: string; reviewerId: string | null }[];
    };
    expect(list.users.map((u) => [u.username, u.role, u.reviewerId])).toEqual([
      ['ann', 'editor', null],
      ['dr-kim', 'reviewer', 'dr-kim'],
    ]);
  }, 60_000);

  it('lists reviews due as text and JSON, and staggers unscheduled ones', async () => {
    const json = JSON.parse(
      (await medbrief(['review-due', '--within', '400d', '--format', 'json', '--today', '2026-11-25']))
        .stdout,
    ) as {
      items: { due: string; status: string; owner: string; basis: string }[];
    };
    expect(json.items.length).toBeGreaterThan(10);
    expect(json.items.every((i) => i.owner && ['overdue', 'due-soon'].includes(i.status))).toBe(true);
    expect([...json.items.map((i) => i.due)].sort()).toEqual(json.items.map((i) => i.due));
    const text = await medbrief(['review-due', '--within', '30d', '--today', '2026-12-01', '--stagger']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Scheduled first reviews for \d+ answers/);
    const bad = await medbrief(['review-due', '--within', 'soon']);
    expect(bad.stderr).toMatch(/--within "soon" is not a window/);
    expect(bad.code).toBe(2);
  }, 60_000);

  it('exports the published content to a folder', async () => {
    const r = await medbrief(['export', join(dir, 'out')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Exported 39 published answers/);
  }, 60_000);
});
