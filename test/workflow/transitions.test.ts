import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  type Action,
  availableActions,
  canTransition,
  ROLES,
  type Role,
  STATES,
  type State,
} from '../../src/workflow/index.js';

/**
 * The expected state machine, written out independently of src/workflow/transitions.ts:
 * action → allowed roles, and from-state → to-state. Every role × state × action combination
 * (4 × 6 × 9 = 216) is checked against it.
 */
const A: Role[] = ['author', 'reviewer', 'editor', 'admin'];
const EXPECTED: Record<Action, { roles: Role[]; moves: Partial<Record<State, State | null>> }> = {
  edit: {
    roles: A,
    moves: {
      draft: 'draft',
      in_review: 'draft',
      changes_requested: 'draft',
      approved: 'draft',
      published: 'draft',
    },
  },
  submit: { roles: A, moves: { draft: 'in_review', changes_requested: 'in_review' } },
  request_changes: { roles: ['reviewer', 'editor', 'admin'], moves: { in_review: 'changes_requested' } },
  approve: { roles: ['reviewer'], moves: { in_review: 'approved' } },
  publish: { roles: ['editor', 'admin'], moves: { approved: 'published' } },
  unpublish: { roles: ['editor', 'admin'], moves: { published: 'approved' } },
  archive: {
    roles: ['editor', 'admin'],
    moves: {
      draft: 'archived',
      in_review: 'archived',
      changes_requested: 'archived',
      approved: 'archived',
      published: 'archived',
    },
  },
  restore: { roles: ['editor', 'admin'], moves: { archived: 'draft' } },
  comment: {
    roles: A,
    moves: {
      draft: null,
      in_review: null,
      changes_requested: null,
      approved: null,
      published: null,
      archived: null,
    },
  },
};

const cases = ROLES.flatMap((role) =>
  STATES.flatMap((state) => ACTIONS.map((action) => ({ role, state, action }))),
);

describe('canTransition', () => {
  it('covers every combination of role, state and action', () => {
    expect(cases).toHaveLength(ROLES.length * STATES.length * ACTIONS.length);
    expect(cases).toHaveLength(216);
  });

  it.each(cases)('$role · $state · $action', ({ role, state, action }) => {
    const spec = EXPECTED[action];
    const result = canTransition(role, state, action);
    const stateOk = state in spec.moves;
    const roleOk = spec.roles.includes(role);
    if (stateOk && roleOk) {
      expect(result).toEqual({ allowed: true, to: spec.moves[state] });
    } else {
      expect(result.allowed).toBe(false);
      if (!result.allowed) {
        // A wrong state is reported first: no role could do it, so the role is not the problem.
        expect(result.reason).toBe(stateOk ? 'wrong-role' : 'wrong-state');
        expect(result.message.length).toBeGreaterThan(20);
      }
    }
  });

  it('names the roles that may act in a wrong-role refusal', () => {
    const r = canTransition('author', 'approved', 'publish');
    expect(r).toMatchObject({ allowed: false, reason: 'wrong-role' });
    expect(!r.allowed && r.message).toMatch(/an author cannot publish; this needs the role editor or admin/);
  });

  it('lists only actions that would be allowed', () => {
    expect(availableActions('reviewer', 'in_review')).toEqual([
      'edit',
      'request_changes',
      'approve',
      'comment',
    ]);
    expect(availableActions('author', 'published')).toEqual(['edit', 'comment']);
    expect(availableActions('admin', 'archived')).toEqual(['restore', 'comment']);
  });
});
