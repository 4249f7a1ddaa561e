/**
 * MeQSum: 908 real consumer health questions sent to the U.S. National Library of Medicine
 * (subject + message, as written), each with a short expert summary. Ben Abacha &
 * Demner-Fushman, ACL 2019 (CC BY 4.0); data in ../shared/data/meqsum/meqsum.jsonl.
 * Our labels for these messages live in eval/fixtures/ keyed by `file` only — the messages are
 * never copied into the repository; loaders join labels with the jsonl at run time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface MeqsumMessage {
  /** The message's key in MeQSum (unique). */
  file: string;
  /** Subject and message as the person wrote them. */
  chq: string;
  /** The experts' one-sentence summary of the question. */
  summary: string;
}

/** One message per line: {"file","chq","summary"}; a bad line is an error naming the line. */
export function parseMeqsumJsonl(text: string, source = 'meqsum.jsonl'): MeqsumMessage[] {
  const out: MeqsumMessage[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      throw new Error(`${source}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const r = row as Record<string, unknown>;
    if (typeof r.file !== 'string' || typeof r.chq !== 'string' || typeof r.summary !== 'string') {
      throw new Error(`${source}:${i + 1}: expected string fields "file", "chq" and "summary"`);
    }
    if (seen.has(r.file)) throw new Error(`${source}:${i + 1}: file "${r.file}" appears twice`);
    seen.add(r.file);
    out.push({ file: r.file, chq: r.chq, summary: r.summary });
  });
  return out;
}

export function readMeqsum(dir: string): MeqsumMessage[] {
  const path = join(dir, 'meqsum.jsonl');
  return parseMeqsumJsonl(readFileSync(path, 'utf8'), path);
}
