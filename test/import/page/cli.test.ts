/** `medbrief import html|text` end to end through the real CLI (exit codes and output). */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPage } from '../../../src/lint/index.js';
import { runCli } from '../../helpers/cli.js';
import {
  inheritanceHtml,
  PAGE_WITHOUT_QUESTION,
  PAGE_WITHOUT_TLDR,
  pagesDir,
  tempDir,
} from './helpers/pages.js';
import { seedFile, seedPage } from './helpers/seed.js';

const seed = seedPage();

describe.skipIf(!seed)('medbrief import text <seed page>', () => {
  it('writes the draft, prints the audit with its count, and exits 0 despite the defects', () => {
    const out = tempDir();
    const r = runCli(['import', 'text', seedFile, '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const problems = auditPage(seed!, seedFile).length;
    expect(problems).toBeGreaterThan(0);
    expect(r.stdout).toContain(`✖ ${problems} problems`);
    expect(r.stdout).toMatch(
      new RegExp(`1 draft written from 1 page\\. The audit found ${problems} problems`),
    );
    expect(r.stdout).toContain('tldr-duplicated');
    expect(r.stdout).toMatch(/names no reviewer.*no review block/);
    expect(existsSync(join(out, 'sacral-agenesis', 'causes.md'))).toBe(true);
    expect(existsSync(join(out, 'sacral-agenesis', 'condition.md'))).toBe(true);
  });
});

describe('medbrief import text', () => {
  it('exits 1 and says what is missing when the page has no question', () => {
    const dir = tempDir();
    const page = join(dir, 'page.txt');
    writeFileSync(page, PAGE_WITHOUT_QUESTION);
    const r = runCli(['import', 'text', page, '--out', join(dir, 'out')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/page\.txt: no question found \(the page has .*a TL;DR/);
    expect(r.stderr).toMatch(/hint: .*ending in "\?"/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('refuses to overwrite (exit 2) until --force is given', () => {
    const dir = tempDir();
    const page = join(dir, 'gout.txt');
    const out = join(dir, 'out');
    writeFileSync(page, PAGE_WITHOUT_TLDR);
    expect(runCli(['import', 'text', page, '--out', out]).status).toBe(0);
    const file = join(out, 'gout', 'treatment.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('How is gout treated?', 'Edited by hand?'));

    const again = runCli(['import', 'text', page, '--out', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/treatment\.md: the file exists \(not overwritten\)[\s\S]*--force/);
    expect(readFileSync(file, 'utf8')).toContain('Edited by hand?');

    const forced = runCli(['import', 'text', page, '--out', out, '--force']);
    expect(forced.status).toBe(0);
    expect(forced.stdout).toContain('(replaced)');
    expect(readFileSync(file, 'utf8')).toContain('question: How is gout treated?');
  });

  it('exits 2 for a missing file and for a bad --condition', () => {
    const dir = tempDir();
    const missing = runCli(['import', 'text', join(dir, 'nope.txt'), '--out', dir]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt does not exist/);
    const bad = runCli(['import', 'text', inheritanceHtml, '--out', dir, '--condition', 'Not A Slug']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--condition "Not A Slug" is not a slug/);
  });
});

describe('medbrief import html', () => {
  it('imports a folder; with --format json stdout is the audit alone', () => {
    const out = tempDir();
    const r = runCli(['import', 'html', pagesDir, '--out', out, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { filePath: string; errorCount: number }[];
    expect(report.map((f) => f.filePath.split('/').at(-1))).toEqual([
      'achondroplasia-frequency.html',
      'achondroplasia-overview.htm',
    ]);
    expect(r.stderr).toMatch(/2 drafts written from 2 pages/);
    expect(existsSync(join(out, 'achondroplasia', 'frequency.md'))).toBe(true);
    expect(existsSync(join(out, 'achondroplasia', 'overview.md'))).toBe(true);
  });

  it('rejects --url for a folder of several pages', () => {
    const out = tempDir();
    const r = runCli(['import', 'html', pagesDir, '--out', out, '--url', 'https://example.org/x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--url names one page, but 2 pages were found/);
  });
});
