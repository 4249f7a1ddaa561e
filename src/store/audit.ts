/**
 * The audit log's one writer: every row of audit_events is inserted here, by the write
 * transaction (StoreTx.appendAudit) and nowhere else. Actions are a closed union, so a
 * misspelt action is a type error, not a new kind of row.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './db.js';
import { ANSWER_ACTIONS } from './types.js';

export const AUDIT_ACTIONS = [
  // answers
  'create',
  ...ANSWER_ACTIONS,
  'import',
  'stagger-reviews',
  'schedule-publish',
  'schedule-cancel',
  'schedule-failed',
  // the question log's gap queue
  'gap-decide',
  // accounts and reviewer profiles
  'user-add',
  'role-change',
  'password-change',
  'account-link',
  'reviewer-add',
  'reviewer-update',
  'reviewer-details',
  'user-deactivate',
  'user-reactivate',
  'login',
  'login-failed',
  'logout',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEvent {
  actor: string;
  action: AuditAction;
  entity: 'answer' | 'condition' | 'user' | 'reviewer' | 'review_schedule' | 'gap';
  entityId: string | number;
  from?: string | null;
  to?: string | null;
  hash?: string | null;
  detail?: unknown;
}

export async function appendAudit(
  db: Kysely<Database> | Transaction<Database>,
  event: AuditEvent,
  at: string,
): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at,
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_id: String(event.entityId),
      from_state: event.from ?? null,
      to_state: event.to ?? null,
      hash: event.hash ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
    })
    .execute();
}
