/**
 * Commands are declared in src/cli/tree/ and implemented in src/cli/commands/, which is imported
 * only when the command runs: a declaration imports no implementation (only types from it), so
 * `medbrief ask` does not load the web server, MCP, the linter or the importers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';

const TREE = join(import.meta.dirname, '../../src/cli/tree');
const files = readdirSync(TREE).filter((f) => f.endsWith('.ts'));
/** What a declaration may import at run time: commander, the lazy loader, and small constants. */
const ALLOWED = new Set([
  'commander',
  'node:os',
  '../lazy.js',
  '../shared.js',
  '../../content/index.js',
  '../../store/index.js',
  '../../asklog/repo.js',
]);

function valueImports(text: string): string[] {
  return [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
}

describe('lazy command modules', () => {
  it('declares every command in src/cli/tree', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  for (const file of files) {
    const text = readFileSync(join(TREE, file), 'utf8');
    it(`${file} imports no implementation at load time`, () => {
      expect(valueImports(text).filter((s) => !ALLOWED.has(s))).toEqual([]);
    });
    it(`${file} loads its own implementation, ../commands/${file.replace(/\.ts$/, '.js')}, when run`, () => {
      expect([...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1])).toEqual([
        `../commands/${file.replace(/\.ts$/, '.js')}`,
      ]);
    });
  }

  it('gives every command an action that runs its implementation', async () => {
    const program = buildProgram();
    const leaves: string[] = [];
    const walk = (cmd: typeof program, path: string[]) => {
      for (const c of cmd.commands) {
        if (c.commands.length) walk(c, [...path, c.name()]);
        else leaves.push([...path, c.name()].join(' '));
      }
    };
    walk(program, []);
    expect(leaves).toContain('ask');
    expect(leaves).toContain('import medquad');
    expect(leaves.length).toBeGreaterThanOrEqual(25);
  });
});
