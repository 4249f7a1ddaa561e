import type { ExpectedMessage } from '../types.js';

/** A documented message of a not-ok example, pinned: its position, its reason and its fix hint. */
export function says(at: string, message: string, hint: string): ExpectedMessage {
  return { at, message, hint };
}
