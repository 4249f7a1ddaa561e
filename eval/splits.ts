/**
 * Fixed tune / report splits of every labelled set, the same on every machine and run:
 * `tune` when the mixed FNV-1a-32 hash of `<set>:<id>` (splitHash) is even, else `report`. Tune on one part, report the other.
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

/**
 * MurmurHash3's 32-bit finaliser: every output bit depends on every input bit. FNV-1a's lowest
 * bit is only the parity of the odd character codes, so `fnv1a32(x) % 2` alone would split by
 * spelling (all "…1.txt"-like ids together); the split uses the mixed hash.
 */
export function mix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b) >>> 0;
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35) >>> 0;
  x ^= x >>> 16;
  return x >>> 0;
}

/** The split key's hash: FNV-1a-32 of `<set>:<id>`, mixed. */
export function splitHash(set: SplitSet, id: string): number {
  return mix32(fnv1a32(`${set}:${id}`));
}

export function splitOf(set: SplitSet, id: string): Split {
  return splitHash(set, id) % 2 === 0 ? 'tune' : 'report';
}

/** Grouped cross-validation fold of an RQE consumer question (0..k-1). */
export function rqeFold(chq: string, k = 5): number {
  return mix32(fnv1a32(`rqe-fold:${chq}`)) % k;
}
