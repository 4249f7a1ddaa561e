/**
 * Scheduled publishing: "publish revision #12 at 09:00 Europe/London". The schedule is a row in
 * the database, so it survives restarts and works the same on SQLite and PostgreSQL. Scheduling
 * and cancelling are actions (schedule-publish, cancel-schedule); the due job in every server
 * process runs publish-scheduled for each due row — claim and publish in one transaction, as the
 * person who scheduled it — and schedule-failed when publishing is refused. All are audited.
 */
import type { ScheduledPublication } from '../store/index.js';
import { type Actor, publishScheduled, scheduleFailed } from './actions/index.js';
import { WorkflowError } from './errors.js';
import type { WorkflowRepo } from './repo.js';

export type Scheduled = ScheduledPublication;

const SCHEDULER: Actor = { username: 'scheduler', role: 'editor', reviewerId: null };

/** Converts a wall-clock time ("2026-12-03T09:00") in an IANA time zone to a UTC instant. */
export function zonedToUtc(local: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m)
    throw new WorkflowError(
      'invalid',
      `"${local}" is not a date and time`,
      'use the date and time picker (YYYY-MM-DD HH:MM)',
    );
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new WorkflowError(
      'invalid',
      `unknown time zone "${timeZone}"`,
      'choose a zone from the list, such as Europe/London or UTC',
    );
  }
  const wanted = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  // The zone's offset at that moment, found by formatting a guess and correcting (twice for DST edges).
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date(guess))
        .map((p) => [p.type, p.value]),
    );
    const shown = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!);
    guess += wanted - shown;
  }
  return new Date(guess);
}

/**
 * Publishes every schedule due at `now`, each as the account `publisherOf` names (it throws when
 * that person can no longer publish). A refused schedule (the answer changed, the scheduler lost
 * the right to publish, lint errors) is audited and dropped; one another process claimed first
 * counts as neither.
 */
export async function runDuePublications(
  repo: Pick<WorkflowRepo, 'duePublications' | 'run'>,
  publisherOf: (s: Scheduled) => Promise<Actor>,
  now: Date = new Date(),
): Promise<{ published: number; failed: number }> {
  let published = 0;
  let failed = 0;
  for (const s of await repo.duePublications(now)) {
    try {
      if (await repo.run(publishScheduled, s, await publisherOf(s))) published++;
    } catch (err) {
      if (await repo.run(scheduleFailed, { ...s, reason: (err as Error).message }, SCHEDULER)) failed++;
    }
  }
  return { published, failed };
}
