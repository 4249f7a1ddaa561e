/**
 * The linter's file shell: finding answer files, reading them, writing fixes safely
 * (temp file + rename, so an interrupted write never leaves half a file).
 */
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeUtf8 } from '../../content/index.js';

const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);
/** Markdown files in a content folder that are not answers. */
const NOT_ANSWERS = new Set(['condition.md', 'README.md', 'readme.md', 'CHANGELOG.md']);

/** Answer files (.md) under the given paths; files named explicitly are always included. */
export function findAnswerFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(p);
      } else if (name.endsWith('.md') && !NOT_ANSWERS.has(name)) out.push(p);
    }
  };
  for (const p of paths) {
    if (statSync(p).isDirectory()) walk(p);
    else out.push(p);
  }
  return out;
}

/** Reads a file as strict UTF-8; returns the text, or a problem message. */
export function readText(file: string): { text: string } | { problem: string } {
  const decoded = decodeUtf8(readFileSync(file), file);
  return typeof decoded === 'string' ? { text: decoded } : { problem: decoded.message };
}

export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, file);
}
