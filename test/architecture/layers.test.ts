/**
 * The code's shape, checked: which top-level module of src/ may import which (store on content
 * only; workflow on store, content and lint; no cycles), each of revisions, approvals and audit
 * rows inserted by exactly one module (audit rows appended only through StoreTx), SQL and the
 * query builder only in src/store (tests reach it through test/helpers/store-db.ts alone), and
 * no source file over 400 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const files = sourceFiles();
const rel = (f: string) => relative(SRC, f).replaceAll('\\', '/');
/** The top-level module a file belongs to (`store`, `workflow/actions` counts as `workflow`). */
const moduleOf = (f: string) => rel(f).split('/')[0]!;

/** Relative imports of a file (value and type imports alike), resolved to src paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'|import\(\s*'(\.[^']+)'\s*\)/g,
  )) {
    const spec = (m[1] ?? m[2])!;
    out.push(resolve(dirname(file), spec));
  }
  return out;
}

const edges = new Map<string, Set<string>>();
for (const f of files) {
  const from = moduleOf(f);
  for (const target of importsOf(f)) {
    const to = rel(target).split('/')[0]!;
    if (to === from || to.startsWith('..')) continue;
    if (!edges.has(from)) edges.set(from, new Set());
    edges.get(from)!.add(to);
  }
}

/** What each module may import besides itself. */
const ALLOWED: Record<string, string[]> = {
  content: [],
  store: ['content'],
  lint: ['content'],
  workflow: ['content', 'store', 'lint'],
  notify: ['store', 'workflow'],
};

describe('import graph', () => {
  for (const [module, allowed] of Object.entries(ALLOWED)) {
    it(`${module} imports only ${allowed.join(', ') || 'nothing else'}`, () => {
      const extra = [...(edges.get(module) ?? [])].filter((m) => !allowed.includes(m));
      expect(extra, `${module} must not import ${extra.join(', ')}`).toEqual([]);
    });
  }

  it('has no cycles between top-level modules', () => {
    const cycles: string[] = [];
    const visit = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
        else visit(next, [...path, next]);
      }
    };
    for (const m of edges.keys()) visit(m, [m]);
    expect([...new Set(cycles)]).toEqual([]);
  });

  it('the checker sees real edges (web imports store and workflow)', () => {
    expect([...(edges.get('web') ?? [])]).toEqual(expect.arrayContaining(['store', 'workflow', 'site']));
  });
});

const outsideStore = files.filter((f) => moduleOf(f) !== 'store');

describe('one writer per table', () => {
  for (const table of ['revisions', 'approvals', 'audit_events']) {
    it(`rows of ${table} are inserted in exactly one module`, () => {
      const writers = files
        .filter((f) => readFileSync(f, 'utf8').includes(`insertInto('${table}')`))
        .map(rel);
      expect(writers).toHaveLength(1);
      expect(writers[0]).toMatch(/^store\//);
    });
  }

  it("audit rows are appended only by the write transaction's audit part (StoreTx.appendAudit)", () => {
    // audit.ts holds the one insert; only the transaction (tx.ts) may import it, so an account
    // store, a repo or a script cannot write the audit log beside an action.
    const importers = files
      .filter((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\{([^}]*)\}\s*from\s+'(\.[^']+)'/g)].some(
          (m) =>
            /\bappendAudit\b/.test(m[1]!) && /^store\/audit(\.js)?$/.test(rel(resolve(dirname(f), m[2]!))),
        ),
      )
      .map(rel);
    expect(importers).toEqual(['store/tx.ts']);
  });

  it('nothing outside src/store names a table in a query builder', () => {
    const leaks = outsideStore
      .filter((f) => /\.(insertInto|updateTable|deleteFrom|selectFrom)\(/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(leaks).toEqual([]);
  });

  it('nothing outside src/store imports a query builder or driver, or writes SQL', () => {
    const leaks = outsideStore
      .filter((f) =>
        /from\s+'(kysely|better-sqlite3|pg)'|import\(\s*'(kysely|better-sqlite3|pg)'|\bsql`/.test(
          readFileSync(f, 'utf8'),
        ),
      )
      .map(rel);
    expect(leaks).toEqual([]);
  });

  it("nothing outside src/store reaches the store's query builder (kysely-store, db)", () => {
    const leaks = outsideStore
      .filter((f) => importsOf(f).some((target) => /^store\/(kysely-store|db)(\.js)?$/.test(rel(target))))
      .map(rel);
    expect(leaks).toEqual([]);
  });
});

describe("tests reach the store's query builder through one helper", () => {
  const TEST = resolve(import.meta.dirname, '..');
  it('only test/helpers/store-db.ts imports kysely-store or db', () => {
    const reaching = sourceFiles(TEST)
      .filter((f) => importsOf(f).some((target) => /^store\/(kysely-store|db)(\.js)?$/.test(rel(target))))
      .map((f) => relative(TEST, f).replaceAll('\\', '/'));
    expect(reaching).toEqual(['helpers/store-db.ts']);
  });
});

describe('file size', () => {
  it('no source file is over 400 lines', () => {
    const long = files
      .map((f) => ({ file: rel(f), lines: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter((x) => x.lines > 400);
    expect(long).toEqual([]);
  });
});

describe('comments', () => {
  it('cite no issue numbers (a clone cannot look them up)', () => {
    const cited = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${rel(f)}:${i + 1}` }))
        .filter(({ line }) => /(\/\/|\/\*|^\s*\*).*\bissues? #?\d+/.test(line))
        .map(({ at }) => at),
    );
    expect(cited).toEqual([]);
  });
});
