/** The shapes of an import plan (see ./plan.ts for how one is computed). */
import type { Answer, Origin } from '../../content/index.js';
import type { CleanupCounts } from './clean.js';
import type { MedquadDocument, MedquadProblem } from './parse.js';

export interface PlannedAnswer {
  /** `medquad:<publisher>:<documentId>:<pairId>`, unique and stable. */
  originKey: string;
  origin: Origin;
  qtype: string;
  documentKey: string;
  /** The answer with `condition` and `slug` still to be set by the writer. */
  answer: Answer;
  /** Same-condition pairs whose answer text is the same: not imported again, linked to this one. */
  duplicates: { originKey: string; origin: Origin; qtype: string; documentKey: string }[];
}

export interface PlannedDocument {
  /** `medquad:<publisher>:<documentId>`. */
  key: string;
  source: string;
  id: string;
  url: string;
  focus: string;
  /** Origin keys of the document's non-empty pairs (imported or linked as duplicates). */
  originKeys: string[];
}

export interface PlannedCondition {
  slug: string;
  name: string;
  synonyms: string[];
  /** CUIs that identify this condition (word-level annotations left out). */
  cuis: string[];
  documents: PlannedDocument[];
  answers: PlannedAnswer[];
  /** Hash of everything above: equal fingerprints mean the import would write the same. */
  fingerprint: string;
}

export interface PlanReport {
  documents: number;
  pairs: number;
  emptyAnswers: number;
  duplicatesLinked: number;
  focusDerived: number;
  synonymsRead: number;
  qtypes: Record<string, number>;
  cleanup: CleanupCounts;
  problems: MedquadProblem[];
}

export interface ImportPlan {
  conditions: PlannedCondition[];
  report: PlanReport;
}

export interface PlanOptions {
  tldrWords?: number;
  /** Source files by document, for problems that concern a document (default: `<publisher>/<id>`). */
  fileOf?: (doc: MedquadDocument) => string;
}

/** The key two names are the same name by: slug without possessive "'s" ("Crohn's" = "Crohn"). */
