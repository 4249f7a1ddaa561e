/** Reading JSON Lines input for batch commands: one object per line, problems reported per line. */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

export type JsonlRecord = { line: number; value: Record<string, unknown> } | { line: number; error: string };

/** Lines longer than this are rejected rather than parsed (a 10 MB line is not a question). */
export const MAX_JSONL_LINE = 1_000_000;

export async function* readJsonl(file: string): AsyncGenerator<JsonlRecord> {
  const input = file === '-' ? process.stdin : createReadStream(file, { encoding: 'utf8' });
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  for await (const text of rl) {
    line++;
    if (text.trim() === '') continue;
    if (text.length > MAX_JSONL_LINE) {
      yield { line, error: `line is ${text.length} characters; the limit is ${MAX_JSONL_LINE}` };
      continue;
    }
    try {
      const value = JSON.parse(text) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        yield { line, error: 'expected a JSON object' };
      } else yield { line, value: value as Record<string, unknown> };
    } catch (err) {
      yield { line, error: `invalid JSON: ${(err as Error).message}` };
    }
  }
}

/** The id of a record as given (string or number, echoed unchanged), or a line-based id when absent. */
export function recordId(value: Record<string, unknown> | undefined, line: number): string | number {
  const id = value?.id;
  return typeof id === 'string' || typeof id === 'number' ? id : `line-${line}`;
}
