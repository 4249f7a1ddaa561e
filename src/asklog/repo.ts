/**
 * The question log's rows are kept by the store (src/store/ask-log.ts); this module adds how
 * long the log keeps them.
 */
export {
  type AskChannel,
  AskLogRepo,
  type AskLogRow,
  type AskOutcome,
  type FeedbackRow,
  type FeedbackSummary,
  type GapDecision,
  type GapStatus,
  hourBucket,
  type NewAskRow,
} from '../store/ask-log.js';

export const DEFAULT_RETENTION_DAYS = 90;
