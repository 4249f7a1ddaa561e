/** `medbrief review`: its arguments, options and help; the implementation is ../commands/review.ts, loaded when it runs. */
import type { Command } from 'commander';
import { DEFAULT_REVIEW_INTERVAL_MONTHS } from '../../content/index.js';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/review.js');

export function register(program: Command): void {
  const review = program.command('review').description('medical review records for content files');
  review
    .command('stamp')
    .description("record that a reviewer approved these answer files' exact current content")
    .argument('<files...>', 'answer Markdown files')
    .option('--reviewer <id>', 'reviewer id from reviewers.yaml (required unless --keep)')
    .option('--date <YYYY-MM-DD>', "date of the review (default: today, or the file's with --keep)")
    .option('--months <n>', 'months until the next review', String(DEFAULT_REVIEW_INTERVAL_MONTHS))
    .option(
      '--keep',
      'keep the reviewer and dates already in each file; only bind them to the current content',
    )
    .action(lazyAction(load, (m) => m.runReviewStamp));
}
