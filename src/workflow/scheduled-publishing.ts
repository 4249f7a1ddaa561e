/**
 * Scheduled publishing: "publish revision #12 at 09:00 Europe/London". The schedule is a row in
 * the database, so it survives restarts and works the same on SQLite and PostgreSQL; a due job
 * in every server process claims due rows (deleting a row is the claim, so two processes never
 * publish the same one twice) and publishes through the normal workflow transition, as the
 * person who scheduled it. Scheduling, cancelling, publishing and failing are all audited.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../store/db.js';
import { audit } from '../store/kysely-store.js';
import { WorkflowError } from './errors.js';

export interface Scheduled {
  answerId: number;
  revisionId: number;
  publishAt: string;
  createdBy: string;
}

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

export async function getSchedule(db: Kysely<Database>, answerId: number): Promise<Scheduled | null> {
  const r = await db
    .selectFrom('scheduled_publications')
    .selectAll()
    .where('answer_id', '=', answerId)
    .executeTakeFirst();
  return r
    ? { answerId: r.answer_id, revisionId: r.revision_id, publishAt: r.publish_at, createdBy: r.created_by }
    : null;
}

export async function schedulePublication(
  db: Kysely<Database>,
  input: { answerId: number; revisionId: number; publishAt: Date; actor: string; now?: Date },
): Promise<Scheduled> {
  const now = input.now ?? new Date();
  if (input.publishAt.getTime() <= now.getTime()) {
    throw new WorkflowError(
      'invalid',
      `the time ${input.publishAt.toISOString().slice(0, 16).replace('T', ' ')} UTC is in the past (it is now ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
      'choose a later time, or publish now',
    );
  }
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('answers')
      .select(['state', 'current_revision_id'])
      .where('id', '=', input.answerId)
      .executeTakeFirst();
    if (!a) throw new WorkflowError('not-found', `no answer ${input.answerId}`);
    if (a.state !== 'approved') {
      throw new WorkflowError(
        'invalid',
        `only an approved answer can be scheduled; this one is ${a.state.replace('_', ' ')}`,
      );
    }
    if (a.current_revision_id !== input.revisionId) {
      throw new WorkflowError(
        'stale-revision',
        `revision #${input.revisionId} is no longer the approved one`,
        'reload the page',
      );
    }
    const at = input.publishAt.toISOString();
    await trx.deleteFrom('scheduled_publications').where('answer_id', '=', input.answerId).execute();
    await trx
      .insertInto('scheduled_publications')
      .values({
        answer_id: input.answerId,
        revision_id: input.revisionId,
        publish_at: at,
        created_by: input.actor,
        created_at: now.toISOString(),
      })
      .execute();
    await audit(trx, {
      actor: input.actor,
      action: 'schedule-publish',
      entity: 'answer',
      entityId: input.answerId,
      detail: { revisionId: input.revisionId, publishAt: at },
    });
    return { answerId: input.answerId, revisionId: input.revisionId, publishAt: at, createdBy: input.actor };
  });
}

export async function cancelSchedule(
  db: Kysely<Database>,
  answerId: number,
  actor: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .deleteFrom('scheduled_publications')
      .where('answer_id', '=', answerId)
      .executeTakeFirst();
    if (!Number(r.numDeletedRows)) return false;
    await audit(trx, { actor, action: 'schedule-cancel', entity: 'answer', entityId: answerId });
    return true;
  });
}

/**
 * Publishes every schedule that is due. `publish` runs the workflow transition; a failure (the
 * answer changed, the scheduler lost the right to publish, lint errors) is audited and dropped.
 */
export async function runDuePublications(
  db: Kysely<Database>,
  publish: (s: Scheduled) => Promise<void>,
  now: Date = new Date(),
): Promise<{ published: number; failed: number }> {
  const due = await db
    .selectFrom('scheduled_publications')
    .selectAll()
    .where('publish_at', '<=', now.toISOString())
    .orderBy('publish_at')
    .execute();
  let published = 0;
  let failed = 0;
  for (const r of due) {
    // Deleting the row is the claim: only one process gets numDeletedRows = 1.
    const claim = await db
      .deleteFrom('scheduled_publications')
      .where('answer_id', '=', r.answer_id)
      .where('publish_at', '=', r.publish_at)
      .executeTakeFirst();
    if (!Number(claim.numDeletedRows)) continue;
    const s = {
      answerId: r.answer_id,
      revisionId: r.revision_id,
      publishAt: r.publish_at,
      createdBy: r.created_by,
    };
    try {
      await publish(s);
      published++;
    } catch (err) {
      failed++;
      await audit(db, {
        actor: 'scheduler',
        action: 'schedule-failed',
        entity: 'answer',
        entityId: r.answer_id,
        detail: {
          revisionId: r.revision_id,
          publishAt: r.publish_at,
          scheduledBy: r.created_by,
          reason: (err as Error).message,
        },
      });
    }
  }
  return { published, failed };
}
