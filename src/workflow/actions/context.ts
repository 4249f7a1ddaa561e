/**
 * The shape every editorial action has, and the one way to run it.
 *
 * An action is `{ name, check(ctx, input), execute(ctx, input) }`: `check` refuses (throws a
 * WorkflowError) before anything is written, `execute` writes through `ctx.tx` and appends its
 * audit event. `runAction` runs both in one store transaction, so the editor, the CLI, the
 * importers and tests behave identically and a crash leaves all of an action or none of it.
 */
import type { Answer } from '../../content/index.js';
import { editableMarkdown, todayIso } from '../../content/index.js';
import { type LintMessage, lintAnswer } from '../../lint/index.js';
import type { AuditAction, AuditEvent, Role, Store, StoreTx } from '../../store/index.js';
import { type ReviewPolicy, reviewPolicy } from '../policy.js';

/** Who acts: an account, or an importer ('import:medquad', a CLI user name) acting as editor. */
export interface Actor {
  username: string;
  role: Role;
  /** The reviewer profile approvals are signed with (reviewers only). */
  reviewerId: string | null;
}

/** Lints an answer as publishing sees it; `known` supplies what rules look up. */
export type LintGate = (answer: Answer, known: { reviewers: string[]; today: string }) => LintMessage[];

export const defaultLintGate: LintGate = (answer, known) =>
  lintAnswer(editableMarkdown(answer), { file: 'answer.md', today: known.today, reviewers: known.reviewers });

export interface ActionContext {
  tx: StoreTx;
  actor: Actor;
  now: Date;
  policy: ReviewPolicy;
  lint: LintGate;
}

/**
 * The names of the actions that append no audit row, because their record is elsewhere (a
 * review-due notice is its outbox row). A closed list, like AUDIT_ACTIONS.
 */
export type UnauditedAction = 'review-due-notify';

export interface WorkflowAction<I, O> {
  /** Also the audit action of the row the action appends; or one of UnauditedAction. */
  readonly name: AuditAction | UnauditedAction;
  check(ctx: ActionContext, input: I): Promise<void>;
  execute(ctx: ActionContext, input: I): Promise<O>;
}

export interface ActionEnv {
  actor: Actor;
  now?: () => Date;
  policy?: ReviewPolicy;
  lint?: LintGate;
  /** Called inside the transaction just before it commits (crash tests, benchmarks). */
  beforeCommit?: (label: string) => Promise<void>;
}

/** Runs one action in its own transaction. */
export async function runAction<I, O>(
  store: Store,
  action: WorkflowAction<I, O>,
  input: I,
  env: ActionEnv,
): Promise<O> {
  return store.write(
    action.name,
    async (tx) => {
      const out = await runInTx(contextFor(tx, env), action, input);
      await env.beforeCommit?.(action.name);
      return out;
    },
    { now: env.now },
  );
}

/** Runs an action inside a transaction that is already open (bulk imports batch many). */
export async function runInTx<I, O>(ctx: ActionContext, action: WorkflowAction<I, O>, input: I): Promise<O> {
  await action.check(ctx, input);
  return action.execute(ctx, input);
}

export function contextFor(tx: StoreTx, env: ActionEnv): ActionContext {
  return {
    tx,
    actor: env.actor,
    now: env.now?.() ?? new Date(),
    policy: env.policy ?? reviewPolicy(),
    lint: env.lint ?? defaultLintGate,
  };
}

export const today = (ctx: ActionContext) => todayIso(ctx.now);

/** Appends an action's audit event, by the acting user: `audit(ctx, 'create', 'condition', slug)`. */
export function audit(
  ctx: ActionContext,
  action: AuditAction,
  entity: AuditEvent['entity'],
  entityId: AuditEvent['entityId'],
  more: Pick<AuditEvent, 'from' | 'to' | 'hash' | 'detail'> = {},
): Promise<void> {
  return ctx.tx.appendAudit({ actor: ctx.actor.username, action, entity, entityId, ...more });
}
