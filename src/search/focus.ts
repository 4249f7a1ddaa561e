/**
 * Focus detection: which condition(s) the question is about, by name, synonym, acronym or lay
 * term, after spelling repair. A phrase dictionary keyed by stemmed word sequences, matched
 * longest-first over the question's words.
 */

import type { WordList } from './medical-words.js';
import { Postings, StringIndex, StringTable } from './tables.js';
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

/** Medical words that end a name but do not name it alone ("symptoms" of "… with symptoms"). */
const NOT_HEADS = new Set(
  [
    'symptom',
    'symptoms',
    'diagnosis',
    'chromosome',
    'chromosomes',
    'genetic',
    'gene',
    'genes',
    'vagina',
    'fragile',
  ].map(stem),
);

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

/**
 * Everyday English words that are also the name of a MedQuAD topic ("noise", "falls", "salt"):
 * on their own they are weak evidence that the question is about that topic.
 */
const EVERYDAY = new Set(
  `all as at is go five h c li au ah car arm arms blood child cord drinking falls gas ice makeup medicare
memory men mg noise nursing pain period pet safety salt sacs shock shots speed stress sweat tears braces
burns drugs medications medicines surgery operation diets hormones minerals vitamins nutrition caregivers
imaging rehabilitation tumor fever cough bleeding bruises scars fatigue tiredness itching choking fainting
sleep hearing balance growth help smoking alcohol caffeine calcium potassium sodium iron lipids`.split(/\s+/),
);

/**
 * MedQuAD topics named like a kind of question or a service ("side effects", "genetic testing",
 * "clinical trials"): in a message they usually say what is asked, not what it is about.
 */
const META_TOPICS = [
  'side effects',
  'side effect',
  'drug reaction',
  'drug reactions',
  'genetic testing',
  'genetic test',
  'clinical trials',
  'clinical trial',
  'family history',
  'ct scan',
  'ct scans',
  'mri',
  'radiation therapy',
  'antibiotics',
  'skin condition',
  'skin conditions',
  'blood sugar',
  'symptom',
  'symptoms',
  'a symptom',
  'med',
  'meds',
  'medical tests',
  'lab tests',
  'laboratory tests',
  'health insurance',
  'health facilities',
  'drug safety',
  'medicines',
  'surgery',
  'chronic pain',
];

/** Acronyms that are also everyday letters-words in the corpus but name a condition when written. */
const KNOWN_ACRONYMS = new Set(
  'hiv aids als flu ms adhd gerd uti hpv copd ckd esrd aml cml cll cbc ldl hdl a1c sids std sti tb ibs pcos ptsd ocd'.split(
    ' ',
  ),
);

/** The dictionary's look-up tables (kept in engine snapshots, restored without rebuilding). */
export interface FocusTables {
  /** Phrase keys (stemmed words joined by spaces; "=acr" for an exact short acronym). */
  keys: StringIndex;
  /** For each key, the conditions (by index) it names, and how specifically. */
  keyConditions: Postings;
  keyStrength: Float64Array;
  /** For each key, the conditions whose own name (not a synonym) it is, and that strength (NaN: none). */
  primary: Postings;
  primaryStrength: Float64Array;
  /** Head words of multi-word names ("diabetes"), and the conditions they belong to. */
  heads: StringIndex;
  headConditions: Postings;
  /** Longest key, in words. */
  maxWords: number;
}

/** What the constructor collects before packing it into FocusTables. */
interface Draft {
  byKey: Map<string, Set<number>>;
  primary: Map<string, Set<number>>;
  heads: Map<string, Set<number>>;
  maxWords: number;
}

export class FocusDictionary {
  private readonly conditions: readonly Pick<FocusCondition, 'slug' | 'name'>[];
  private readonly commonWords: ReadonlySet<string>;
  private readonly tables: FocusTables;

  /**
   * `restored`: the tables of an earlier dictionary over the same conditions (snapshot()), used
   * instead of building them; `conditions` then needs only slug and name.
   */
  constructor(
    conditions: readonly FocusCondition[] | readonly Pick<FocusCondition, 'slug' | 'name'>[],
    options: {
      commonWords?: ReadonlySet<string>;
      medicalWords?: WordList;
      /** The everyday-word set of an earlier dictionary (everydayWords()), instead of computing it. */
      everydayWords?: ReadonlySet<string>;
    } = {},
    restored?: FocusTables,
  ) {
    this.conditions = conditions;
    const medical = options.medicalWords ?? new Set<string>();
    // a frequent corpus word is "everyday" unless it is a medical term (or a known acronym)
    this.commonWords =
      options.everydayWords ??
      new Set(
        [...(options.commonWords ?? [])].filter(
          (w) => EVERYDAY.has(w) || !(medical.has(w) || KNOWN_ACRONYMS.has(w)),
        ),
      );
    this.tables = restored ?? this.build(conditions as readonly FocusCondition[]);
  }

