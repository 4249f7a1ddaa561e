import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, startCli } from '../helpers/cli.js';
import { answerFile, contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';

const COMMANDS = ['init', 'validate', 'import', 'serve', 'export-json', 'review'];

describe('medbrief --help', () => {
  it.each(COMMANDS)('%s --help describes the command and exits 0', (cmd) => {
    const r = runCli([cmd, '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`Usage: medbrief ${cmd}`));
  });

  it('an unknown command exits 2 with a message', () => {
    const r = runCli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe('init', () => {
  it('creates a starter folder that validates and imports', () => {
    const dir = join(tempDir(), 'content');
    const r = runCli(['init', dir]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'example-condition', 'causes.md'))).toBe(true);
    expect(runCli(['validate', dir]).status).toBe(0);
    const db = join(tempDir(), 'x.db');
    expect(runCli(['import', dir, '--db', db]).status).toBe(0);
  });

  it('refuses a non-empty folder with exit code 2', () => {
    const dir = writeFiles(tempDir(), { 'keep.txt': 'mine' });
    const r = runCli(['init', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not empty/);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('validate', () => {
  it('exits 0 on valid content and names the counts', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha'], ['causes', 'symptoms']));
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1 conditions, 2 answers/);
  });

  it('exits 1 and prints file:line:column, message and hint for each problem', () => {
    const files = contentFolder(['alpha'], ['causes']);
    files['alpha/symptoms.md'] = answerFile('alpha', 'symptoms').replace('aspect: symptoms', 'aspect: signs');
    const dir = writeFiles(tempDir(), files);
    const r = runCli(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/alpha\/symptoms\.md:4:\d+: "aspect" unknown aspect "signs"/);
    expect(r.stderr).toMatch(/\[unknown-aspect\]/);
    expect(r.stderr).toMatch(/1 problem in 1 file/);
  });

  it('exits 2 when the folder does not exist', () => {
    const r = runCli(['validate', '/no/such/dir']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/content folder not found/);
  });
});

describe('import', () => {
  it('imports, then reports everything unchanged on a second run', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha', 'beta'], ['causes']));
    const db = join(tempDir(), 'm.db');
    const first = runCli(['import', dir, '--db', db]);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/answers\s+2 added, 0 updated, 0 unchanged/);
    expect(runCli(['import', dir, '--db', db]).stdout).toMatch(/answers\s+0 added, 0 updated, 2 unchanged/);
  });

  it('exits 1 on invalid content and writes nothing', () => {
    const files = contentFolder(['alpha'], ['causes']);
    files['alpha/causes.md'] = answerFile('alpha', 'causes', { body: 'x [^nope]' });
    const dir = writeFiles(tempDir(), files);
    const db = join(tempDir(), 'm.db');
    const r = runCli(['import', dir, '--db', db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/footnote \[\^nope\] does not match any source/);
    const exported = JSON.parse(runCli(['export-json', '--db', db]).stdout);
    expect(exported.conditions).toEqual([]);
  });

  it('exits 2 when the database cannot be opened', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha'], ['causes']));
    const notAFolder = join(dir, 'reviewers.yaml'); // a file, so nothing can be created below it
    const r = runCli(['import', dir, '--db', join(notAFolder, 'place.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot open the database/);
  });
});

describe('export-json', () => {
  it('writes every condition with its published answers and review status', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha'], ['causes', 'treatment']));
    const db = join(tempDir(), 'm.db');
    runCli(['import', dir, '--db', db]);
    const out = join(tempDir(), 'out.json');
    expect(runCli(['export-json', '--db', db, '--out', out]).status).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.conditions[0].slug).toBe('alpha');
    expect(json.conditions[0].answers.map((a: { aspect: string }) => a.aspect)).toEqual([
      'causes',
      'treatment',
    ]);
    expect(json.conditions[0].answers[0].review.kind).toBe('awaiting-review');
  });
});

describe('review stamp', () => {
  it('binds the review to the content hash, changing only the review lines', () => {
    const files = contentFolder(['alpha'], ['causes']);
    const dir = writeFiles(tempDir(), files);
    const file = join(dir, 'alpha', 'causes.md');
    const before = readFileSync(file, 'utf8');
    const r = runCli(['review', 'stamp', file, '--reviewer', 'demo-reviewer', '--date', '2026-02-03']);
    expect(r.status).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toMatch(
      /review:\n {2}reviewer: demo-reviewer\n {2}reviewed: 2026-02-03\n {2}next_review: 2027-02-03\n {2}revision: sha256:[0-9a-f]{64}\n---/,
    );
    expect(after.replace(/review:[\s\S]*?(?=---)/, '')).toBe(before);
    const db = join(tempDir(), 'm.db');
    runCli(['import', dir, '--db', db]);
    const json = JSON.parse(runCli(['export-json', '--db', db]).stdout);
    expect(json.conditions[0].answers[0].review.kind).toBe('reviewed');
  });

  it('needs a reviewer unless --keep, exit 2', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha'], ['causes']));
    const r = runCli(['review', 'stamp', join(dir, 'alpha', 'causes.md')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--reviewer/);
  });
});

describe('serve', () => {
  const servers: { kill: () => void }[] = [];
  afterAll(() => {
    for (const s of servers) s.kill();
  });

  it('imports the demo content on first start and serves the answer page', async () => {
    const db = join(tempDir(), 'demo.db');
    const s = startCli(['serve', '--demo', '--db', db, '--port', '0'], /at (http:\/\/\S+)/);
    servers.push(s.child);
    const [, url] = await s.started;
    expect(s.output()).toMatch(/imported the demo content/);
    const res = await fetch(`${url}/conditions/sacral-agenesis/causes`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<h1>What causes sacral agenesis and caudal regression syndrome?</h1>');
    expect(html).toContain('Medically reviewed by');
    expect((await fetch(`${url}/nope`)).status).toBe(404);
  });

  it('exits 2 with a clear message for an invalid port', () => {
    const r = runCli(['serve', '--port', 'eighty', '--db', join(tempDir(), 'x.db')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--port: .*number/);
  });
});
