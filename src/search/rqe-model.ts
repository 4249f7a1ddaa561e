/**
 * The question-entailment model: standardised features → logistic regression. Small enough to
 * read (one weight per named feature), trained by scripts/train-rqe.ts, shipped as models/rqe.json.
 */
import { z } from 'zod';
import {
  type AnalysedQuestion,
  analyseConsumerQuestion,
  analyseQuestion,
  type IdfFn,
  RQE_FEATURES,
  rqeFeatures,
} from './features.js';
import { logisticModelFields, readShippedModel } from './shipped-model.js';

export const RqeModelSchema = z.object({
  ...logisticModelFields,
  threshold: z.number(),
  /** Document frequencies of stemmed terms (df ≥ 2) over the training questions, for IDF. */
  idf: z.object({ documents: z.number().int().positive(), df: z.record(z.string(), z.number()) }),
});
export type RqeModelFile = z.infer<typeof RqeModelSchema>;

export class RqeModel {
  private readonly file: RqeModelFile;
  private readonly df: Map<string, number>;
  readonly idf: IdfFn;

  constructor(file: RqeModelFile) {
    const expected = RQE_FEATURES.join(',');
    if (file.features.join(',') !== expected) {
      throw new Error(
        `models/rqe.json was trained on features [${file.features.join(', ')}] but the code computes [${expected}]; run \`npm run train\``,
      );
    }
    this.file = file;
    this.df = new Map(Object.entries(file.idf.df));
    const n = file.idf.documents;
    this.idf = (t: string) => Math.log(1 + (n - (this.df.get(t) ?? 1) + 0.5) / ((this.df.get(t) ?? 1) + 0.5));
  }

  get threshold(): number {
    return this.file.threshold;
  }

  /** Probability that `faq`'s answers answer `chq`, from a feature vector. */
  probability(features: readonly number[]): number {
    let z = this.file.bias;
    for (let i = 0; i < features.length; i++) {
      z += this.file.weights[i]! * ((features[i]! - this.file.mean[i]!) / this.file.std[i]!);
    }
    return 1 / (1 + Math.exp(-z));
  }

  /** Entailment for analysed questions (the engine analyses the user's question once). */
  entailAnalysed(
    chq: AnalysedQuestion,
    faq: AnalysedQuestion,
    faqAspect?: Parameters<typeof rqeFeatures>[3],
  ): { entails: boolean; score: number; features: number[] } {
    const features = rqeFeatures(chq, faq, this.idf, faqAspect);
    const score = this.probability(features);
    return { entails: score >= this.file.threshold, score, features };
  }

  entail(chq: string, faq: string): { entails: boolean; score: number } {
    const r = this.entailAnalysed(analyseConsumerQuestion(chq), analyseQuestion(faq));
    return { entails: r.entails, score: r.score };
  }

  /** Feature name → weight, for --explain. */
  weights(): Record<string, number> {
    return Object.fromEntries(this.file.features.map((f, i) => [f, this.file.weights[i]!]));
  }
}

let shipped: RqeModel | null = null;
/** The model shipped in models/rqe.json (path relative to the repository root, from src/ or dist/). */
export function loadShippedRqeModel(): RqeModel {
  if (!shipped) {
    const { json } = readShippedModel('rqe.json', 'entailment model', 'npm run train');
    shipped = new RqeModel(RqeModelSchema.parse(json));
  }
  return shipped;
}

/**
 * Fits L2-regularised logistic regression by Newton's method (deterministic, exact for the
 * dozen features we have). Rows are standardised first; `sampleWeights` lets the trainer
 * up-weight consumer-question pairs over the clinical training pairs.
 */
export function fitLogistic(
  rows: readonly number[][],
  labels: readonly number[],
  options: { l2?: number; sampleWeights?: readonly number[]; iterations?: number } = {},
): { mean: number[]; std: number[]; weights: number[]; bias: number } {
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const sw = options.sampleWeights ?? rows.map(() => 1);
  const l2 = options.l2 ?? 1;
  const mean = new Array<number>(d).fill(0);
  const std = new Array<number>(d).fill(0);
  for (const r of rows) for (let j = 0; j < d; j++) mean[j]! += r[j]! / n;
  for (const r of rows) for (let j = 0; j < d; j++) std[j]! += (r[j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const X = rows.map((r) => [1, ...r.map((v, j) => (v - mean[j]!) / std[j]!)]);
  const p = d + 1;
  let w = new Array<number>(p).fill(0);
  for (let it = 0; it < (options.iterations ?? 25); it++) {
    const grad = new Array<number>(p).fill(0);
    const H = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    for (let i = 0; i < n; i++) {
      const x = X[i]!;
      let z = 0;
      for (let j = 0; j < p; j++) z += w[j]! * x[j]!;
      const mu = 1 / (1 + Math.exp(-z));
      const s = sw[i]!;
      const g = s * (mu - labels[i]!);
      const h = s * mu * (1 - mu);
      for (let j = 0; j < p; j++) {
        grad[j]! += g * x[j]!;
        const hx = h * x[j]!;
        for (let k = j; k < p; k++) H[j]![k]! += hx * x[k]!;
      }
    }
    for (let j = 0; j < p; j++) {
      for (let k = 0; k < j; k++) H[j]![k] = H[k]![j]!;
      if (j > 0) {
        grad[j]! += l2 * w[j]!;
        H[j]![j]! += l2;
      } else H[j]![j]! += 1e-9;
    }
    const step = solve(H, grad);
    w = w.map((v, j) => v - step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { mean, std, weights: w.slice(1), bias: w[0]! };
}

/** Gaussian elimination with partial pivoting; A is small and symmetric positive definite. */
function solve(A: number[][], b: number[]): number[] {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r]![c]!) > Math.abs(M[piv]![c]!)) piv = r;
    [M[c], M[piv]] = [M[piv]!, M[c]!];
    const d = M[c]![c]! || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = M[r]![c]! / d;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) M[r]![k]! -= f * M[c]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = M[r]![n]!;
    for (let k = r + 1; k < n; k++) s -= M[r]![k]! * x[k]!;
    x[r] = s / (M[r]![r]! || 1e-12);
  }
  return x;
}
