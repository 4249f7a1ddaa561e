/**
 * Entailment on real consumer questions, honestly: the 302 RQE validation pairs (consumer
 * question / NIH FAQ) cross-validated in folds grouped by consumer question, so no question is
 * on both sides; each fold's model is fitted on the RQE training set plus the other folds only.
 * The fitting function is the engine's (`trainRqeModel` in src/search/rqe-train.ts); any tuning
 * it does happens inside the pairs it is given.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadShippedRqeModel } from '../src/search/index.js';
import { repoRoot } from './data-dirs.js';
import { binaryMetrics } from './metrics.js';
import type { RqePair } from './rqe-data.js';
import { rqeFold, splitOf } from './splits.js';

export interface Entailer {
  entail(chq: string, faq: string): { entails: boolean; score: number };
}
export type FitRqe = (pairs: RqePair[]) => Entailer;

export const RQE_FOLDS = 5;

/** The engine's trainer when it exists (src/search/rqe-train.ts → trainRqeModel), else null. */
export async function engineTrainer(): Promise<FitRqe | null> {
  const path = join(repoRoot, 'src', 'search', 'rqe-train.ts');
  if (!existsSync(path)) return null;
  const mod = (await import(pathToFileURL(path).href)) as { trainRqeModel?: FitRqe };
  return typeof mod.trainRqeModel === 'function' ? mod.trainRqeModel : null;
}

export interface RqeCvResult {
  pairs: number;
  groups: number;
  folds: number;
  accuracy: number;
  perFold: number[];
  /** Share of pairs predicted "entails" (a model that says yes to everything scores the positive rate). */
  predictedPositiveRate: number;
  positiveRate: number;
  byPart: { tune: number; report: number };
}

export function groupedCv(training: RqePair[], validation: RqePair[], train: FitRqe): RqeCvResult {
  const predicted = new Array<boolean>(validation.length).fill(false);
  const fold = validation.map((p) => rqeFold(p.chq, RQE_FOLDS));
  const perFold: number[] = [];
  for (let f = 0; f < RQE_FOLDS; f++) {
    const model = train([...training, ...validation.filter((_, i) => fold[i] !== f)]);
    let n = 0;
    let ok = 0;
    validation.forEach((p, i) => {
      if (fold[i] !== f) return;
      predicted[i] = model.entail(p.chq, p.faq).entails;
      n++;
      if (predicted[i] === p.entails) ok++;
    });
    perFold.push(round(n === 0 ? 0 : ok / n));
  }
  const all = binaryMetrics(validation.map((p, i) => ({ predicted: predicted[i]!, actual: p.entails })));
  const part = (s: 'tune' | 'report') => {
    const idx = validation.map((p, i) => (splitOf('rqe', p.chq) === s ? i : -1)).filter((i) => i >= 0);
    return round(idx.filter((i) => predicted[i] === validation[i]!.entails).length / Math.max(1, idx.length));
  };
  return {
    pairs: validation.length,
    groups: new Set(validation.map((p) => p.chq)).size,
    folds: RQE_FOLDS,
    accuracy: all.accuracy,
    perFold,
    predictedPositiveRate: round(predicted.filter(Boolean).length / Math.max(1, validation.length)),
    positiveRate: round(validation.filter((p) => p.entails).length / Math.max(1, validation.length)),
    byPart: { tune: part('tune'), report: part('report') },
  };
}

/**
 * The shipped model (models/rqe.json) on the validation pairs it was not fitted on: the pairs
 * whose ids are absent from `training.validationPairsUsed`. Null when the model file does not
 * say which pairs it used (then no honest figure exists for it).
 */
export function shippedOnUnseen(validation: RqePair[]): {
  pairs: number;
  accuracy: number;
  predictedPositiveRate: number;
} | null {
  const file = shippedModelFile();
  const used = file.training?.validationPairsUsed;
  if (!Array.isArray(used)) return null;
  const seen = new Set(used.map(String));
  const unseen = validation.filter((p) => !seen.has(p.pid));
  if (unseen.length === 0) return null;
  const model: Entailer = loadShippedRqeModel();
  const predicted = unseen.map((p) => model.entail(p.chq, p.faq).entails);
  const m = binaryMetrics(unseen.map((p, i) => ({ predicted: predicted[i]!, actual: p.entails })));
  return {
    pairs: unseen.length,
    accuracy: m.accuracy,
    predictedPositiveRate: round(predicted.filter(Boolean).length / unseen.length),
  };
}

/** models/rqe.json as stored (its `training` summary says how it was fitted). */
export function shippedModelFile(): {
  training?: Record<string, unknown> & { validationPairsUsed?: unknown };
} {
  return JSON.parse(readFileSync(join(repoRoot, 'models', 'rqe.json'), 'utf8'));
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
