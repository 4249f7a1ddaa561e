/**
 * The medical word list of @cspell/dict-medicalterms (~98k terms, installed, no download): words
 * in it are treated as correctly spelled even when the corpus lacks them, so spelling repair does
 * not "fix" a real term into a more frequent neighbour.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

let cached: Set<string> | null = null;

export function medicalWords(): ReadonlySet<string> {
  if (cached) return cached;
  const out = new Set<string>();
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@cspell/dict-medicalterms/cspell-ext.json'));
    const text = gunzipSync(readFileSync(join(dir, 'dict', 'medicalterms-en.txt.gz'))).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.length < 4) continue;
      const w = line.trim().toLowerCase();
      if (/^[a-z]+$/.test(w)) out.add(w);
    }
  } catch {
    // The list only prevents over-correction; search works (slightly less carefully) without it.
  }
  cached = out;
  return out;
}
