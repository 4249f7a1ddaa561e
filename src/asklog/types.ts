import type { AskChannel, AskOutcome } from '../store/ask-log.js';

/** What one recorded question says (no IP address, cookie, user id or exact time, ever). */
export type { AskChannel, AskLogRow, AskOutcome } from '../store/ask-log.js';

export const UNKNOWN = 'unknown';

/** An ask as the engine saw it, before scrubbing; held in memory only until it is written. */
export interface AskEvent {
  channel: AskChannel;
  question: string;
  /** Condition slug the engine found; null: guessed from the words when the ask is written. */
  focus: string | null;
  /** True when the engine found the focus (a condition it knows). */
  focusKnown: boolean;
  /** What the engine read as the topic when it knows no such condition (raw words; scrubbed before use). */
  focusPhrase?: string | null;
  /** The engine's aspect; null: classified from the words when the ask is written. */
  aspect: string | null;
  outcome: AskOutcome;
  answerRef: string | null;
  score: number | null;
  reason: string | null;
  at?: Date;
}
