/**
 * Focus detection: which condition(s) the question is about, by name, synonym, acronym or lay
 * term, after spelling repair. A phrase dictionary keyed by stemmed word sequences, matched
 * longest-first over the question's words.
 */
import { isStopword, phraseKey, stem, words } from './text.js';

export interface FocusCondition {
  slug: string;
  name: string;
  synonyms: string[];
}

export interface FocusMatch {
  slug: string;
  name: string;
  /** The words of the question that named it. */
  phrase: string;
  /** 0..1: how specific the naming phrase is (a rare multi-word name beats "pain"). */
  strength: number;
}

/** Generic heads that name no condition on their own ("disease", "problems"). */
const GENERIC = new Set(
  [
    'disease',
    'diseases',
    'disorder',
    'disorders',
    'syndrome',
    'problem',
    'problems',
    'condition',
    'conditions',
    'infection',
    'infections',
    'health',
    'type',
    'types',
    'pain',
    'cancer',
    'tumor',
    'tumors',
    'deficiency',
    'defect',
    'defects',
    'injury',
    'injuries',
    'parasites',
    'other',
    'adult',
    'childhood',
    'children',
    'treatment',
    'women',
    'men',
    'people',
    'what',
  ].map(stem),
);

/** Variants under which a name is looked up: as written, without "(…)", the "(…)" part, each " - " part. */
export function nameVariants(name: string): string[] {
  const out = new Set<string>([name]);
  const noParen = name.replace(/\([^)]*\)/g, ' ').trim();
  if (noParen) out.add(noParen);
  for (const m of name.matchAll(/\(([^)]+)\)/g)) {
    const inner = m[1]!.replace(/^(also (known|called) as|or|see|e\.g\.)\s+/i, '').trim();
    if (inner.length >= 2) out.add(inner);
  }
  // Commas are not split on: "Hyperandrogenism (HA), insulin resistance (IR), …" names one
  // syndrome, and "insulin resistance" alone must not point at it.
  for (const part of noParen.split(/\s+[-–:]\s+|:\s+/)) if (part.trim().length >= 4) out.add(part.trim());
  // "Diabetes, Type 2" → "Type 2 Diabetes" style reorderings are left to BM25.
  return [...out];
}

export class FocusDictionary {
  private readonly byKey = new Map<string, Set<number>>();
  private readonly conditions: FocusCondition[];
  private maxWords = 1;
  private readonly keyStrength = new Map<string, number>();

  private readonly commonWords: ReadonlySet<string>;

  constructor(conditions: FocusCondition[], options: { commonWords?: ReadonlySet<string> } = {}) {
    this.conditions = conditions;
    this.commonWords = options.commonWords ?? new Set();
    conditions.forEach((c, i) => {
      for (const n of [c.name, ...c.synonyms]) {
        for (const v of nameVariants(n)) this.add(v, i);
      }
    });
    const commonStems = new Set([...this.commonWords].map(stem));
    // A key shared by many conditions ("cancer") says little about which one is meant.
    for (const [key, set] of this.byKey) {
      const wordsIn = key.split(' ').length;
      const shared = 1 / Math.sqrt(set.size);
      // A one-word name that is also an everyday word ("noise", "falls", "speed") is weak evidence.
      const everyday = wordsIn === 1 && commonStems.has(key.replace(/^=/, ''));
      const base = Math.min(1, (0.55 + 0.15 * Math.min(wordsIn, 3)) * shared);
      this.keyStrength.set(key, everyday ? Math.min(base, 0.2) : base);
    }
  }

  private add(name: string, index: number): void {
    const raw = words(name, 32);
    // Short single words are acronyms ("ALS", "HA"): matched exactly, never through the stemmer,
    // which would turn "has" into "ha".
    const short = raw.length === 1 && raw[0]!.length <= 4;
    if (short && (isStopword(raw[0]!) || raw[0]!.length < 3)) return;
    // an acronym that is also an everyday word of the corpus ("CAR", "ACT") is not taken as a name
    if (short && this.commonWords.has(raw[0]!)) return;
    const key = short ? `=${raw[0]}` : phraseKey(name);
    if (!key) return;
    const parts = key.split(' ');
    // a single stopword or a generic head is not a name ("it", "disease")
    if (parts.length === 1 && (isStopword(parts[0]!) || GENERIC.has(parts[0]!) || parts[0]!.length < 2))
      return;
    if (parts.every((p) => isStopword(p) || GENERIC.has(p))) return;
    let set = this.byKey.get(key);
    if (!set) {
      set = new Set();
      this.byKey.set(key, set);
    }
    set.add(index);
    if (parts.length > this.maxWords) this.maxWords = Math.min(parts.length, 12);
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * Longest-first, non-overlapping matches over a list of (already spelling-repaired) words.
   * Several conditions can share a phrase; all are returned.
   */
  detect(questionWords: string[]): FocusMatch[] {
    const stems = questionWords.map(stem);
    const found = new Map<string, FocusMatch>();
    let i = 0;
    while (i < stems.length) {
      let matched = 0;
      for (let n = Math.min(this.maxWords, stems.length - i); n >= 1; n--) {
        const key = stems.slice(i, i + n).join(' ');
        const hits =
          this.byKey.get(key) ??
          (n === 1 && questionWords[i]!.length <= 4 ? this.byKey.get(`=${questionWords[i]}`) : undefined);
        if (!hits) continue;
        const strength = this.keyStrength.get(key) ?? 0.5;
        for (const idx of hits) {
          const c = this.conditions[idx]!;
          const prev = found.get(c.slug);
          if (!prev || prev.strength < strength) {
            found.set(c.slug, {
              slug: c.slug,
              name: c.name,
              phrase: questionWords.slice(i, i + n).join(' '),
              strength,
            });
          }
        }
        matched = n;
        break;
      }
      i += matched > 0 ? matched : 1;
    }
    return [...found.values()].sort((a, b) => b.strength - a.strength || a.slug.localeCompare(b.slug));
  }

  /** Convenience for tests and --explain: detect over raw text. */
  detectText(text: string): FocusMatch[] {
    return this.detect(words(text));
  }
}
