/**
 * The editable vocabulary files in src/lint/terms/ (YAML a clinician can change without touching
 * code). Found beside this module (src/ and the built lib/ both have them), else in the package's
 * src/lint/terms/ found upward (a bundled server lives elsewhere in the tree).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export function termsFilePath(name: string): string {
  const beside = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(beside)) return beside;
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'src', 'lint', 'terms', name);
    if (existsSync(candidate)) return candidate;
  }
  return beside;
}

/** Parses a terms file; a file that is not a YAML mapping is a clear error, not a crash later. */
export function readTermsFile(name: string): Record<string, unknown> {
  const path = termsFilePath(name);
  const data: unknown = parse(readFileSync(path, 'utf8'));
  if (!data || typeof data !== 'object' || Array.isArray(data))
    throw new Error(`${path}: expected a YAML mapping of lists`);
  return data as Record<string, unknown>;
}

/** A list of strings from a terms file, or a clear error naming the file and key. */
export function termsList(data: Record<string, unknown>, key: string, file: string): string[] {
  const list = data[key];
  if (!Array.isArray(list) || !list.every((x) => typeof x === 'string'))
    throw new Error(`src/lint/terms/${file}: "${key}" must be a list of strings`);
  return list as string[];
}

/** A regular-expression alternation of plain words (longest first; a space matches any white space). */
export function alternation(words: readonly string[]): string {
  return `(?:${[...words]
    .sort((a, b) => b.length - a.length)
    .map((w) =>
      w
        .trim()
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/\s+/g, '\\s+'),
    )
    .join('|')})`;
}
