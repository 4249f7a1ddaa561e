/**
 * Stage 3 of ask(): re-rank the candidates by how much of the question they cover, focus
 * (is the answer about the condition asked of), question-type fit and question entailment.
 */
import type { Aspect } from '../content/index.js';
import type { Candidates } from './ask-candidates.js';
import type { AskParts, ParsedQuery } from './ask-parse.js';
import { aspectFit } from './aspect.js';
import { RQE_FEATURES } from './features.js';
import type { AskResultItem } from './types.js';

/** Weights of the final score; chosen on the generated dev set (eval/) and kept round on purpose. */
const W = { coverage: 0.3, relative: 0.1, focus: 0.25, aspect: 0.2, entail: 0.15 } as const;
export const REVIEWED_BONUS = 0.01;

/** Per-answer parts of the score the decide stage reads. */
export interface ScoreParts {
  coverage: number;
  focusScore: number;
  aspectFit: number;
  entailment: number;
}

export interface Ranked {
  /** Best first. */
  scored: AskResultItem[];
  parts: Map<string, ScoreParts>;
}

export const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export function rerankStage(parts: AskParts, q: ParsedQuery, c: Candidates, explain: boolean): Ranked {
  const topBm25 = Math.max(1e-9, ...c.bm25.values());
  const scored: AskResultItem[] = [];
  const byAnswer = new Map<string, ScoreParts>();
  for (const [d, bm25] of c.bm25) {
    const doc = parts.docs.get(d);
    const coverage = c.maxScore > 0 ? Math.min(1, bm25 / c.maxScore) : 0;
    const relative = bm25 / topBm25;
    const fs = c.focusStrength.get(doc.condition);
    // weak focus (an everyday word that is also a name) earns only its strength, no floor
    const focusScore = fs === undefined ? 0 : fs >= 0.3 ? 0.5 + 0.5 * fs : fs;
    const fit = aspectFit(q.user.aspect, doc.aspect as Aspect);
    const rqe = parts.model.entailAnalysed(q.user, parts.analysedDoc(d), doc.aspect);
    const score =
      W.coverage * coverage +
      W.relative * relative +
      W.focus * focusScore +
      W.aspect * fit +
      W.entail * rqe.score +
      (doc.reviewed ? REVIEWED_BONUS : 0);
    byAnswer.set(doc.answerId, { coverage, focusScore, aspectFit: fit, entailment: rqe.score });
    const item: AskResultItem = {
      answerId: doc.answerId,
      condition: doc.condition,
      aspect: doc.aspect,
      question: doc.question,
      score: round4(Math.min(1, score)),
      origin: doc.origin,
      reviewed: doc.reviewed,
    };
    if (explain) {
      item.explain = {
        bm25: round4(bm25),
        coverage: round4(coverage),
        focusMatch: fs !== undefined,
        aspectFit: round4(fit),
        entailment: round4(rqe.score),
        reviewedBoost: doc.reviewed ? REVIEWED_BONUS : 0,
        features: Object.fromEntries(RQE_FEATURES.map((f, i) => [f, round4(rqe.features[i]!)])),
      };
    }
    scored.push(item);
  }
  scored.sort(
    (a, b) =>
      b.score - a.score || Number(b.reviewed) - Number(a.reviewed) || a.answerId.localeCompare(b.answerId),
  );
  return { scored, parts: byAnswer };
}
