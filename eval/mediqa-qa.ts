/**
 * MEDIQA 2019 QA (task 3) question files: questions with candidate answers graded 1–4 by
 * experts (ReferenceScore). Ben Abacha, Shivade & Demner-Fushman, ACL-BioNLP 2019; data in
 * ../shared/data/mediqa-qa. Answer URLs that are MedQuAD document URLs give document-level
 * judgments: a MedQuAD document is relevant to a question when an answer with its URL was
 * graded ≥ 3 ("correct but incomplete" or "excellent").
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { normaliseMedquadUrl } from './medquad-keys.js';

export interface QaAnswer {
  aid: string;
  url: string;
  /** 1 incorrect, 2 related, 3 correct but incomplete, 4 excellent. */
  score: number;
}

export interface QaQuestion {
  qid: string;
  question: string;
  answers: QaAnswer[];
}

export const QA_FILES = {
  'mediqa-qa-alexa': 'MEDIQA2019-Task3-QA-TrainingSet2-Alexa.xml',
  'mediqa-qa-validation': 'MEDIQA2019-Task3-QA-ValidationSet.xml',
} as const;
export type QaSet = keyof typeof QA_FILES;

/** The grade from which an answer counts as correct (MEDIQA's own label-1 cut). */
export const RELEVANT_GRADE = 3;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => name === 'Question' || name === 'Answer',
});

const flat = (v: unknown) =>
  String(v ?? '')
    .replace(/\s+/g, ' ')
    .trim();

export function parseQaXml(xml: string): QaQuestion[] {
  const root = parser.parse(xml) as Record<string, { Question?: Record<string, unknown>[] }>;
  const top = Object.values(root).find((v) => v && typeof v === 'object' && 'Question' in v);
  return (top?.Question ?? []).map((q) => {
    const list = (q.AnswerList ?? {}) as { Answer?: Record<string, unknown>[] };
    return {
      qid: flat(q['@QID']),
      question: flat(q.QuestionText),
      answers: (list.Answer ?? []).map((a) => ({
        aid: flat(a['@AID']),
        url: flat(a.AnswerURL),
        score: Number(a['@ReferenceScore']),
      })),
    };
  });
}

export function readQaSet(dir: string, set: QaSet): QaQuestion[] {
  return parseQaXml(readFileSync(join(dir, QA_FILES[set]), 'utf8'));
}

export interface DocumentJudgments {
  /** MedQuAD documents graded ≥ RELEVANT_GRADE (best grade of any answer with that URL). */
  relevant: Set<string>;
  /** Every MedQuAD document with a graded answer, with its best grade. */
  graded: Map<string, number>;
}

/** Document-level judgments of one question against MedQuAD (URL → documents from documentsByUrl). */
export function documentJudgments(q: QaQuestion, byUrl: ReadonlyMap<string, string[]>): DocumentJudgments {
  const graded = new Map<string, number>();
  for (const a of q.answers) {
    const url = normaliseMedquadUrl(a.url);
    if (!url || !Number.isFinite(a.score)) continue;
    for (const doc of byUrl.get(url) ?? []) graded.set(doc, Math.max(graded.get(doc) ?? 0, a.score));
  }
  const relevant = new Set([...graded].filter(([, s]) => s >= RELEVANT_GRADE).map(([d]) => d));
  return { relevant, graded };
}
