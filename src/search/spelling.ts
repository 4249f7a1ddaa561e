/**
 * Misspelling repair against the corpus vocabulary ("sacrel agenisis" → "sacral agenesis").
 * SymSpell-style: every vocabulary word is indexed under its single-character deletions, so a
 * query word finds candidates within two edits with a handful of map look-ups; a phonetic key
 * catches sound-alike spellings ("nuemonia" → "pneumonia") that are further apart in edits.
 */
import { Postings, StringIndex, StringTable } from './tables.js';

export interface SpellingOptions {
  /** Words shorter than this are never corrected (too many neighbours: "flu" → "flue"). */
  minLength?: number;
  /** Words known to be correct that should not be rewritten even if absent from the corpus. */
  knownWords?: Iterable<string>;
  /** Like knownWords, asked only when a word is not in the vocabulary (lets a big list load lazily). */
  isKnownWord?: (word: string) => boolean;
}

export interface Correction {
  from: string;
  to: string;
  distance: number;
  via: 'edit' | 'phonetic';
}

/** Optimal-string-alignment distance (Damerau–Levenshtein with adjacent transpositions), bounded. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = a.length;
  const m = b.length;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m]!;
}

/** A rough English sound key: consonant skeleton after common spelling-to-sound rewrites. */
export function phoneticKey(word: string): string {
  let w = word.toLowerCase().replace(/[^a-z]/g, '');
  w = w
    .replace(/^(pn|kn|gn|ps|pt)/, (m) => m[1]!)
    .replace(/^wr/, 'r')
    .replace(/ph/g, 'f')
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/[cq]/g, 'k')
    .replace(/x/g, 'ks')
    .replace(/z/g, 's')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/gh/g, 'g')
    .replace(/th/g, 't')
    .replace(/([bcdfgjklmnpqrstvwxz])h/g, '$1');
  const first = w[0] ?? '';
  const rest = w.slice(1).replace(/[aeiouyhw]/g, '');
  return (first + rest).replace(/(.)\1+/g, '$1');
}

function deletes(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** The delete and sound-key indexes as tables (kept in engine snapshots, restored without rebuilding). */
export interface SpellingTables {
  /** Vocabulary words the indexes point at, by id. */
  words: StringTable;
  /** Single-character deletions of vocabulary words, and for each the ids of the words it comes from. */
  deletes: StringIndex;
  deleteWords: Postings;
  /** Sound keys, and for each the id of its most frequent word. */
  phonetic: StringIndex;
  phoneticWord: Uint32Array;
  /** Each vocabulary word's frequency (document count), by id. */
  freqs: Uint32Array;
}

export class SpellingCorrector {
  private readonly tables: SpellingTables;
  /** Vocabulary word → id, over `tables.words` (built on load: the frequencies need no Map). */
  private readonly wordIndex: StringIndex;
  private readonly known: Set<string>;
  private readonly isKnownWord: (word: string) => boolean;
  private readonly minLength: number;

  /**
   * `vocabulary`: word → frequency (document count) of the words that retrieval can match; with
   * `restored` tables (which hold the vocabulary) it is not read and may be empty.
   */
  constructor(
    vocabulary: ReadonlyMap<string, number>,
    options: SpellingOptions = {},
    restored?: SpellingTables,
  ) {
    this.minLength = options.minLength ?? 4;
    this.known = new Set(options.knownWords ?? []);
    this.isKnownWord = options.isKnownWord ?? (() => false);
    this.tables = restored ?? this.buildTables(vocabulary);
    this.wordIndex = new StringIndex(this.tables.words);
  }

  private buildTables(vocabulary: ReadonlyMap<string, number>): SpellingTables {
    const freq = new Map<string, number>();
    for (const [word, f] of vocabulary) {
      if (word.length >= this.minLength && !/[0-9]/.test(word)) freq.set(word, f);
    }
    const byDelete = new Map<string, number[]>();
    const byPhonetic = new Map<string, number>();
    const words = [...freq.keys()];
    words.forEach((word, id) => {
      const f = freq.get(word)!;
      for (const d of deletes(word)) {
        const list = byDelete.get(d);
        if (list) list.push(id);
        else byDelete.set(d, [id]);
      }
      const key = phoneticKey(word);
      const held = byPhonetic.get(key);
      if (key.length >= 3 && (held === undefined || freq.get(words[held]!)! < f)) byPhonetic.set(key, id);
    });
    return {
      words: StringTable.from(words),
      deletes: new StringIndex(StringTable.from([...byDelete.keys()])),
      deleteWords: Postings.from([...byDelete.values()]),
      phonetic: new StringIndex(StringTable.from([...byPhonetic.keys()])),
      phoneticWord: Uint32Array.from(byPhonetic.values()),
      freqs: Uint32Array.from(freq.values()),
    };
  }

  /** A vocabulary word's frequency; 0 when it is not in the vocabulary. */
  private freqOf(word: string): number {
    const id = this.wordIndex.find(word);
    return id < 0 ? 0 : this.tables.freqs[id]!;
  }

  isKnown(word: string): boolean {
    return this.wordIndex.find(word) >= 0 || this.known.has(word) || this.isKnownWord(word);
  }

  /** The delete and sound-key indexes (restored by `new SpellingCorrector(vocabulary, options, tables)`). */
  snapshot(): SpellingTables {
    return this.tables;
  }

  /** The vocabulary words one of whose single deletions is `d`, in vocabulary order. */
  private fromDelete(d: string, each: (word: string) => void): void {
    const row = this.tables.deletes.find(d);
    if (row < 0) return;
    const p = this.tables.deleteWords;
    for (let k = p.start(row); k < p.end(row); k++) each(this.tables.words.get(p.values[k]!));
  }

  /** The best correction of one lower-case word, or null when it is known or nothing is close. */
  correct(word: string): Correction | null {
    if (word.length < this.minLength || /[0-9]/.test(word) || this.isKnown(word)) return null;
    const max = word.length >= 7 ? 2 : 1;
    const seen = new Set<string>();
    let best: Correction | null = null;
    let bestFreq = -1;
    const consider = (cand: string) => {
      if (seen.has(cand)) return;
      seen.add(cand);
      const d = editDistance(word, cand, max);
      if (d > max) return;
      const f = this.freqOf(cand);
      if (!best || d < best.distance || (d === best.distance && f > bestFreq)) {
        best = { from: word, to: cand, distance: d, via: 'edit' };
        bestFreq = f;
      }
    };
    // word itself may be a delete of a vocabulary word (one letter missing)
    this.fromDelete(word, consider);
    for (const d of deletes(word)) {
      if (this.wordIndex.find(d) >= 0) consider(d); // one letter too many
      this.fromDelete(d, consider); // substitution / transposition
    }
    if (best) return best;
    const soundRow = this.tables.phonetic.find(phoneticKey(word));
    const viaSound = soundRow < 0 ? undefined : this.tables.words.get(this.tables.phoneticWord[soundRow]!);
    if (viaSound && editDistance(word, viaSound, 3) <= 3) {
      return { from: word, to: viaSound, distance: editDistance(word, viaSound, 3), via: 'phonetic' };
    }
    return null;
  }
}
