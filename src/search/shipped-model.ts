/** Reading a model shipped in models/ (path relative to the repository root, from src/ or lib/). */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The fields every shipped logistic-regression model has (standardised features → weights). */
export const logisticModelFields = {
  kind: z.literal('logistic-regression'),
  version: z.number().int(),
  features: z.array(z.string()),
  mean: z.array(z.number()),
  std: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** How it was fitted (data, configuration, figures). */
  training: z.record(z.string(), z.unknown()).optional(),
};

/** The parsed JSON of models/<file>, and where it was; a missing file names the command that makes it. */
export function readShippedModel(
  file: string,
  what: string,
  howToMake: string,
): { json: unknown; path: string } {
  const url = new URL(`../../models/${file}`, import.meta.url);
  let text: string;
  try {
    text = readFileSync(url, 'utf8');
  } catch {
    throw new Error(`cannot read the ${what} at ${url.pathname}; run \`${howToMake}\` to create it`);
  }
  return { json: JSON.parse(text), path: url.pathname };
}
