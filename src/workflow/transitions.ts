/**
 * The editorial state machine as data. Every state change — and every edit — is checked by one
 * pure function, `canTransition(role, state, action)`, over this table; the table is tested
 * exhaustively (test/workflow/transitions.test.ts).
 *
 * `answers.state` describes the *working* revision (answers.current_revision_id). The public
 * revision is answers.published_revision_id and only `publish` / `unpublish` / `archive` move it,
 * so an edit to a published answer leaves the reviewed public revision in place while the new
 * draft goes through review (see docs/workflow.md).
 */
import { ANSWER_ACTIONS, ANSWER_STATES } from '../store/index.js';
import type { Role } from './roles.js';

export const STATES = ANSWER_STATES;
export type State = (typeof STATES)[number];

export const ACTIONS = ANSWER_ACTIONS;
export type Action = (typeof ACTIONS)[number];

export interface TransitionRule {
  action: Action;
  from: readonly State[];
  /** The state after the action; null keeps the state as it is (comments). */
  to: State | null;
  roles: readonly Role[];
  /** Why the rule exists, shown in docs and used in refusal messages. */
  summary: string;
}

const EVERYONE: readonly Role[] = ['author', 'reviewer', 'editor', 'admin'];
const EDITORS: readonly Role[] = ['editor', 'admin'];
const LIVE: readonly State[] = ['draft', 'in_review', 'changes_requested', 'approved', 'published'];

/** Why each rule exists (TransitionRule.summary). */
const SUMMARIES: Record<Action, string> = {
  edit: 'saving a new revision makes it a draft; any earlier approval no longer covers it',
  submit: 'the author asks for a medical review of the current revision',
  request_changes: 'a reviewer (or editor) sends the revision back with a reason',
  approve: 'a clinical reviewer approves exactly this revision (its content hash)',
  publish: 'an editor makes the approved revision the public one',
  unpublish: 'an editor takes the page off the site; the approval stays on record',
  archive: 'an editor retires the answer and removes it from the site',
  restore: 'an editor brings an archived answer back as a draft',
  comment: 'anyone on the team may comment on a revision',
};

export const TRANSITIONS: readonly TransitionRule[] = (
  [
    { action: 'edit', from: LIVE, to: 'draft', roles: EVERYONE },
    { action: 'submit', from: ['draft', 'changes_requested'], to: 'in_review', roles: EVERYONE },
    {
      action: 'request_changes',
      from: ['in_review'],
      to: 'changes_requested',
      roles: ['reviewer', ...EDITORS],
    },
    { action: 'approve', from: ['in_review'], to: 'approved', roles: ['reviewer'] },
    { action: 'publish', from: ['approved'], to: 'published', roles: EDITORS },
    { action: 'unpublish', from: ['published'], to: 'approved', roles: EDITORS },
    { action: 'archive', from: LIVE, to: 'archived', roles: EDITORS },
    { action: 'restore', from: ['archived'], to: 'draft', roles: EDITORS },
    { action: 'comment', from: STATES, to: null, roles: EVERYONE },
  ] satisfies Omit<TransitionRule, 'summary'>[]
).map((rule) => ({ ...rule, summary: SUMMARIES[rule.action] }));

export type TransitionCheck =
  | { allowed: true; to: State | null }
  | { allowed: false; reason: 'wrong-state' | 'wrong-role'; message: string };

const ARTICLE: Record<Role, string> = {
  author: 'an author',
  reviewer: 'a reviewer',
  editor: 'an editor',
  admin: 'an admin',
};

export function ruleFor(action: Action): TransitionRule {
  const rule = TRANSITIONS.find((r) => r.action === action);
  if (!rule) throw new Error(`no transition rule for action "${action}"`);
  return rule;
}

/** May `role` perform `action` on an answer whose working revision is in `state`? */
export function canTransition(role: Role, state: State, action: Action): TransitionCheck {
  const rule = ruleFor(action);
  if (!rule.from.includes(state)) {
    return {
      allowed: false,
      reason: 'wrong-state',
      message: `cannot ${label(action)} an answer that is ${stateLabel(state)}; allowed from: ${rule.from.map(stateLabel).join(', ')}`,
    };
  }
  if (!rule.roles.includes(role)) {
    return {
      allowed: false,
      reason: 'wrong-role',
      message: `${ARTICLE[role]} cannot ${label(action)}; this needs the role ${rule.roles.join(' or ')}`,
    };
  }
  return { allowed: true, to: rule.to };
}

/** Actions `role` may take in `state` (for rendering only the buttons that will work). */
export function availableActions(role: Role, state: State): Action[] {
  return ACTIONS.filter((a) => canTransition(role, state, a).allowed);
}

export function isState(value: string): value is State {
  return (STATES as readonly string[]).includes(value);
}

export function isAction(value: string): value is Action {
  return (ACTIONS as readonly string[]).includes(value);
}

export function label(action: Action): string {
  return action.replace('_', ' ');
}

export function stateLabel(state: State): string {
  return state === 'in_review' ? 'in review' : state.replace('_', ' ');
}
