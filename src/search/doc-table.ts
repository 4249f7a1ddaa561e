/**
 * The engine's answer metadata in columns: one string table per text field and typed arrays for
 * the rest, so 16k answers restore from a snapshot without 16k parsed objects. An answer becomes
 * an object only when ranking reads it (the candidates of a question), and stays cached.
 */
import type { Aspect, Origin } from '../content/index.js';
import { Postings, StringTable } from './tables.js';
import type { SearchDocument } from './types.js';

/** What ranking reads of an answer (its text is indexed, not kept). */
export interface RankedDoc {
  answerId: string;
  condition: string;
  aspect: Aspect;
  question: string;
  reviewed: boolean;
  origin: Origin | null;
}

export interface DocColumns {
  answerIds: StringTable;
  questions: StringTable;
  /** Each answer's origin as JSON ("null" when it has none). */
  origins: StringTable;
  /** Index into the condition columns. */
  docCondition: Uint32Array;
  /** Index into `aspects`. */
  docAspect: Uint8Array;
  aspects: Aspect[];
  reviewed: Uint8Array;
  slugs: StringTable;
  names: StringTable;
  /** Every synonym of every condition, and for each condition its rows there, in first-seen order. */
  synonyms: StringTable;
  conditionSynonyms: Postings;
}

export class DocTable {
  private readonly cache: (RankedDoc | undefined)[];

  constructor(readonly columns: DocColumns) {
    this.cache = new Array(columns.docCondition.length);
  }

  /** Columns for a list of documents; a condition's synonyms are those of all its documents. */
  static fromDocuments(docs: readonly SearchDocument[]): DocTable {
    const conditionRow = new Map<string, number>();
    const slugs: string[] = [];
    const names: string[] = [];
    const synonymLists: string[][] = [];
    const aspects: Aspect[] = [];
    const docCondition = new Uint32Array(docs.length);
    const docAspect = new Uint8Array(docs.length);
    const reviewed = new Uint8Array(docs.length);
    docs.forEach((d, i) => {
      let c = conditionRow.get(d.condition);
      if (c === undefined) {
        c = slugs.length;
        conditionRow.set(d.condition, c);
        slugs.push(d.condition);
        names.push(d.conditionName);
        synonymLists.push([...d.synonyms]);
      } else {
        const list = synonymLists[c]!;
        for (const s of d.synonyms) if (!list.includes(s)) list.push(s);
      }
      docCondition[i] = c;
      let a = aspects.indexOf(d.aspect);
      if (a < 0) a = aspects.push(d.aspect) - 1;
      if (a > 255) throw new Error('DocTable: more than 256 aspects');
      docAspect[i] = a;
      reviewed[i] = d.reviewed ? 1 : 0;
    });
    let next = 0;
    return new DocTable({
      answerIds: StringTable.from(docs.map((d) => d.answerId)),
      questions: StringTable.from(docs.map((d) => d.question)),
      origins: StringTable.from(docs.map((d) => JSON.stringify(d.origin ?? null))),
      docCondition,
      docAspect,
      aspects,
      reviewed,
      slugs: StringTable.from(slugs),
      names: StringTable.from(names),
      synonyms: StringTable.from(synonymLists.flat()),
      conditionSynonyms: Postings.from(synonymLists.map((l) => l.map(() => next++))),
    });
  }

  get size(): number {
    return this.columns.docCondition.length;
  }

  get conditionCount(): number {
    return this.columns.slugs.size;
  }

  /** The condition (row in the condition columns) of answer `i`. */
  conditionOf(i: number): number {
    return this.columns.docCondition[i]!;
  }

  slug(condition: number): string {
    return this.columns.slugs.get(condition);
  }

  conditionName(condition: number): string {
    return this.columns.names.get(condition);
  }

  synonymsOf(condition: number): string[] {
    const p = this.columns.conditionSynonyms;
    const out: string[] = [];
    for (let k = p.start(condition); k < p.end(condition); k++)
      out.push(this.columns.synonyms.get(p.values[k]!));
    return out;
  }

  question(i: number): string {
    return this.columns.questions.get(i);
  }

  get(i: number): RankedDoc {
    let d = this.cache[i];
    if (!d) {
      const c = this.columns;
      d = {
        answerId: c.answerIds.get(i),
        condition: c.slugs.get(c.docCondition[i]!),
        aspect: c.aspects[c.docAspect[i]!]!,
        question: c.questions.get(i),
        reviewed: c.reviewed[i] === 1,
        origin: JSON.parse(c.origins.get(i)) as Origin | null,
      };
      this.cache[i] = d;
    }
    return d;
  }
}
