/**
 * The evaluation's labels against the real data sets: every label joins a MeQSum message and
 * resolves to MedQuAD answers, the hand-labelled sample is the fixed pseudo-random prefix it
 * claims to be, and the MEDIQA-QA URL rule yields document judgments. Needs ../shared/data
 * (skips outside CI with the reason printed; fails under CI=true).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CORE_DRUG_CATEGORIES,
  joinLabels,
  readAnswerLabels,
  readDrugLabels,
  resolveAnswerRefs,
} from '../../eval/labels.js';
import { documentJudgments, readQaSet } from '../../eval/mediqa-qa.js';
import { medquadDocuments } from '../../eval/medquad-docs.js';
import { documentsByUrl } from '../../eval/medquad-keys.js';
import { type MeqsumMessage, readMeqsum } from '../../eval/meqsum.js';
import { fnv1a32, splitOf } from '../../eval/splits.js';
import type { SearchDocument } from '../../src/search/index.js';
import { mediqaQaDir, medquadDir, meqsumDir } from '../helpers/corpus.js';

const dirs = { medquad: medquadDir(), meqsum: meqsumDir(), qa: mediqaQaDir() };
const have = dirs.medquad !== null && dirs.meqsum !== null && dirs.qa !== null;

describe.skipIf(!have)('evaluation labels on the real data', () => {
  let docs: SearchDocument[];
  const qtypes = new Map<string, string>();
  let meqsum: MeqsumMessage[];
  beforeAll(() => {
    docs = medquadDocuments(dirs.medquad!, qtypes);
    meqsum = readMeqsum(dirs.meqsum!);
  });

  it('every hand label joins a message and resolves to MedQuAD answers', () => {
    const file = readAnswerLabels();
    const joined = joinLabels(file.labels, meqsum, 'meqsum-answers.json');
    expect(joined.length).toBeGreaterThanOrEqual(295);
    let answerable = 0;
    for (const l of joined) {
      const keys = resolveAnswerRefs(l.answers, qtypes, l.file);
      if (keys.size > 0) answerable++;
    }
    // both kinds are present, in both parts
    expect(answerable).toBeGreaterThan(40);
    expect(joined.length - answerable).toBeGreaterThan(40);
    for (const part of ['tune', 'report'] as const)
      expect(
        joined.filter((l) => splitOf('meqsum', l.file) === part && l.answers.length > 0).length,
      ).toBeGreaterThan(20);
  });

  it('the hand-labelled sample is the first N messages of the stated hash order', () => {
    const order = [...meqsum]
      .sort(
        (a, b) => fnv1a32(`sample:${a.file}`) - fnv1a32(`sample:${b.file}`) || a.file.localeCompare(b.file),
      )
      .map((m) => m.file);
    const labelled = readAnswerLabels().labels.map((l) => l.file);
    expect(labelled).toEqual(order.slice(0, labelled.length));
  });

  it('drug-only labels join messages and cover the issue categories', () => {
    const drug = joinLabels(readDrugLabels().labels, meqsum, 'meqsum-drug-only.json');
    expect(drug.length).toBeGreaterThan(100);
    for (const c of CORE_DRUG_CATEGORIES) expect(drug.some((d) => d.category === c)).toBe(true);
    // a hand-labelled message about a medicine is in the drug-only list too, and has no answer
    const drugFiles = new Set(drug.map((d) => d.file));
    for (const l of readAnswerLabels().labels)
      if (l.type.startsWith('drug')) {
        expect(drugFiles.has(l.file)).toBe(true);
        expect(l.answers).toEqual([]);
      }
  });

  it('the URL rule gives MEDIQA-QA questions document judgments', () => {
    const byUrl = documentsByUrl(docs);
    const alexa = readQaSet(dirs.qa!, 'mediqa-qa-alexa');
    expect(alexa.length).toBe(104);
    const withRelevant = alexa.filter((q) => documentJudgments(q, byUrl).relevant.size > 0);
    expect(withRelevant.length).toBeGreaterThanOrEqual(30);
    // every relevant document is one the corpus has
    const known = new Set(docs.map((d) => `medquad:${d.origin?.publisher}:${d.origin?.documentId}`));
    for (const q of withRelevant)
      for (const d of documentJudgments(q, byUrl).relevant) expect(known.has(d)).toBe(true);
  });
});
