/**
 * `medbrief review stamp <files…> --reviewer <id>`: records, in the answer files themselves, that a
 * reviewer approved exactly their current content (review.revision = content hash). In the git
 * workflow this is what the reviewer runs (and commits) after reading the text.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import {
  addMonths,
  ContentError,
  contentHash,
  IsoDateSchema,
  normaliseText,
  parseAnswer,
  SlugSchema,
} from '../../content/index.js';
import { CliError } from '../shared.js';

export interface StampOptions {
  /** Reviewer id; with `keep`, defaults to the one already in the file. */
  reviewer?: string;
  /** Review date; with `keep`, defaults to the one already in the file. */
  date?: string;
  months: number;
  /** Keep reviewer, date and next review already recorded in the file. */
  keep?: boolean;
}

/** Sets review.revision to the content hash of the file's current content. */
export function stampReview(text: string, file: string, opts: StampOptions): { text: string; hash: string } {
  const parsed = parseAnswer(text, file);
  if (!parsed.ok) throw new ContentError(parsed.problems);
  const answer = parsed.value.answer;
  const hash = contentHash(answer);
  const existing = opts.keep ? answer.review : undefined;
  const reviewer = opts.reviewer ?? existing?.reviewer;
  if (!reviewer) {
    throw new CliError(
      `${file} has no review block to keep`,
      2,
      'pass --reviewer <id> to record a new review',
    );
  }
  const reviewed = opts.date ?? existing?.reviewed ?? new Date().toISOString().slice(0, 10);
  const review = {
    reviewer,
    reviewed,
    next_review: existing?.next_review ?? addMonths(reviewed, opts.months),
    revision: hash,
  };
  return { text: setReviewBlock(text, review), hash };
}

/**
 * Replaces the `review:` block in a file's front matter and leaves every other byte as it was,
 * so a stamp shows in git as a change to the review lines only.
 */
function setReviewBlock(text: string, review: Record<string, string>): string {
  const lines = normaliseText(text).split('\n');
  const close = lines.indexOf('---', 1);
  const block = stringify({ review }).trimEnd().split('\n');
  const from = lines.findIndex((l, i) => i > 0 && i < close && /^review:/.test(l));
  if (from === -1) {
    lines.splice(close, 0, ...block);
  } else {
    let to = from + 1;
    while (to < close && /^(\s|$)/.test(lines[to]!)) to++;
    lines.splice(from, to - from, ...block);
  }
  return lines.join('\n');
}

export async function runReviewStamp(
  files: string[],
  opts: { reviewer?: string; date?: string; months: string; keep?: boolean },
) {
  if (!opts.reviewer && !opts.keep) throw new CliError('--reviewer <id> is required', 2, 'or use --keep');
  if (opts.reviewer && !SlugSchema.safeParse(opts.reviewer).success) {
    throw new CliError(
      `invalid reviewer id "${opts.reviewer}"`,
      2,
      'reviewer ids are slugs, e.g. demo-reviewer',
    );
  }
  const months = Number(opts.months);
  if (!Number.isInteger(months) || months < 1) throw new CliError('--months must be a whole number ≥ 1');
  if (opts.date && !IsoDateSchema.safeParse(opts.date).success) {
    throw new CliError(`--date "${opts.date}" is not a date`, 2, 'write it as YYYY-MM-DD');
  }
  let stamped = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    if (opts.keep && !/^review:/m.test(text)) {
      console.log(`${file}: no review recorded — skipped`);
      continue;
    }
    const out = stampReview(text, file, { ...opts, months });
    writeFileSync(`${file}.tmp`, out.text);
    renameSync(`${file}.tmp`, file);
    stamped++;
    console.log(`${file}: review bound to ${out.hash.slice(0, 19)}…`);
  }
  console.log(`${stamped} of ${files.length} files stamped`);
}
