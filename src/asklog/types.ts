/** What one recorded question says (no IP address, cookie, user id or exact time, ever). */
export type AskChannel = 'page' | 'api' | 'mcp';
export type AskOutcome = 'answered' | 'abstained' | 'red_flag';

export const UNKNOWN = 'unknown';

/** An ask as the engine saw it, before scrubbing; held in memory only until it is written. */
export interface AskEvent {
  channel: AskChannel;
  question: string;
  /** Condition slug the question is about, or "unknown". */
  focus: string;
  /** True when `focus` is a condition the engine knows (exists in the store). */
  focusKnown: boolean;
  aspect: string;
  outcome: AskOutcome;
  answerRef: string | null;
  score: number | null;
  reason: string | null;
  at?: Date;
}

export interface AskLogRow {
  id: number;
  hour: string;
  channel: AskChannel;
  focus: string;
  focusKnown: boolean;
  aspect: string;
  outcome: AskOutcome;
  answerRef: string | null;
  score: number | null;
  reason: string | null;
  question: string;
}
