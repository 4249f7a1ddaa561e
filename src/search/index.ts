/** Search: query understanding, retrieval, entailment re-ranking, abstention and red flags. */

export { ASK_DEFAULTS, type AskDefaults, clampLimit } from './ask-defaults.js';
export { type AspectGuess, classifyAspect } from './aspect.js';
export { type CachedEngine, type CachedEngineOptions, cachedEngine, searchCacheDir } from './cache.js';
export {
  CONFIDENCE_FEATURES,
  ConfidenceModel,
  type ConfidenceModelFile,
  loadShippedConfidenceModel,
  parseConfidenceModel,
} from './confidence.js';
export { documentsFromStore } from './documents.js';
export {
  AskEngine,
  type AskEngineOptions,
  createAskEngine,
  NO_ANSWER_MESSAGE,
} from './engine.js';
export { type ExplainableResult, explainLines } from './explain.js';
export { FocusDictionary } from './focus.js';
export { type FocusKind, type ParsedMessage, parseMessage } from './message.js';
export type { EngineProvider } from './provider.js';
export {
  compileRedFlags,
  DEFAULT_EMERGENCY_NUMBER,
  defaultRedFlagRules,
  detectRedFlag,
  emergencyNumberText,
  type RedFlag,
} from './red-flags.js';
export { loadShippedRqeModel, RqeModel } from './rqe-model.js';
export { type RqeTrainingPair, trainRqeModel, trainRqeModelFile } from './rqe-train.js';
export { type SearchServiceOptions, searchService } from './service.js';
export { SpellingCorrector } from './spelling.js';
export { LIMITS } from './text.js';
export type * from './types.js';
