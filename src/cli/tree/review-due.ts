/** `medbrief review-due`: its arguments, options and help; the implementation is ../commands/review-due.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/review-due.js');

export function register(program: Command): void {
  program
    .command('review-due')
    .description('list published answers whose medical review is overdue or due soon')
    .option('--within <window>', 'how far ahead to look: 30d, 6w, 3m or a number of days', '30d')
    .option('--format <format>', 'text or json', 'text')
    .option('--today <YYYY-MM-DD>', 'pretend today is this date (planning)')
    .option('--stagger', 'first schedule unreviewed, unscheduled answers over the review interval')
    .option('--interval <months>', 'interval for --stagger (default: site policy, 12)')
    .option('--notify', 'add a review_due notification per listed answer and due date to the outbox')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runReviewDue));
}
