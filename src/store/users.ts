/** Users as the account store reads them: the row type, its mapping and the columns selected. */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './db.js';
import { isRole, type Role } from './types.js';

/** What a one-time account link is for: a new account's first password, or a forgotten one. */
export type AccountLinkPurpose = 'invite' | 'reset';

export interface WorkflowUser {
  id: number;
  username: string;
  name: string;
  role: Role;
  /** The reviewers row whose name and credentials appear on pages this user approves. */
  reviewerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface NewUser {
  username: string;
  name: string;
  role: Role;
  password: string;
  reviewerId?: string | null;
}

export interface SessionInfo {
  user: WorkflowUser;
  csrfToken: string;
  expiresAt: string;
}

interface UserRow {
  id: number;
  username: string;
  name: string;
  role: string;
  reviewer_id: string | null;
  disabled: number;
  created_at: string;
}

export function toUser(r: UserRow): WorkflowUser {
  if (!isRole(r.role)) throw new Error(`user ${r.username} has an unknown role "${r.role}"`);
  return {
    id: r.id,
    username: r.username,
    name: r.name,
    role: r.role,
    reviewerId: r.reviewer_id,
    disabled: Boolean(r.disabled),
    createdAt: r.created_at,
  };
}

export const USER_COLUMNS = [
  'id',
  'username',
  'name',
  'role',
  'reviewer_id',
  'disabled',
  'created_at',
] as const;
/** The same columns from `users as u` in a join (sessions, account links). */
export const JOINED_USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.name',
  'u.role',
  'u.reviewer_id',
  'u.disabled',
  'u.created_at',
] as const;

/** One user by name, in or outside a write transaction. */
export async function userByName(db: Kysely<Database>, username: string): Promise<WorkflowUser | null> {
  const row = await db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? toUser(row) : null;
}

/**
 * The one-time link a token opens and its account, while the link is unused, unexpired at
 * `nowIso` and the account active; else null. Only the SHA-256 of a token is stored.
 */
export async function openAccountLink(
  db: Kysely<Database>,
  token: string,
  nowIso: string,
): Promise<{ linkId: string; purpose: AccountLinkPurpose; user: WorkflowUser } | null> {
  const row = await db
    .selectFrom('account_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.id as link_id', 'l.purpose', 'l.expires_at', 'l.used_at', ...JOINED_USER_COLUMNS])
    .where('l.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= nowIso || row.disabled) return null;
  return { linkId: row.link_id, purpose: row.purpose as AccountLinkPurpose, user: toUser(row) };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
