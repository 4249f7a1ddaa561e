/** `medbrief lint` and `medbrief audit` end to end: exit codes, --fix, config files, formats. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

function medbrief(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [join(repoRoot, 'bin', 'medbrief.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, MEDBRIEF_FROM_SOURCE: '1', NO_COLOR: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ANSWER = `---
question: What causes sacral agenesis?
condition: sacral-agenesis
aspect: causes
tldr: In most cases nobody knows why the lower spine does not form fully in early pregnancy.
sources:
  - id: nbdps
    title: Risk factors for caudal regression syndrome
    url: https://pmc.ncbi.nlm.nih.gov/articles/PMC8926019/
    accessed: 2026-03-30
---
Diabetes before pregnancy is the best-known risk factor.[^Nbdps]

The spine forms in the first weeks, often before a woman knows she is pregnant, and the lower end forms last.

The spine forms in the first weeks, often before a woman knows she is pregnant, and the lower end forms last.
`;

describe('medbrief lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-lint-'));
  const file = join(dir, 'causes.md');

  it('exits 1 on errors, and --fix repairs what it can (repeated paragraph, mistyped footnote)', () => {
    writeFileSync(file, ANSWER);
    const before = medbrief(['lint', file, '--format', 'json']);
    expect(before.code).toBe(1);
    const rules = JSON.parse(before.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(rules).toEqual(expect.arrayContaining(['tldr-duplicated', 'source-broken']));
    const fixed = medbrief(['lint', file, '--fix']);
    expect(fixed.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text.match(/The spine forms/g)).toHaveLength(1);
    expect(text).toContain('[^nbdps]');
  });

  it('reads medbrief.config.json found upward and refuses an unknown rule with exit 2', () => {
    writeFileSync(file, ANSWER);
    writeFileSync(
      join(dir, 'medbrief.config.json'),
      JSON.stringify({ rules: { 'tldr-duplicated': 'off', 'source-broken': 'warn' } }),
    );
    expect(medbrief(['lint', file]).code).toBe(0);
    writeFileSync(join(dir, 'medbrief.config.json'), JSON.stringify({ rules: { 'tldr-duplicate': 'off' } }));
    const bad = medbrief(['lint', file]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown rule "tldr-duplicate".*did you mean "tldr-duplicated"/s);
  });

  it('exits 2 when the path does not exist', () => {
    expect(medbrief(['lint', join(dir, 'missing')]).code).toBe(2);
  });
});

describe('medbrief audit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-audit-'));

  it('a file that is not UTF-8 (Latin-1 bytes) is refused with a clear message, not a crash', () => {
    const file = join(dir, 'latin1.txt');
    writeFileSync(
      file,
      Buffer.from('Caf\xe9 au lait spots\nAbout 1 in 3000 people have it. \xff\xfe\n', 'latin1'),
    );
    for (const args of [
      ['audit', file],
      ['audit', file, '--format', 'json'],
      ['lint', file],
    ]) {
      const r = medbrief(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('file is not valid UTF-8 (first bad byte at offset 3)');
      expect(r.stderr).not.toMatch(/at .*\.(?:ts|js):\d+/);
    }
  });

  it('writes SARIF 2.1.0 with rule metadata and exits 1 on errors', () => {
    const page = join(dir, 'page.txt');
    writeFileSync(page, 'TL;DR: It is rare.\nStudies show it is 5 times more likely after 40.\n');
    const r = medbrief(['audit', page, '--format', 'sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0].results;
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual(
      expect.arrayContaining(['unattributed-claim', 'statistic-uncited', 'disclaimer-missing']),
    );
    expect(results[0].locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    expect(sarif.runs[0].tool.driver.rules.length).toBeGreaterThan(10);
  });

  it('exits 0 on a clean page', () => {
    const page = join(dir, 'clean.txt');
    writeFileSync(
      page,
      'TL;DR: It is rare.\nMost cases happen by chance.\nMedical disclaimer: this is not a substitute for professional medical advice.\n',
    );
    const r = medbrief(['audit', page]);
    expect(r.stdout).toMatch(/no problems/);
    expect(r.code).toBe(0);
  });
});