  private build(conditions: readonly FocusCondition[]): FocusTables {
    const draft: Draft = { byKey: new Map(), primary: new Map(), heads: new Map(), maxWords: 1 };
    conditions.forEach((c, i) => {
      for (const n of [c.name, ...c.synonyms]) {
        for (const v of nameVariants(n)) this.add(draft, v, i, n === c.name);
      }
    });
    const commonStems = new Set([...this.commonWords].map(stem));
    const meta = new Set(
      META_TOPICS.map((t) => (t.length <= 4 && !t.includes(' ') ? `=${t}` : phraseKey(t))),
    );
    const keys = [...draft.byKey.keys()];
    const keyStrength = new Float64Array(keys.length);
    const primaryStrength = new Float64Array(keys.length).fill(Number.NaN);
    // A key shared by many conditions ("cancer") says little about which one is meant.
    keys.forEach((key, row) => {
      const set = draft.byKey.get(key)!;
      const wordsIn = key.split(' ').length;
      const shared = 1 / Math.sqrt(set.size);
      // A one-word name that is also an everyday word ("noise", "falls", "speed") is weak evidence.
      const everyday = (wordsIn === 1 && commonStems.has(key.replace(/^=/, ''))) || meta.has(key);
      const base = Math.min(1, (0.55 + 0.15 * Math.min(wordsIn, 3)) * shared);
      keyStrength[row] = everyday ? Math.min(base, 0.2) : base;
      // The condition whose own name this is ("Epilepsy") is meant more surely than the many
      // that list it as a synonym.
      const primary = draft.primary.get(key);
      if (primary) {
        const own = Math.min(1, (0.6 + 0.15 * Math.min(wordsIn, 3)) / Math.sqrt(primary.size));
        primaryStrength[row] = everyday ? Math.min(own, 0.25) : Math.max(own, base);
      }
    });
    // The head of a name stands for it alone only when it is not an everyday word: "information"
    // of "Evaluating Health Information" or "product" of "Household Products" names nothing.
    const heads = [...draft.heads.keys()].filter((h) => !commonStems.has(h) && !NOT_HEADS.has(h));
    return {
      keys: new StringIndex(StringTable.from(keys)),
      keyConditions: Postings.from(keys.map((k) => draft.byKey.get(k)!)),
      keyStrength,
      primary: Postings.from(keys.map((k) => draft.primary.get(k) ?? [])),
      primaryStrength,
      heads: new StringIndex(StringTable.from(heads)),
      headConditions: Postings.from(heads.map((h) => draft.heads.get(h)!)),
      maxWords: draft.maxWords,
    };
  }

  private add(draft: Draft, name: string, index: number, isPrimary: boolean): void {
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
    addTo(draft.byKey, key, index);
    // the head of a multi-word name ("diabetes" of "Type 2 diabetes") names it weakly on its own
    const head = parts.at(-1)!;
    if (
      parts.length > 1 &&
      !GENERIC.has(head) &&
      !isStopword(head) &&
      head.length >= 4 &&
      !/^\d+$/.test(head)
    ) {
      addTo(draft.heads, head, index);
    }
    if (isPrimary) addTo(draft.primary, key, index);
    if (parts.length > draft.maxWords) draft.maxWords = Math.min(parts.length, 12);
  }

  get size(): number {
    return this.tables.keys.table.size;
  }

  /** Frequent corpus words treated as everyday words, not names (kept in engine snapshots). */
  everydayWords(): ReadonlySet<string> {
    return this.commonWords;
  }

  /** The look-up tables (see the constructor's `restored`). */
  snapshot(): FocusTables {
    return this.tables;
  }

  /**
   * Longest-first, non-overlapping matches over a list of (already spelling-repaired) words.
   * Several conditions can share a phrase; all are returned.
   */
  detect(questionWords: string[]): FocusMatch[] {
    const t = this.tables;
    const stems = questionWords.map(stem);
    const found = new Map<string, FocusMatch>();
    let i = 0;
    while (i < stems.length) {
      let matched = 0;
      for (let n = Math.min(t.maxWords, stems.length - i); n >= 1; n--) {
        const stemKey = stems.slice(i, i + n).join(' ');
        let row = t.keys.find(stemKey);
        if (row < 0 && n === 1 && questionWords[i]!.length <= 4) row = t.keys.find(`=${questionWords[i]}`);
        if (row < 0) continue;
        const shared = t.keyStrength[row]!;
        const hasPrimary = !Number.isNaN(t.primaryStrength[row]!);
        for (let k = t.keyConditions.start(row); k < t.keyConditions.end(row); k++) {
          const idx = t.keyConditions.values[k]!;
          const strength = hasPrimary && t.primary.has(row, idx) ? t.primaryStrength[row]! : shared;
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
    if (found.size === 0) {
      // no name matched: a word that is the head of only one or two names ("diabetes")
      for (let k = 0; k < stems.length; k++) {
        const row = t.heads.find(stems[k]!);
        if (row < 0 || t.keys.find(stems[k]!) >= 0) continue;
        const size = t.headConditions.end(row) - t.headConditions.start(row);
        if (size > 2) continue;
        const strength = 0.35 / Math.sqrt(size);
        for (let j = t.headConditions.start(row); j < t.headConditions.end(row); j++) {
          const c = this.conditions[t.headConditions.values[j]!]!;
          if (!found.has(c.slug))
            found.set(c.slug, { slug: c.slug, name: c.name, phrase: questionWords[k]!, strength });
        }
      }
    }
    return [...found.values()].sort((a, b) => b.strength - a.strength || a.slug.localeCompare(b.slug));
  }

  /** Convenience for tests and --explain: detect over raw text. */
  detectText(text: string): FocusMatch[] {
    return this.detect(words(text));
  }
}

function addTo(map: Map<string, Set<number>>, key: string, index: number): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(index);
}
