/**
 * Editorial roles. One role per account; what each may do is decided only by the transition
 * table (transitions.ts), never by checks scattered through routes.
 */
import { isRole, ROLES, type Role } from '../store/index.js';

export { isRole, ROLES, type Role };

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  author: 'writes and edits answers and submits them for review',
  reviewer:
    'a clinician: approves the exact revision they read, or asks for changes (credentials shown on pages)',
  editor: 'publishes approved answers, unpublishes and archives them, sends work back',
  admin: 'everything an editor does, plus accounts and roles',
};

/** Roles that may manage user accounts and read the full audit log. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

export function canReadAudit(role: Role): boolean {
  return role === 'admin' || role === 'editor';
}
