/**
 * Where the static export may write. The output folder must be a dedicated folder — never the
 * repository, its source, a parent of either, the home folder or the filesystem root — and every
 * file must land inside it, whatever a slug or path contains.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, normalize, parse, relative, resolve, sep } from 'node:path';

export const MANIFEST_FILE = '.medbrief-build.json';

export class UnsafeOutputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'UnsafeOutputError';
  }
}

function isInsideOrSame(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

export interface OutDirRules {
  /** The repository / package root, which the export must not overwrite. */
  repoRoot: string;
  cwd?: string;
}

/** Resolves and checks the output folder; throws UnsafeOutputError with a hint when refused. */
export function checkOutDir(out: string, rules: OutDirRules): string {
  const cwd = rules.cwd ?? process.cwd();
  const dir = resolve(cwd, out);
  const repo = resolve(rules.repoRoot);
  const protectedDirs = [
    { path: parse(dir).root, what: 'the filesystem root' },
    { path: homedir(), what: 'your home folder' },
    { path: cwd, what: 'the current folder' },
    { path: repo, what: 'the repository root' },
  ];
  for (const p of protectedDirs) {
    if (isInsideOrSame(p.path, dir)) {
      throw new UnsafeOutputError(
        `refusing to build into ${dir}: it is (or contains) ${p.what}`,
        'give a dedicated folder such as --out dist/',
      );
    }
  }
  for (const name of ['src', 'test', 'lib', 'node_modules', '.git', 'demo', 'docs', 'bench', 'scripts']) {
    if (isInsideOrSame(dir, join(repo, name))) {
      throw new UnsafeOutputError(
        `refusing to build into ${dir}: it is inside the repository's ${name}/ folder`,
        'give a dedicated folder such as --out dist/',
      );
    }
  }
  if (existsSync(dir)) {
    const st = lstatSync(dir);
    if (st.isSymbolicLink()) {
      throw new UnsafeOutputError(
        `refusing to build into ${dir}: it is a symbolic link`,
        'give a real folder',
      );
    }
    if (!st.isDirectory()) {
      throw new UnsafeOutputError(`refusing to build into ${dir}: it is a file`, 'give a folder path');
    }
    const entries = readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
      throw new UnsafeOutputError(
        `refusing to build into ${dir}: it is not empty and was not made by medbrief build`,
        'give an empty or new folder; a folder made by `medbrief build` is updated in place',
      );
    }
  }
  return dir;
}

/**
 * The file for a site path: "/" → index.html, "/conditions/asthma" → conditions/asthma/index.html
 * (so any static server maps the clean URL to it), "/sitemap.xml" → sitemap.xml.
 */
export function fileForPath(urlPath: string): string {
  const clean = urlPath.split(/[?#]/)[0]!.replace(/^\/+/, '');
  if (clean === '') return 'index.html';
  if (/\.[a-z0-9]+$/i.test(clean)) return clean;
  return `${clean.replace(/\/+$/, '')}/index.html`;
}

/** Joins a relative output path to the folder, refusing anything that would escape it. */
export function safeJoin(outDir: string, relPath: string): string {
  const norm = normalize(relPath);
  if (isAbsolute(norm) || norm.split(sep).includes('..') || norm.includes('\0')) {
    throw new UnsafeOutputError(
      `refusing to write ${JSON.stringify(relPath)}: outside the output folder`,
      '',
    );
  }
  const full = resolve(outDir, norm);
  if (!isInsideOrSame(full, outDir) || full === outDir) {
    throw new UnsafeOutputError(
      `refusing to write ${JSON.stringify(relPath)}: outside the output folder`,
      '',
    );
  }
  return full;
}
