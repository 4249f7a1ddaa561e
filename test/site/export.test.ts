import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../../src/cli/commands/build.js';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { checkOutDir, fileForPath, safeJoin, UnsafeOutputError } from '../../src/site/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';
import { fixtureContent } from './fixture.js';

async function storeFrom(dir: string, dbFile: string) {
  const store = await openSqliteStore(dbFile);
  await importContentFolder(store, dir, 'test');
  return store;
}

describe('static export', () => {
  it('writes every page, feed, sitemap, API snapshot and search index, then rebuilds only what changed', async () => {
    const content = fixtureContent();
    const work = tempDir('medbrief-export-');
    const out = join(work, 'dist');
    const store = await storeFrom(content, join(work, 'site.db'));
    const first = await buildSite({ store, outDir: out, baseUrl: 'https://medbrief.example' });
    expect(first.written).toBe(first.total);
    const answers = await store.countPublishedAnswers();
    const conditions = await store.countConditions();
    for (const f of [
      'index.html',
      '404.html',
      'about/medical-review/index.html',
      'reviewers/demo-reviewer/index.html',
      'conditions/sacral-agenesis/index.html',
      'conditions/sacral-agenesis/causes/index.html',
      'ask/index.html',
      'sitemap.xml',
      'robots.txt',
      'feed.xml',
      'assets/site.css',
      'assets/search.js',
      'search-index.json',
      'api/v1/openapi.json',
      'api/v1/docs/index.html',
      'api/v1/conditions.json',
      'api/v1/conditions/sacral-agenesis.json',
      'api/v1/conditions/sacral-agenesis/causes.json',
      'api/v1/connect/icd10cm/E11.json',
      'api/v1/connect/orpha/3027.json',
      'api/v1/connect/doid/9352.json',
    ]) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const index = JSON.parse(readFileSync(join(out, 'search-index.json'), 'utf8'));
    expect(index.docs).toHaveLength(answers);
    expect(JSON.parse(readFileSync(join(out, 'api/v1/conditions.json'), 'utf8')).conditions).toHaveLength(
      conditions,
    );
    // A CDN can answer code lookups: one file per stored code, the same JSON as /api/v1/connect.
    const lookup = JSON.parse(readFileSync(join(out, 'api/v1/connect/icd10cm/E11.json'), 'utf8'));
    expect(lookup.match).toMatchObject({ kind: 'exact', code: { system: 'icd10cm', code: 'E11' } });
    expect(lookup.conditions.map((c: { slug: string }) => c.slug)).toEqual(['type-2-diabetes']);
    const answerHtml = readFileSync(join(out, 'conditions/sacral-agenesis/causes/index.html'), 'utf8');
    expect(answerHtml).toContain(
      '<link rel="canonical" href="https://medbrief.example/conditions/sacral-agenesis/causes"',
    );
    expect(answerHtml).toContain('application/ld+json');

    // Nothing changed: nothing is rewritten.
    const causes = join(out, 'conditions/sacral-agenesis/causes/index.html');
    const mtime = statSync(causes).mtimeMs;
    const second = await buildSite({ store, outDir: out, baseUrl: 'https://medbrief.example' });
    expect(second.written).toBe(0);
    expect(second.unchanged).toBe(second.total);
    expect(statSync(causes).mtimeMs).toBe(mtime);

    // One answer edited: its page, its hub, its API files and the site-wide lists change; not the others.
    const gout = readFileSync(join(content, 'gout/causes.md'), 'utf8');
    writeFileSync(
      join(content, 'gout/causes.md'),
      gout.replace(/\n---\n/, '\n---\nA new first sentence.\n\n'),
    );
    await importContentFolder(store, content, 'test');
    const third = await buildSite({ store, outDir: out, baseUrl: 'https://medbrief.example' });
    expect(third.written).toBeGreaterThan(0);
    expect(third.written).toBeLessThan(15);
    expect(readFileSync(join(out, 'conditions/gout/causes/index.html'), 'utf8')).toContain(
      'A new first sentence.',
    );
    expect(statSync(causes).mtimeMs).toBe(mtime);

    // A different base URL changes every page (canonical links); the CSS and script do not change.
    const fourth = await buildSite({ store, outDir: out, baseUrl: 'https://other.example' });
    expect(fourth.written).toBeGreaterThanOrEqual(fourth.pages);
    expect(statSync(causes).mtimeMs).not.toBe(mtime);
    await store.close();
  });

  it('removes pages that are no longer published, and only files it wrote', async () => {
    const work = tempDir('medbrief-export-');
    const out = join(work, 'dist');
    const content = fixtureContent();
    const store = await storeFrom(content, join(work, 'a.db'));
    await buildSite({ store, outDir: out, baseUrl: 'https://medbrief.example' });
    await store.close();
    writeFileSync(join(out, 'CNAME'), 'medbrief.example\n');
    const smaller = writeFiles(tempDir(), {
      'reviewers.yaml': readFileSync(join(content, 'reviewers.yaml'), 'utf8'),
      'gout/condition.md': readFileSync(join(content, 'gout/condition.md'), 'utf8'),
      'gout/causes.md': readFileSync(join(content, 'gout/causes.md'), 'utf8'),
    });
    const store2 = await storeFrom(smaller, join(work, 'b.db'));
    const report = await buildSite({ store: store2, outDir: out, baseUrl: 'https://medbrief.example' });
    await store2.close();
    expect(report.removed).toBeGreaterThan(0);
    expect(existsSync(join(out, 'conditions/sacral-agenesis/causes/index.html'))).toBe(false);
    expect(existsSync(join(out, 'conditions/gout/causes/index.html'))).toBe(true);
    expect(existsSync(join(out, 'CNAME'))).toBe(true);
  });
});

