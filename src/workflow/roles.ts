/**
 * Editorial roles. One role per account; what each may do is decided only by the transition
 * table (transitions.ts), never by checks scattered through routes.
 */
export const ROLES = ['author', 'reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  author: 'writes and edits answers and submits them for review',
  reviewer:
    'a clinician: approves the exact revision they read, or asks for changes (credentials shown on pages)',
  editor: 'publishes approved answers, unpublishes and archives them, sends work back',
  admin: 'everything an editor does, plus accounts and roles',
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Roles that may manage user accounts and read the full audit log. */
export function canManageUsers(role: Role): boolean {
  return role === 'admin';
}

export function canReadAudit(role: Role): boolean {
  return role === 'admin' || role === 'editor';
}
