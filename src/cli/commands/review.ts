/**
 * `medbrief review stamp <files…> --reviewer <id>`: records, in the answer files themselves, that a
 * reviewer approved exactly their current content (review.revision = content hash). In the git
 * workflow this is what the reviewer runs (and commits) after reading the text.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import {
  addMonths,
  ContentError,
  contentHash,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  IsoDateSchema,
  parseAnswer,
  SlugSchema,
  serialiseAnswer,
} from '../../content/index.js';
import { action, CliError } from '../shared.js';

export function stampReview(
  text: string,
  file: string,
  opts: { reviewer: string; date: string; months: number },
): { text: string; hash: string } {
  const parsed = parseAnswer(text, file);
  if (!parsed.ok) throw new ContentError(parsed.problems);
  const answer = parsed.value.answer;
  const hash = contentHash(answer);
  answer.review = {
    reviewer: opts.reviewer,
    reviewed: opts.date,
    next_review: addMonths(opts.date, opts.months),
    revision: hash,
  };
  return { text: serialiseAnswer(answer), hash };
}

export function register(program: Command): void {
  const review = program.command('review').description('medical review records for content files');
  review
    .command('stamp')
    .description("record that a reviewer approved these answer files' exact current content")
    .argument('<files...>', 'answer Markdown files')
    .requiredOption('--reviewer <id>', 'reviewer id from reviewers.yaml')
    .option('--date <YYYY-MM-DD>', 'date of the review (default: today)')
    .option('--months <n>', 'months until the next review', String(DEFAULT_REVIEW_INTERVAL_MONTHS))
    .option('--keep-date', 'keep the reviewed date already in the file, if any')
    .action(
      action(
        async (
          files: string[],
          opts: { reviewer: string; date?: string; months: string; keepDate?: boolean },
        ) => {
          if (!SlugSchema.safeParse(opts.reviewer).success)
            throw new CliError(`invalid reviewer id "${opts.reviewer}"`);
          const months = Number(opts.months);
          if (!Number.isInteger(months) || months < 1)
            throw new CliError(`--months must be a whole number ≥ 1`);
          const today = new Date().toISOString().slice(0, 10);
          if (opts.date && !IsoDateSchema.safeParse(opts.date).success) {
            throw new CliError(`--date "${opts.date}" is not a date`, 2, 'write it as YYYY-MM-DD');
          }
          for (const file of files) {
            const text = readFileSync(file, 'utf8');
            let date = opts.date ?? today;
            if (opts.keepDate) {
              const parsed = parseAnswer(text, file);
              if (parsed.ok && parsed.value.answer.review) date = parsed.value.answer.review.reviewed;
            }
            const out = stampReview(text, file, { reviewer: opts.reviewer, date, months });
            writeFileSync(`${file}.tmp`, out.text);
            renameSync(`${file}.tmp`, file);
            console.log(`${file}: reviewed by ${opts.reviewer} on ${date} (${out.hash.slice(0, 19)}…)`);
          }
        },
      ),
    );
}
