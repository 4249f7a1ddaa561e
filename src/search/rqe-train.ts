/**
 * Training the question-entailment model from labelled pairs, deterministically (no randomness:
 * folds by a hash of the consumer question, Newton's method). Used by scripts/train-rqe.ts for the
 * shipped model and by the evaluation's grouped cross-validation, so every fold is trained exactly
 * as the shipped model is — and any tuning happens inside, on the pairs given.
 *
 * Two kinds of pairs: clinical pairs with random negatives (RQE training set, marked by `type`)
 * and consumer pairs with hard negatives (same topic, another question type). The clinical pairs
 * alone teach "same topic ⇒ entails"; they are kept at a small weight and the consumer pairs
 * decide.
 */
import {
  type AnalysedQuestion,
  analyseConsumerQuestion,
  analyseQuestion,
  RQE_FEATURES,
  rqeFeatures,
} from './features.js';
import { fitLogistic, RqeModel, type RqeModelFile } from './rqe-model.js';
import { terms } from './text.js';

export interface RqeTrainingPair {
  pid?: string;
  chq: string;
  faq: string;
  entails: boolean;
  /** Set on clinical training pairs (RQE training set: originalQ-shortQ / originalQ-shortRandQ). */
  type?: string;
}

export interface RqeTrainOptions {
  /** Fixed configuration instead of the inner grid search. */
  config?: RqeConfig;
  /** Inner folds for choosing the configuration on the consumer pairs (default 5). */
  innerFolds?: number;
  /** Stored in the model file's `training` record. */
  training?: Record<string, unknown>;
}

export interface RqeConfig {
  clinicalWeight: number;
  l2: number;
  threshold: number;
}

const envGrid = (name: string, dflt: number[]) =>
  process.env[name] ? process.env[name]!.split(',').map(Number) : dflt;
const GRID_WEIGHTS = envGrid('RQE_W', [0, 0.02, 0.1]);
const GRID_L2 = envGrid('RQE_L2', [1, 10]);
const GRID_THRESHOLDS = envGrid('RQE_T', [0.4, 0.45, 0.5, 0.55, 0.6]);

/** FNV-1a: a stable group hash for a consumer question, the same on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function documentFrequencies(pairs: readonly RqeTrainingPair[]): RqeModelFile['idf'] {
  const texts = new Set<string>();
  for (const p of pairs) {
    texts.add(p.chq);
    texts.add(p.faq);
  }
  const df = new Map<string, number>();
  for (const t of texts) for (const term of new Set(terms(t))) df.set(term, (df.get(term) ?? 0) + 1);
  const kept = [...df.entries()].filter(([, n]) => n >= 2).sort((a, b) => a[0].localeCompare(b[0]));
  return { documents: Math.max(1, texts.size), df: Object.fromEntries(kept) };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function modelFile(
  fit: ReturnType<typeof fitLogistic>,
  idf: RqeModelFile['idf'],
  threshold: number,
  training?: Record<string, unknown>,
): RqeModelFile {
  return {
    kind: 'logistic-regression',
    version: 3,
    features: [...RQE_FEATURES],
    mean: fit.mean.map(round),
    std: fit.std.map(round),
    weights: fit.weights.map(round),
    bias: round(fit.bias),
    threshold,
    idf,
    ...(training ? { training } : {}),
  };
}

/**
 * Analysed questions by text, kept across calls: the grouped cross-validation trains on mostly
 * the same pairs many times, and analysis (parsing every message) is what costs. Analysis does not
 * depend on the training pairs (IDF is applied later), so sharing it leaks nothing between folds.
 */
const chqs = new Map<string, AnalysedQuestion>();
const faqs = new Map<string, AnalysedQuestion>();
const MAX_CACHED = 50_000;
function get(
  m: Map<string, AnalysedQuestion>,
  t: string,
  f: (raw: string) => AnalysedQuestion,
): AnalysedQuestion {
  let a = m.get(t);
  if (!a) {
    a = f(t);
    if (m.size >= MAX_CACHED) m.clear();
    m.set(t, a);
  }
  return a;
}

