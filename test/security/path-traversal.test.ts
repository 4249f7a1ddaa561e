/**
 * Path traversal: slugs and folder names from content, from the database or from a URL never
 * name a file outside the folder they belong to — in `medbrief import`, `medbrief export`,
 * `medbrief build` (static export) and the web app — and the build refuses output folders that
 * would overwrite the repository, the home folder or the root.
 */

import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportContentFiles, writeContentFiles } from '../../src/cli/commands/export.js';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { parseAnswer, parseCondition } from '../../src/content/index.js';
import {
  checkOutDir,
  defaultSiteConfig,
  exportSite,
  safeJoin,
  UnsafeOutputError,
} from '../../src/site/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { runCli } from '../helpers/cli.js';
import { answerFile, contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';
import { type SqlStore, sqlStore } from '../helpers/store-db.js';
import { bundle } from '../store/fixtures.js';

const EVIL = ['../x', '../../etc/passwd', '..', '/etc/passwd', 'a/../../b', '..\\..\\x', 'x\0y', '%2e%2e/x'];

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : [];
}

let store: SqlStore;
beforeAll(async () => {
  store = sqlStore(await openSqliteStore(':memory:'));
  await importBundle(store, bundle(), { actor: 'test' });
});
afterAll(() => store?.close());

/** Rewrites slugs in the database directly, as a bug or a hand edit could, bypassing validation. */
async function plantSlug(conditionSlug: string, answerSlug: string): Promise<void> {
  await sql`UPDATE conditions SET slug = ${conditionSlug} WHERE slug = 'asthma'`.execute(store.db);
  await sql`UPDATE answers SET slug = ${answerSlug} WHERE condition_id = (SELECT id FROM conditions WHERE slug = ${conditionSlug})`.execute(
    store.db,
  );
}
async function restoreSlug(conditionSlug: string): Promise<void> {
  await sql`UPDATE conditions SET slug = 'asthma' WHERE slug = ${conditionSlug}`.execute(store.db);
  await sql`UPDATE answers SET slug = 'overview' WHERE condition_id = (SELECT id FROM conditions WHERE slug = 'asthma')`.execute(
    store.db,
  );
}

describe('content slugs', () => {
  it.each(EVIL)('an answer or condition slug %j is refused when content is read', (evil) => {
    const answer = answerFile('alpha', 'causes').replace(
      'aspect: causes',
      `aspect: causes\nslug: ${JSON.stringify(evil)}`,
    );
    expect(parseAnswer(answer, 'alpha/causes.md').ok).toBe(false);
    const cond = parseCondition(
      `---\nname: Alpha\nslug: ${JSON.stringify(evil)}\n---\n`,
      'alpha',
      'alpha/condition.md',
    );
    expect(cond.ok).toBe(false);
  });

  it('`import <dir>` refuses a folder whose files name a slug outside it, and imports nothing', async () => {
    const files = contentFolder(['alpha'], ['causes']);
    files['alpha/causes.md'] = files['alpha/causes.md']!.replace(
      'aspect: causes',
      'aspect: causes\nslug: ../../escape',
    );
    const dir = writeFiles(tempDir(), files);
    const fresh = await openSqliteStore(':memory:');
    await expect(importContentFolder(fresh, dir)).rejects.toThrow();
    expect(await fresh.countConditions()).toBe(0);
    await fresh.close();
  });
});

describe('export and build write only inside their folder', () => {
  it('safeJoin refuses every escaping path', () => {
    const out = tempDir();
    for (const evil of EVIL.filter((e) => e !== '%2e%2e/x')) {
      expect(() => safeJoin(out, evil), evil).toThrow(UnsafeOutputError);
    }
    expect(safeJoin(out, 'conditions/x/index.html')).toBe(join(out, 'conditions', 'x', 'index.html'));
  });

  it.each(['../../escaped', '/tmp/escaped-abs'])(
    '`medbrief build` (static export) refuses a database slug %j and writes nothing outside --out',
    async (evil) => {
      const parent = tempDir();
      const out = join(parent, 'site');
      mkdirSync(out);
      await plantSlug(evil, evil);
      try {
        // Refused, or (an absolute slug becomes a sub-path of /conditions/) written inside --out.
        await exportSite({
          store,
          config: defaultSiteConfig({ baseUrl: 'https://example.org' }),
          outDir: out,
        }).catch((err: Error) => expect(err.message).toMatch(/outside the output folder/));
      } finally {
        await restoreSlug(evil);
      }
      expect(filesUnder(parent).filter((f) => !f.startsWith('site'))).toEqual([]);
      expect(existsSync('/tmp/escaped-abs')).toBe(false);
    },
  );

  it.each(['../../escaped', '/tmp/escaped-abs-export'])(
    '`medbrief export` refuses a database slug %j and writes nothing outside its folder',
    async (evil) => {
      const parent = tempDir();
      const out = join(parent, 'content');
      await plantSlug(evil, evil);
      try {
        const files = await exportContentFiles(store);
        expect(() => writeContentFiles(out, files)).toThrow(/outside/);
      } finally {
        await restoreSlug(evil);
      }
      expect(filesUnder(parent).filter((f) => !f.startsWith('content'))).toEqual([]);
      expect(existsSync('/tmp/escaped-abs-export')).toBe(false);
    },
  );

  it('the build refuses output folders that would overwrite something it does not own', () => {
    const home = process.env.HOME ?? '/root';
    for (const out of [
      '/',
      home,
      repoRoot,
      join(repoRoot, '..'),
      join(repoRoot, 'src'),
      join(repoRoot, 'src', 'x'),
    ]) {
      expect(() => checkOutDir(out, { repoRoot, cwd: repoRoot }), out).toThrow(UnsafeOutputError);
    }
    const notEmpty = writeFiles(tempDir(), { 'keep.txt': 'mine' });
    expect(() => checkOutDir(notEmpty, { repoRoot })).toThrow(/not empty/);
  });

  it('`medbrief build --out ..` fails with a message and exit code 2', () => {
    const r = runCli(['build', '--out', '..', '--db', ':memory:']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/refusing to build into/);
  });
});

describe('web paths', () => {
  it.each([
    '/assets/..%2f..%2fpackage.json',
    '/assets/%2e%2e/%2e%2e/package.json',
    '/conditions/..%2f..%2fpackage.json',
    '/conditions/sacral-agenesis/..%2f..%2f..%2fpackage.json',
    '/reviewers/..%2f..%2fpackage.json',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd',
  ])('%s is a 404 and never a file from disk', async (path) => {
    const { app } = createApp({ store, logError: () => {} });
    const res = await app.request(path);
    expect(res.status).toBe(404);
    const body = await res.text();
    expect(body).not.toContain(readFileSync(join(repoRoot, 'package.json'), 'utf8').slice(0, 40));
    expect(body).not.toMatch(/root:x:0:0/);
  });
});
