/**
 * Account changes the admin screens make beyond what WorkflowRepo already offers (create, role,
 * password): deactivating a leaver (sessions revoked in the same transaction, so a live session
 * stops at its next request), reactivating, and the reviewer profile's registration details.
 * Every change writes its audit event in the same transaction.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from '../store/audit.js';
import type { Database } from '../store/db.js';
import { toReviewer } from '../store/rows.js';
import { WorkflowError } from './errors.js';

export interface ReviewerProfile {
  id: string;
  name: string;
  credentials: string;
  bio: string | null;
  demo: boolean;
  registrationBody: string | null;
  registrationNumber: string | null;
  photoAlt: string | null;
}

export async function setUserActive(
  db: Kysely<Database>,
  username: string,
  active: boolean,
  actor: string,
): Promise<void> {
  if (!active && username === actor) {
    throw new WorkflowError(
      'invalid',
      'you cannot deactivate your own account',
      'ask another admin to do it',
    );
  }
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('users')
      .select(['id', 'disabled'])
      .where('username', '=', username)
      .executeTakeFirst();
    if (!row) throw new WorkflowError('not-found', `no user "${username}"`);
    await trx
      .updateTable('users')
      .set({ disabled: active ? 0 : 1, updated_at: new Date().toISOString() })
      .where('id', '=', row.id)
      .execute();
    let revoked = 0;
    if (!active) {
      const r = await trx.deleteFrom('sessions').where('user_id', '=', row.id).executeTakeFirst();
      revoked = Number(r.numDeletedRows);
      await trx.deleteFrom('edit_locks').where('username', '=', username).execute();
    }
    await appendAudit(
      trx,
      {
        actor,
        action: active ? 'user-reactivate' : 'user-deactivate',
        entity: 'user',
        entityId: username,
        from: row.disabled ? 'inactive' : 'active',
        to: active ? 'active' : 'inactive',
        detail: active ? undefined : { sessionsRevoked: revoked },
      },
      new Date().toISOString(),
    );
  });
}

export async function listReviewerProfiles(db: Kysely<Database>): Promise<ReviewerProfile[]> {
  const rows = await db.selectFrom('reviewers').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    ...toReviewer(r),
    bio: r.bio,
    registrationBody: r.registration_body ?? null,
    registrationNumber: r.registration_number ?? null,
    photoAlt: r.photo_alt ?? null,
  }));
}

/** Saves the registration details of a reviewer profile (name and credentials: saveReviewerProfile). */
export async function saveReviewerDetails(
  db: Kysely<Database>,
  id: string,
  details: { registrationBody: string | null; registrationNumber: string | null; photoAlt: string | null },
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('reviewers')
      .set({
        registration_body: details.registrationBody,
        registration_number: details.registrationNumber,
        photo_alt: details.photoAlt,
      })
      .where('id', '=', id)
      .executeTakeFirst();
    if (!Number(r.numUpdatedRows)) throw new WorkflowError('not-found', `no reviewer profile "${id}"`);
    await appendAudit(
      trx,
      {
        actor,
        action: 'reviewer-details',
        entity: 'reviewer',
        entityId: id,
        detail: details,
      },
      new Date().toISOString(),
    );
  });
}
