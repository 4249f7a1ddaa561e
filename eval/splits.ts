/**
 * Fixed tune / report splits of every labelled set, the same on every machine and run:
 * `tune` when FNV-1a-32 of `<set>:<id>` is even, else `report`. Tune on one part, report the other.
 *
 * Ids: MeQSum `file`; MEDIQA-QA `QID` (per file — the Alexa training file and the validation file
 * reuse QIDs, hence the set name in the key); RQE validation: the consumer question text (so every
 * pair of one consumer question falls on the same side).
 */
export type SplitSet = 'meqsum' | 'mediqa-qa-alexa' | 'mediqa-qa-validation' | 'rqe';
export type Split = 'tune' | 'report';

/** FNV-1a over UTF-16 code units (32 bit). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function splitOf(set: SplitSet, id: string): Split {
  return fnv1a32(`${set}:${id}`) % 2 === 0 ? 'tune' : 'report';
}

/** Grouped cross-validation fold of an RQE consumer question (0..k-1). */
export function rqeFold(chq: string, k = 5): number {
  return fnv1a32(`rqe-fold:${chq}`) % k;
}
