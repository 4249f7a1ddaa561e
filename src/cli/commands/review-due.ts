import pc from 'picocolors';
import { parseWindow, type ReviewDueItem, workflowRepo } from '../../workflow/index.js';
import { CliError, openCliStore } from '../shared.js';

export function formatReviewDue(items: ReviewDueItem[], withinDays: number, today: string): string {
  const overdue = items.filter((i) => i.status === 'overdue').length;
  const lines = [
    `${overdue} overdue, ${items.length - overdue} due within ${withinDays} days (today ${today})`,
  ];
  for (const i of items) {
    const due = i.status === 'overdue' ? pc.red(`${i.due} overdue`) : pc.yellow(`${i.due} due soon`);
    const last = i.reviewedOn ? `last reviewed ${i.reviewedOn} by ${i.reviewerId}` : 'never reviewed here';
    lines.push(`  ${due}  ${i.conditionSlug}/${i.slug}  owner: ${i.owner}  (${last})`);
  }
  return lines.join('\n');
}

export async function runReviewDue(opts: {
  within: string;
  format: string;
  today?: string;
  stagger?: boolean;
  interval?: string;
  notify?: boolean;
  db: string;
}) {
  const withinDays = parseWindow(opts.within);
  if (withinDays === null)
    throw new CliError(`--within "${opts.within}" is not a window`, 2, 'write e.g. 30d, 6w or 3m');
  if (opts.format !== 'text' && opts.format !== 'json') throw new CliError(`--format must be text or json`);
  if (opts.notify && opts.today)
    throw new CliError('--notify cannot be used with --today', 2, 'a pretend date is planning, not news');
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const repo = workflowRepo(store);
    const today = opts.today ?? repo.today();
    if (opts.stagger) {
      const months = opts.interval ? Number(opts.interval) : undefined;
      const n = await repo.staggerUnscheduled({
        start: today,
        intervalMonths: months,
        owner: undefined,
      });
      if (opts.format === 'text')
        console.log(`Scheduled first reviews for ${n} answers, spread over the interval.`);
    }
    const items = await repo.reviewDue({ withinDays, today });
    // One notice per answer and due date, however often the queue is computed.
    const notified = opts.notify ? await repo.notifyReviewDue(items) : 0;
    if (notified && opts.format === 'text')
      console.error(`Added ${notified} review_due notification${notified === 1 ? '' : 's'} to the outbox.`);
    if (opts.format === 'json')
      console.log(
        JSON.stringify({ today, withinDays, items, ...(opts.notify ? { notified } : {}) }, null, 2),
      );
    else console.log(formatReviewDue(items, withinDays, today));
  } finally {
    await store.close();
  }
}
