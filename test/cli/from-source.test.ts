/** The CLI run from its TypeScript source (no `lib/` build) from a folder outside the project. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/corpus.js';

describe('medbrief from source, outside the project folder', () => {
  it('compiles the pages with the project tsconfig (JSX), whatever the working directory', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'medbrief-elsewhere-'));
    const out = join(cwd, 'site');
    const r = spawnSync(
      process.execPath,
      [
        join(repoRoot, 'bin', 'medbrief.js'),
        'build',
        '--content',
        join(repoRoot, 'demo', 'content'),
        '--out',
        out,
        '--no-progress',
      ],
      { cwd, encoding: 'utf8', env: { ...process.env, MEDBRIEF_FROM_SOURCE: '1', NO_COLOR: '1' } },
    );
    expect(r.stderr).not.toMatch(/React is not defined/);
    expect(r.status, r.stderr).toBe(0);
    const page = join(out, 'index.html');
    expect(existsSync(page)).toBe(true);
    expect(readFileSync(page, 'utf8')).toMatch(/<html/);
  }, 120_000);
});
