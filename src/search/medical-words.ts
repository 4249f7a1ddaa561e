/**
 * The medical word list of @cspell/dict-medicalterms (~98k terms, installed, no download): words
 * in it are treated as correctly spelled even when the corpus lacks them, so spelling repair does
 * not "fix" a real term into a more frequent neighbour.
 *
 * Held as one sorted, newline-separated string searched by bisection: a long-running server keeps
 * ~0.6 MiB for it instead of a Set of ~60k strings (several MiB of entries and string headers).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** A word list that answers membership only. */
export interface WordList {
  has(word: string): boolean;
}

/** Sorted distinct words packed into one string; `has` bisects over line starts. */
export class PackedWordList implements WordList {
  private readonly text: string;
  private readonly starts: Uint32Array;

  constructor(words: Iterable<string>) {
    const sorted = [...new Set(words)].filter((w) => w.length > 0 && !w.includes('\n')).sort();
    // join() copies into one flat string, so the sources (and any parent they slice) can go
    this.text = sorted.join('\n');
    this.starts = new Uint32Array(sorted.length);
    let at = 0;
    sorted.forEach((w, i) => {
      this.starts[i] = at;
      at += w.length + 1;
    });
  }

  get size(): number {
    return this.starts.length;
  }

  private wordAt(i: number): string {
    const start = this.starts[i]!;
    const end = i + 1 < this.starts.length ? this.starts[i + 1]! - 1 : this.text.length;
    return this.text.slice(start, end);
  }

  has(word: string): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const w = this.wordAt(mid);
      if (w === word) return true;
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}

let cached: PackedWordList | null = null;

export function medicalWords(): WordList {
  if (cached) return cached;
  const words: string[] = [];
  try {
    const require = createRequire(import.meta.url);
    const dir = dirname(require.resolve('@cspell/dict-medicalterms/cspell-ext.json'));
    const text = gunzipSync(readFileSync(join(dir, 'dict', 'medicalterms-en.txt.gz'))).toString('utf8');
    for (const line of text.split('\n')) {
      if (line.startsWith('#') || line.length < 4) continue;
      const w = line.trim().toLowerCase();
      if (/^[a-z]+$/.test(w)) words.push(w);
    }
  } catch {
    // The list only prevents over-correction; search works (slightly less carefully) without it.
  }
  cached = new PackedWordList(words);
  return cached;
}
