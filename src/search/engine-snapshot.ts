/**
 * The bytes of an engine snapshot (AskEngine.toSnapshot / fromSnapshot): a small JSON header and
 * typed arrays for everything large — the BM25F postings, the answer columns, the focus
 * dictionary and the spelling indexes — so restoring makes views, not objects.
 */
import type { Aspect } from '../content/index.js';
import type { Bm25fSnapshotArrays, Bm25fSnapshotMeta } from './bm25f.js';
import { DocTable } from './doc-table.js';
import type { FocusTables } from './focus.js';
import { packSnapshot, unpackSnapshot } from './snapshot.js';
import type { SpellingTables } from './spelling.js';
import {
  f64,
  postingsArrays,
  postingsFrom,
  StringIndex,
  type StringTable,
  stringTableArrays,
  stringTableFrom,
  type TableArrays,
  u8,
  u32,
} from './tables.js';

const SNAPSHOT_KIND = 'medbrief-search';
/** Bump when the index, tokeniser, focus, spelling or answer tables change shape or meaning. */
export const SNAPSHOT_VERSION = 5;

export interface EngineParts {
  index: { meta: Bm25fSnapshotMeta; arrays: Bm25fSnapshotArrays };
  docs: DocTable;
  focus: FocusTables;
  everyday: readonly string[];
  speller: SpellingTables;
}

interface Header {
  kind: string;
  version: number;
  index: Bm25fSnapshotMeta;
  aspects: Aspect[];
  everyday: string[];
  focusMaxWords: number;
}

function prefixed(prefix: string, arrays: TableArrays): TableArrays {
  return Object.fromEntries(Object.entries(arrays).map(([k, v]) => [prefix + k, v]));
}

function unprefixed(prefix: string, arrays: TableArrays): TableArrays {
  return Object.fromEntries(
    Object.entries(arrays)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(prefix.length), v]),
  );
}

function indexArrays(name: string, ix: StringIndex): TableArrays {
  return { ...stringTableArrays(name, ix.table), [`${name}.slots`]: ix.slots };
}

function indexFrom(name: string, arrays: TableArrays): StringIndex {
  return new StringIndex(stringTableFrom(name, arrays), u32(arrays, `${name}.slots`));
}

export function packEngine(p: EngineParts): Buffer {
  const d = p.docs.columns;
  const tables: [string, StringTable][] = [
    ['docs.answerIds', d.answerIds],
    ['docs.questions', d.questions],
    ['docs.origins', d.origins],
    ['docs.slugs', d.slugs],
    ['docs.names', d.names],
    ['docs.synonyms', d.synonyms],
    ['speller.words', p.speller.words],
  ];
  const arrays: TableArrays = {
    ...prefixed('index.', p.index.arrays),
    ...Object.assign({}, ...tables.map(([name, t]) => stringTableArrays(name, t))),
    'docs.condition': d.docCondition,
    'docs.aspect': d.docAspect,
    'docs.reviewed': d.reviewed,
    ...postingsArrays('docs.conditionSynonyms', d.conditionSynonyms),
    ...indexArrays('focus.keys', p.focus.keys),
    ...postingsArrays('focus.keyConditions', p.focus.keyConditions),
    'focus.keyStrength': p.focus.keyStrength,
    ...postingsArrays('focus.primary', p.focus.primary),
    'focus.primaryStrength': p.focus.primaryStrength,
    ...indexArrays('focus.heads', p.focus.heads),
    ...postingsArrays('focus.headConditions', p.focus.headConditions),
    ...indexArrays('speller.deletes', p.speller.deletes),
    ...postingsArrays('speller.deleteWords', p.speller.deleteWords),
    ...indexArrays('speller.phonetic', p.speller.phonetic),
    'speller.phoneticWord': p.speller.phoneticWord,
    'speller.freqs': p.speller.freqs,
  };
  const header: Header = {
    kind: SNAPSHOT_KIND,
    version: SNAPSHOT_VERSION,
    index: p.index.meta,
    aspects: d.aspects,
    everyday: [...p.everyday],
    focusMaxWords: p.focus.maxWords,
  };
  return packSnapshot(header as unknown as Record<string, unknown>, arrays);
}

/** The parts of a snapshot; throws a clear error on another format, version or damaged bytes. */
export function unpackEngine(bytes: Uint8Array): EngineParts {
  const { header, arrays: raw } = unpackSnapshot(bytes);
  const h = header as unknown as Header;
  if (h.kind !== SNAPSHOT_KIND || h.version !== SNAPSHOT_VERSION) {
    throw new Error(`not a search snapshot of version ${SNAPSHOT_VERSION} (rebuild it)`);
  }
  const arrays = raw as TableArrays;
  const docs = new DocTable({
    answerIds: stringTableFrom('docs.answerIds', arrays),
    questions: stringTableFrom('docs.questions', arrays),
    origins: stringTableFrom('docs.origins', arrays),
    docCondition: u32(arrays, 'docs.condition'),
    docAspect: u8(arrays, 'docs.aspect'),
    aspects: h.aspects,
    reviewed: u8(arrays, 'docs.reviewed'),
    slugs: stringTableFrom('docs.slugs', arrays),
    names: stringTableFrom('docs.names', arrays),
    synonyms: stringTableFrom('docs.synonyms', arrays),
    conditionSynonyms: postingsFrom('docs.conditionSynonyms', arrays),
  });
  return {
    index: { meta: h.index, arrays: unprefixed('index.', arrays) },
    docs,
    focus: {
      keys: indexFrom('focus.keys', arrays),
      keyConditions: postingsFrom('focus.keyConditions', arrays),
      keyStrength: f64(arrays, 'focus.keyStrength'),
      primary: postingsFrom('focus.primary', arrays),
      primaryStrength: f64(arrays, 'focus.primaryStrength'),
      heads: indexFrom('focus.heads', arrays),
      headConditions: postingsFrom('focus.headConditions', arrays),
      maxWords: h.focusMaxWords,
    },
    everyday: h.everyday,
    speller: {
      words: stringTableFrom('speller.words', arrays),
      deletes: indexFrom('speller.deletes', arrays),
      deleteWords: postingsFrom('speller.deleteWords', arrays),
      phonetic: indexFrom('speller.phonetic', arrays),
      phoneticWord: u32(arrays, 'speller.phoneticWord'),
      freqs: u32(arrays, 'speller.freqs'),
    },
  };
}
