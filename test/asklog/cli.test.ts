/** `medbrief gaps` and `medbrief asklog purge` against a real SQLite file, with non-default options. */

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskLogRepo, hourBucket, type NewAskRow } from '../../src/asklog/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/content-fixture.js';
import { bundle } from '../store/fixtures.js';

const dir = tempDir('medbrief-asklog-cli-');
const db = join(dir, 'site.db');
const days = (n: number) => new Date(Date.now() - n * 86_400_000);
const row = (question: string, at: Date, extra: Partial<NewAskRow> = {}): NewAskRow => ({
  hour: hourBucket(at),
  channel: 'page',
  focus: 'gout',
  focusKnown: false,
  aspect: 'causes',
  outcome: 'abstained',
  answerRef: null,
  score: null,
  reason: 'no-match',
  question,
  ...extra,
});

beforeAll(async () => {
  const store = await openSqliteStore(db);
  await importBundle(store, bundle(), { actor: 'test' });
  await new AskLogRepo(store).insertAsks([
    row('what causes gout?', days(1)),
    row('=cmd|calc why gout', days(2)),
    row('gout causes', days(40)),
    row('is asthma inherited', days(3), { focus: 'asthma', focusKnown: true, aspect: 'inheritance' }),
    row('old question', days(200)),
  ]);
  await store.close();
});
afterAll(() => {
  /* the temp folder is removed with the OS temp dir */
});

describe('medbrief gaps', () => {
  it('lists groups for the period as text, with the trend from the period before', () => {
    const r = runCli(['gaps', '--since', '7d', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('3 unanswered or weakly answered question(s)');
    expect(r.stdout).toMatch(
      /2 {2}gout \(no such condition yet\) × Causes {2}\(2 unanswered, 0 weak; previous period 0, new\)/,
    );
    expect(r.stdout).toContain('Asthma × Inheritance');
  }, 120_000);

  it('writes CSV with formula cells neutralised, and JSON', () => {
    const csv = runCli(['gaps', '--since', '60d', '--format', 'csv', '--db', db]);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'condition,aspect,condition_exists,count,unanswered,weak,previous,trend,examples,nearest,status,reason',
    );
    expect(csv.stdout).toContain('gout,causes,no,3,3,0,0,new,');
    expect(csv.stdout).not.toMatch(/(^|,|")=cmd/m);
    const json = runCli(['gaps', '--since', '30d', '--format', 'json', '--db', db]);
    const report = JSON.parse(json.stdout) as {
      groups: { focus: string; count: number; previous: number }[];
    };
    expect(report.groups.find((g) => g.focus === 'gout')).toMatchObject({ count: 2, previous: 1 });
  }, 120_000);

  it('refuses a bad period or format with a hint, and a missing database', () => {
    const bad = runCli(['gaps', '--since', 'soon', '--db', db]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--since "soon" is not a period/);
    expect(runCli(['gaps', '--format', 'xml', '--db', db]).stderr).toMatch(/use text, csv or json/);
    const missing = runCli(['gaps', '--db', join(dir, 'nope.db')]);
    expect(missing.status).not.toBe(0);
  }, 180_000);
});

describe('medbrief asklog purge', () => {
  it('deletes what is older than --days and says how many are kept', async () => {
    const r = runCli(['asklog', 'purge', '--days', '30', '--db', db]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Deleted 2 logged question(s) older than 30 day(s)');
    expect(r.stdout).toContain('3 kept');
    const store = await openSqliteStore(db);
    expect(await new AskLogRepo(store).countAsks()).toBe(3);
    await store.close();
    expect(runCli(['asklog', 'purge', '--days', 'x', '--db', db]).stderr).toMatch(
      /not a whole number of days/,
    );
  }, 120_000);
});
