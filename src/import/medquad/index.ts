/** MedQuAD import: read XML, plan conditions and answers, write them in crash-safe batches. */
export { aspectForQtype, QTYPE_ASPECTS } from './aspects.js';
export { type CleanupCounts, cleanAnswer } from './clean.js';
export {
  defaultMedquadDir,
  deriveFocus,
  isMedquadProblem,
  listMedquadFiles,
  MEDQUAD_LIMITS,
  type MedquadDocument,
  type MedquadPair,
  type MedquadProblem,
  parseMedquadXml,
  readMedquadFile,
} from './parse.js';
export {
  type ImportPlan,
  nameKey,
  type PlannedCondition,
  type PlanReport,
  planMedquadImport,
} from './plan.js';
export { MEDQUAD_PUBLISHERS, MEDQUAD_SNAPSHOT_DATE, medquadPublisherName } from './publishers.js';
export { cleanQuestion } from './question.js';
export {
  importMedquad,
  type MedquadImportOptions,
  type MedquadImportResult,
  readAndPlanMedquad,
} from './run.js';
export { DEFAULT_TLDR_WORDS, deriveTldr, splitSentences } from './tldr.js';
export {
  batchConditions,
  MEDQUAD_ACTOR,
  staggeredDueDate,
  type WriteProgress,
  type WriteReport,
  writeMedquadPlan,
} from './write.js';
