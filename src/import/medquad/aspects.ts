/**
 * MedQuAD question types (qtypes) → our aspect vocabulary (src/content/schema.ts ASPECTS).
 * The one mapping table; docs/medquad.md explains each choice. A qtype missing here is an
 * import problem for that pair, never a silent guess.
 */
import type { Aspect } from '../../content/index.js';

export const QTYPE_ASPECTS = {
  information: 'overview',
  considerations: 'overview',
  symptoms: 'symptoms',
  'exams and tests': 'diagnosis',
  stages: 'diagnosis',
  outlook: 'outlook',
  susceptibility: 'risk-factors',
  treatment: 'treatment',
  research: 'research',
  'genetic changes': 'causes',
  causes: 'causes',
  prevention: 'prevention',
  inheritance: 'inheritance',
  frequency: 'frequency',
  complications: 'complications',
  'support groups': 'living-with',
} as const satisfies Record<string, Aspect>;

export type MedquadQtype = keyof typeof QTYPE_ASPECTS;

/** The aspect a qtype maps to, or null for a qtype the table does not know. */
export function aspectForQtype(qtype: string): Aspect | null {
  const key = qtype.trim().toLowerCase();
  return Object.hasOwn(QTYPE_ASPECTS, key) ? QTYPE_ASPECTS[key as MedquadQtype] : null;
}