describe('output folder safety', () => {
  const rules = { repoRoot, cwd: repoRoot };

  it.each(['.', '..', '/', 'src', 'src/site', 'test/out', '.git', '../..'])('refuses --out %s', (out) => {
    expect(() => checkOutDir(out, rules)).toThrow(UnsafeOutputError);
  });

  it('accepts a new folder and a folder from an earlier build; refuses other non-empty folders and symlinks', () => {
    const work = tempDir('medbrief-out-');
    expect(checkOutDir(join(work, 'dist'), rules)).toBe(join(work, 'dist'));
    mkdirSync(join(work, 'full'));
    writeFileSync(join(work, 'full', 'notes.txt'), 'mine');
    expect(() => checkOutDir(join(work, 'full'), rules)).toThrow(/not empty/);
    writeFileSync(join(work, 'full', '.medbrief-build.json'), '{}');
    expect(checkOutDir(join(work, 'full'), rules)).toBe(join(work, 'full'));
    symlinkSync(join(work, 'full'), join(work, 'link'));
    expect(() => checkOutDir(join(work, 'link'), rules)).toThrow(/symbolic link/);
  });

  it('never writes outside the folder, whatever the path', () => {
    const out = tempDir('medbrief-out-');
    for (const bad of ['../x.html', '/etc/passwd', 'a/../../x', 'a/\0b', '']) {
      expect(() => safeJoin(out, bad), bad).toThrow(UnsafeOutputError);
    }
    expect(safeJoin(out, 'conditions/a/index.html')).toBe(join(out, 'conditions/a/index.html'));
  });

  it('maps clean URLs to index.html files', () => {
    expect(fileForPath('/')).toBe('index.html');
    expect(fileForPath('/conditions/gout/causes')).toBe('conditions/gout/causes/index.html');
    expect(fileForPath('/sitemap.xml')).toBe('sitemap.xml');
  });

  it('the CLI refuses the repository root with a hint and exit code 2', () => {
    const r = runCli(['build', '--content', 'demo/content', '--out', '.']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to build');
    expect(r.stderr).toContain('hint:');
  });

  it('the CLI builds the demo content into a folder', () => {
    const out = join(tempDir('medbrief-cli-'), 'site');
    const r = runCli(['build', '--content', 'demo/content', '--out', out, '--base-url', 'https://x.example']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Built .*: \d+ files \(\d+ pages\)/);
    expect(readFileSync(join(out, 'robots.txt'), 'utf8')).toContain('https://x.example/sitemap.xml');
  });
});
