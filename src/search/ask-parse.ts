/**
 * Stage 1 of ask(): read the message (subject, asking sentence, focus, type), repair its words
 * and expand lay terms, and weigh the query terms (asking sentence and subject in full, other
 * questions at half weight, background barely).
 */

import { aspectGuessOf } from './aspect.js';
import type { Bm25fIndex } from './bm25f.js';
import type { ConfidenceModel } from './confidence.js';
import type { DocTable } from './doc-table.js';
import type { AnalysedQuestion } from './features.js';
import type { FocusMatch } from './focus.js';
import { type ParsedMessage, parseMessage } from './message.js';
import type { RqeModel } from './rqe-model.js';
import type { Correction } from './spelling.js';
import { terms, termsOfWords, words } from './text.js';

/** What the stages read from the built engine. */
export interface AskParts {
  readonly index: Bm25fIndex;
  readonly docs: DocTable;
  readonly model: RqeModel;
  readonly confidence: ConfidenceModel;
  readonly byCondition: ReadonlyMap<string, number[]>;
  readonly conditionNames: ReadonlyMap<string, string>;
  /** BM25F candidates re-ranked per question. */
  readonly candidates: number;
  analysedDoc(i: number): AnalysedQuestion;
  focusLookup(
    cache: Map<string, Correction | null>,
    corrections: Correction[],
  ): (ws: string[]) => FocusMatch[];
  repairWords(ws: string[], cache: Map<string, Correction | null>, corrections: Correction[]): string[];
  layExpansion(fixed: string[]): { lay: string[]; clinical: string[] };
  /** IDF mass of the words no answer has ever used. */
  unknownMass(fixed: string[]): number;
}

/** Query-term weights outside the asking sentence: other questions, background. */
const W_OTHER_QUESTIONS = 0.5;
const W_BACKGROUND = 0.15;
const W_LAY_EXPANSION = 0.7;

export interface ParsedQuery {
  /** The cleaned message. */
  text: string;
  parsed: ParsedMessage;
  /** Repaired words of the asking sentence and subject. */
  mainWords: string[];
  allWords: string[];
  layTerms: string[];
  expansion: string[];
  /** Stemmed term → weight, only terms the index has. */
  queryTerms: Map<string, number>;
  /** The parsed focus when it is a condition we cover. */
  focusSlug: string | undefined;
  /** Conditions named in the asking sentence and subject. */
  focusMatches: FocusMatch[];
  /** The user's question as the entailment model reads it. */
  user: AnalysedQuestion;
  corrections: Correction[];
}

export function parseStage(parts: AskParts, text: string): ParsedQuery {
  const cache = new Map<string, Correction | null>();
  const corrections: Correction[] = [];
  const lookup = parts.focusLookup(cache, corrections);
  const parsed = parseMessage(text, lookup);

  const mainText = [
    parsed.question,
    parsed.subject && parsed.subject !== parsed.question ? parsed.subject : '',
  ]
    .filter(Boolean)
    .join(' . ');
  const mainWords = parts.repairWords(words(mainText), cache, corrections);
  const otherWords = parts.repairWords(words(parsed.otherQuestions.join(' . ')), cache, corrections);
  const allWords = parts.repairWords(words(text), cache, corrections);
  const { lay: layTerms, clinical: expansion } = parts.layExpansion(mainWords);
  const queryTerms = new Map<string, number>();
  const add = (ts: string[], w: number) => {
    for (const t of ts) if (parts.index.has(t)) queryTerms.set(t, Math.max(queryTerms.get(t) ?? 0, w));
  };
  add(termsOfWords(allWords), W_BACKGROUND);
  add(termsOfWords(otherWords), W_OTHER_QUESTIONS);
  add(termsOfWords(mainWords), 1);
  add(termsOfWords(expansion), W_LAY_EXPANSION);
  const focusSlug = parsed.focus.kind === 'condition' ? parsed.focus.slug : undefined;
  if (focusSlug) add(terms(parts.conditionNames.get(focusSlug) ?? ''), 1);

  const focusMatches = lookup(mainWords);
  const userTerms = termsOfWords([...mainWords, ...expansion]);
  const user: AnalysedQuestion = {
    terms: userTerms,
    termSet: new Set(userTerms),
    subjectTerms: termsOfWords(parsed.subject ? words(parsed.subject) : mainWords.slice(0, 40)),
    aspect: aspectGuessOf(parsed),
  };
  return {
    text,
    parsed,
    mainWords,
    allWords,
    layTerms,
    expansion,
    queryTerms,
    focusSlug,
    focusMatches,
    user,
    corrections,
  };
}