/** Feature rows of pairs under one IDF table. */
function featureRows(pairs: readonly RqeTrainingPair[], idf: RqeModelFile['idf']): number[][] {
  const idfModel = new RqeModel(modelFile({ mean: [], std: [], weights: [], bias: 0 }, idf, 0.5));
  const drop = new Set((process.env.RQE_DROP ?? '').split(',').map((n) => RQE_FEATURES.indexOf(n as never)));
  return pairs.map((p) =>
    rqeFeatures(
      get(chqs, p.chq, analyseConsumerQuestion),
      get(faqs, p.faq, analyseQuestion),
      idfModel.idf,
    ).map((v, j) => (drop.has(j) ? 0 : v)),
  );
}

function fitConfigured(X: number[][], pairs: readonly RqeTrainingPair[], idx: number[], c: RqeConfig) {
  const rows: number[][] = [];
  const labels: number[] = [];
  const weights: number[] = [];
  for (const i of idx) {
    const p = pairs[i]!;
    const w = p.type ? c.clinicalWeight : 1;
    if (w <= 0) continue;
    rows.push(X[i]!);
    labels.push(p.entails ? 1 : 0);
    weights.push(w);
  }
  return fitLogistic(rows, labels, { l2: c.l2, sampleWeights: weights });
}

/** The configuration with the best inner grouped-CV accuracy on the consumer pairs given. */
function chooseConfig(X: number[][], pairs: readonly RqeTrainingPair[], folds: number): RqeConfig {
  const consumer = pairs.map((p, i) => (p.type ? -1 : i)).filter((i) => i >= 0);
  const fallback: RqeConfig = { clinicalWeight: 0.1, l2: 1, threshold: 0.5 };
  if (consumer.length < 20) return fallback;
  const foldOf = (i: number) => hash(`inner:${pairs[i]!.chq}`) % folds;
  const clinical = pairs.map((p, i) => (p.type ? i : -1)).filter((i) => i >= 0);
  let best = { acc: -1, config: fallback };
  for (const clinicalWeight of GRID_WEIGHTS) {
    for (const l2 of GRID_L2) {
      const probs = new Map<number, number>();
      for (let f = 0; f < folds; f++) {
        const trainIdx = [...clinical, ...consumer.filter((i) => foldOf(i) !== f)];
        const r = fitConfigured(X, pairs, trainIdx, { clinicalWeight, l2, threshold: 0.5 });
        const m = new RqeModel(modelFile(r, { documents: 1, df: {} }, 0.5));
        for (const i of consumer) if (foldOf(i) === f) probs.set(i, m.probability(X[i]!));
      }
      for (const threshold of GRID_THRESHOLDS) {
        let ok = 0;
        for (const [i, p] of probs) if (p >= threshold === pairs[i]!.entails) ok++;
        const acc = ok / consumer.length;
        // ties keep the earlier (simpler: lower weight, lower l2, middle threshold first) config
        if (acc > best.acc + 1e-9) best = { acc, config: { clinicalWeight, l2, threshold } };
      }
    }
  }
  return best.config;
}

/** A model trained on `pairs` only (IDF, configuration and weights all from them). */
export function trainRqeModel(pairs: readonly RqeTrainingPair[], options: RqeTrainOptions = {}): RqeModel {
  return new RqeModel(trainRqeModelFile(pairs, options));
}

export function trainRqeModelFile(
  pairs: readonly RqeTrainingPair[],
  options: RqeTrainOptions = {},
): RqeModelFile {
  if (pairs.length === 0) throw new Error('trainRqeModel: no training pairs');
  const idf = documentFrequencies(pairs);
  const X = featureRows(pairs, idf);
  const config = options.config ?? chooseConfig(X, pairs, options.innerFolds ?? 5);
  const r = fitConfigured(
    X,
    pairs,
    pairs.map((_, i) => i),
    config,
  );
  return modelFile(r, idf, config.threshold, { ...options.training, config });
}
