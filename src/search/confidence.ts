/**
 * Abstention confidence: the probability that the top answer answers the message, from a small
 * logistic regression over what the engine already knows at the decide stage (the top score and
 * its margin, whether the message names a condition we cover and the top answer is about it,
 * question-type fit, medicine signals, how much of the message the corpus has words for).
 * Fitted offline on the TUNE part of the real-question evaluation by eval/fit-confidence.ts and
 * shipped with its training summary and the threshold chosen on tune as models/confidence.json.
 */
import { z } from 'zod';
import { logisticModelFields, readShippedModel } from './shipped-model.js';

/** The features, in the order the model's weights use. */
export const CONFIDENCE_FEATURES = [
  'top',
  'margin',
  'coverage',
  'focusCondition',
  'topOnFocus',
  'aspectFit',
  'entailment',
  'drugNamed',
  'drugType',
  'medicineWords',
  'noAspect',
  'noType',
  'unknownShare',
] as const;
export type ConfidenceFeature = (typeof CONFIDENCE_FEATURES)[number];
export type ConfidenceInput = Record<ConfidenceFeature, number>;

export const ConfidenceModelSchema = z.object({
  ...logisticModelFields,
  /** Abstain when the confidence is below this (chosen on the tune part; the engine default). */
  threshold: z.number().min(0).max(1),
});
export type ConfidenceModelFile = z.infer<typeof ConfidenceModelSchema>;

export class ConfidenceModel {
  readonly file: ConfidenceModelFile;

  constructor(file: ConfidenceModelFile) {
    const expected = CONFIDENCE_FEATURES.join(',');
    if (file.features.join(',') !== expected) {
      throw new Error(
        `models/confidence.json was fitted on features [${file.features.join(', ')}] but the code computes [${expected}]; run \`npx tsx eval/fit-confidence.ts\``,
      );
    }
    const d = CONFIDENCE_FEATURES.length;
    if (file.mean.length !== d || file.std.length !== d || file.weights.length !== d) {
      throw new Error(`models/confidence.json: mean, std and weights must have ${d} entries each`);
    }
    this.file = file;
  }

  get threshold(): number {
    return this.file.threshold;
  }

  vector(input: ConfidenceInput): number[] {
    return CONFIDENCE_FEATURES.map((f) => input[f]);
  }

  /** Probability (0..1) that the top answer answers the message. */
  probability(input: ConfidenceInput): number {
    let z = this.file.bias;
    CONFIDENCE_FEATURES.forEach((f, i) => {
      z += this.file.weights[i]! * ((input[f] - this.file.mean[i]!) / (this.file.std[i]! || 1));
    });
    return 1 / (1 + Math.exp(-z));
  }

  /** Feature name → weight (on standardised features), for --explain. */
  weights(): Record<string, number> {
    return Object.fromEntries(CONFIDENCE_FEATURES.map((f, i) => [f, this.file.weights[i]!]));
  }
}

export function parseConfidenceModel(value: unknown, source = 'models/confidence.json'): ConfidenceModel {
  const r = ConfidenceModelSchema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${source}: ${i.path.join('.') || '(top)'}: ${i.message}`);
  }
  return new ConfidenceModel(r.data);
}

let shipped: ConfidenceModel | null = null;
/** The model shipped in models/confidence.json (path relative to the repository root, from src/ or lib/). */
export function loadShippedConfidenceModel(): ConfidenceModel {
  if (!shipped) {
    const { json, path } = readShippedModel(
      'confidence.json',
      'abstention model',
      'npx tsx eval/fit-confidence.ts',
    );
    shipped = parseConfidenceModel(json, path);
  }
  return shipped;
}
