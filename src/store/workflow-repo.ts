/**
 * Persistence of the editorial workflow over the same Kysely database as the Store: accounts,
 * sessions, login throttling, revisions saved with optimistic concurrency, transitions checked by
 * the pure rules in src/workflow, approvals bound to content hashes, comments, the audit log and
 * the review-due queue. Every write that changes content or state runs in one transaction that
 * also writes its audit event, so a crash leaves either all of it or none of it.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type Answer, canonicalJson, contentHash, todayIso } from '../content/index.js';
import {
  type Action,
  type AuditRow,
  canTransition,
  checkFourEyes,
  contributorsSinceApproval,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  type DueStatus,
  dueStatus,
  hashPassword,
  isRole,
  nextReviewDate,
  passwordProblem,
  type Role,
  randomToken,
  StaleRevisionError,
  type State,
  staggerDueDates,
  WorkflowError,
} from '../workflow/index.js';
import type { Database } from './db.js';
import { audit, insertRevision, type KyselyStore } from './kysely-store.js';
import type { RevisionRecord, Store } from './types.js';

type Db = Kysely<Database> | Transaction<Database>;

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

export interface CommentRecord {
  id: number;
  answerId: number;
  revisionId: number | null;
  author: string;
  kind: 'comment' | 'request_changes' | 'approve';
  body: string;
  createdAt: string;
}

export interface ApprovalRecord {
  id: number;
  revisionId: number;
  hash: string;
  reviewerId: string;
  reviewed: string;
  nextReview: string;
}

export interface EditorAnswerSummary {
  id: number;
  conditionSlug: string;
  conditionName: string;
  slug: string;
  aspect: string;
  state: State;
  question: string;
  currentRevisionId: number | null;
  publishedRevisionId: number | null;
  updatedAt: string;
}

export interface EditorAnswer extends EditorAnswerSummary {
  conditionIntervalMonths: number | null;
  current: RevisionRecord | null;
  published: RevisionRecord | null;
  approvals: ApprovalRecord[];
  comments: CommentRecord[];
}

export interface ReviewDueItem {
  answerId: number;
  conditionSlug: string;
  slug: string;
  question: string;
  due: string;
  status: DueStatus;
  /** Where the due date comes from: the bound approval, a staggered schedule, or neither yet. */
  basis: 'approval' | 'schedule' | 'unscheduled';
  reviewedOn: string | null;
  reviewerId: string | null;
  owner: string;
}

export interface TransitionInput {
  action: Action;
  /** The revision the user looked at; required to approve, checked whenever given. */
  revisionId?: number;
  comment?: string;
}

export interface TransitionResult {
  from: State;
  to: State;
  revisionId: number | null;
  hash: string | null;
}

export interface SaveResult {
  revision: { id: number; hash: string };
  /** false when the text was identical to the current revision (no revision is created). */
  created: boolean;
  state: State;
}

export interface WorkflowRepoOptions {
  /** Review interval (months) when the condition sets none. */
  defaultIntervalMonths?: number;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Called inside each write transaction just before it commits (crash tests, benchmarks). */
  beforeCommit?: (what: string) => Promise<void>;
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

function toUser(r: UserRow): WorkflowUser {
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

const USER_COLUMNS = ['id', 'username', 'name', 'role', 'reviewer_id', 'disabled', 'created_at'] as const;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export class WorkflowRepo {
  readonly db: Kysely<Database>;
  private readonly intervalMonths: number;
  private readonly now: () => Date;

  constructor(
    db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly options: WorkflowRepoOptions = {},
  ) {
    this.db = db;
    this.intervalMonths = options.defaultIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
    this.now = options.now ?? (() => new Date());
  }

  today(): string {
    return todayIso(this.now());
  }

  private nowIso(): string {
    return this.now().toISOString();
  }

  /** One write transaction; the hook runs last so a crash there must leave nothing behind. */
  private async write<T>(what: string, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const result = await fn(trx);
      await this.options.beforeCommit?.(what);
      return result;
    });
  }

  // ------------------------------------------------------------------ users

  async createUser(input: NewUser, actor: string): Promise<WorkflowUser> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw new WorkflowError(
        'invalid',
        `invalid user name "${input.username}"`,
        'use 2–40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      );
    }
    const weak = passwordProblem(input.password);
    if (weak) throw new WorkflowError('invalid', weak, 'choose a longer password (a passphrase works well)');
    if (input.role === 'reviewer' && !input.reviewerId) {
      throw new WorkflowError(
        'invalid',
        'a reviewer account needs a reviewer profile (name and credentials shown on pages)',
        'pass --reviewer <id> of an existing profile, or --credentials "MD, paediatrics" to create one',
      );
    }
    const passwordHash = await hashPassword(input.password);
    return this.write('user-add', async (trx) => {
      const exists = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (exists) throw new WorkflowError('duplicate', `user "${input.username}" already exists`);
      if (input.reviewerId) await this.requireReviewer(trx, input.reviewerId);
      const now = this.nowIso();
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          name: input.name,
          role: input.role,
          password_hash: passwordHash,
          reviewer_id: input.reviewerId ?? null,
          disabled: 0,
          created_at: now,
          updated_at: now,
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await audit(trx, {
        actor,
        action: 'user-add',
        entity: 'user',
        entityId: input.username,
        to: input.role,
        detail: { reviewerId: input.reviewerId ?? null },
      });
      return toUser(row);
    });
  }

  private async requireReviewer(trx: Db, reviewerId: string): Promise<void> {
    const r = await trx.selectFrom('reviewers').select('id').where('id', '=', reviewerId).executeTakeFirst();
    if (!r) {
      throw new WorkflowError(
        'not-found',
        `no reviewer profile "${reviewerId}"`,
        'create it with --credentials, or import a reviewers.yaml that lists it',
      );
    }
  }

  /** Creates or updates the public profile (name, credentials) a reviewer account signs with. */
  async saveReviewerProfile(
    profile: { id: string; name: string; credentials: string; bio?: string; demo?: boolean },
    actor: string,
  ): Promise<void> {
    await this.write('reviewer-profile', async (trx) => {
      const row = {
        id: profile.id,
        name: profile.name,
        credentials: profile.credentials,
        bio: profile.bio ?? null,
        demo: profile.demo ? 1 : 0,
      };
      const existing = await trx
        .selectFrom('reviewers')
        .select('id')
        .where('id', '=', profile.id)
        .executeTakeFirst();
      if (existing) await trx.updateTable('reviewers').set(row).where('id', '=', profile.id).execute();
      else await trx.insertInto('reviewers').values(row).execute();
      await audit(trx, {
        actor,
        action: existing ? 'reviewer-update' : 'reviewer-add',
        entity: 'reviewer',
        entityId: profile.id,
        detail: { name: profile.name, credentials: profile.credentials },
      });
    });
  }

  async listUsers(): Promise<WorkflowUser[]> {
    const rows = await this.db.selectFrom('users').select(USER_COLUMNS).orderBy('username').execute();
    return rows.map(toUser);
  }

  async getUser(username: string): Promise<WorkflowUser | null> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  /** The stored password hash, for login only (never leaves the auth module). */
  async passwordHashFor(username: string): Promise<{ user: WorkflowUser; hash: string } | null> {
    const row = await this.db
      .selectFrom('users')
      .select([...USER_COLUMNS, 'password_hash'])
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? { user: toUser(row), hash: row.password_hash } : null;
  }

  async setRole(username: string, role: Role, actor: string, reviewerId?: string): Promise<WorkflowUser> {
    return this.write('user-role', async (trx) => {
      const row = await trx
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where('username', '=', username)
        .executeTakeFirst();
      if (!row)
        throw new WorkflowError(
          'not-found',
          `no user "${username}"`,
          'list accounts with `medbrief user list`',
        );
      const linked = reviewerId ?? row.reviewer_id;
      if (role === 'reviewer' && !linked) {
        throw new WorkflowError(
          'invalid',
          `${username} has no reviewer profile, so cannot be a reviewer`,
          'pass --reviewer <id> (or --credentials) to link a profile',
        );
      }
      if (reviewerId) await this.requireReviewer(trx, reviewerId);
      const updated = await trx
        .updateTable('users')
        .set({ role, reviewer_id: linked ?? null, updated_at: this.nowIso() })
        .where('id', '=', row.id)
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      // A role change ends the user's sessions: new rights start with a new login.
      await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      await audit(trx, {
        actor,
        action: 'role-change',
        entity: 'user',
        entityId: username,
        from: row.role,
        to: role,
      });
      return toUser(updated);
    });
  }

  async setPassword(username: string, password: string, actor: string): Promise<void> {
    const weak = passwordProblem(password);
    if (weak) throw new WorkflowError('invalid', weak);
    const passwordHash = await hashPassword(password);
    await this.write('password', async (trx) => {
      const r = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: this.nowIso() })
        .where('username', '=', username)
        .returning('id')
        .executeTakeFirst();
      if (!r) throw new WorkflowError('not-found', `no user "${username}"`);
      await trx.deleteFrom('sessions').where('user_id', '=', r.id).execute();
      await audit(trx, { actor, action: 'password-change', entity: 'user', entityId: username });
    });
  }

  // ------------------------------------------------------------- sessions

  /** Starts a session; the returned token goes in the cookie and only its hash is stored. */
  async createSession(
    userId: number,
    ttlMs: number,
  ): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
    const token = randomToken();
    const csrfToken = randomToken();
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await this.db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    return { token, csrfToken, expiresAt };
  }

  async getSession(token: string): Promise<SessionInfo | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([
        'u.id',
        'u.username',
        'u.name',
        'u.role',
        'u.reviewer_id',
        'u.disabled',
        'u.created_at',
        's.csrf_token',
        's.expires_at',
      ])
      .where('s.id', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.nowIso() || row.disabled) return null;
    return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
  }

  // ----------------------------------------------------- login throttling

  async recordLoginAttempt(keys: string[], ok: boolean): Promise<void> {
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      for (const key of keys)
        await trx
          .insertInto('login_attempts')
          .values({ key, at, ok: ok ? 1 : 0 })
          .execute();
      // Attempts older than a day never matter again.
      const dayAgo = new Date(this.now().getTime() - 86_400_000).toISOString();
      await trx.deleteFrom('login_attempts').where('at', '<', dayAgo).execute();
    });
  }

  /** Failed attempts for `key` since `sinceIso` that came after its last success. */
  async recentFailures(key: string, sinceIso: string): Promise<number> {
    const lastOk = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('key', '=', key)
      .where('ok', '=', 1)
      .executeTakeFirst();
    const from = lastOk?.at && lastOk.at > sinceIso ? lastOk.at : sinceIso;
    const r = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('ok', '=', 0)
      .where('at', '>', from)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async auditLogin(username: string, ok: boolean, detail: unknown): Promise<void> {
    await audit(this.db, {
      actor: ok ? username : 'anonymous',
      action: ok ? 'login' : 'login-failed',
      entity: 'user',
      entityId: username,
      detail,
    });
  }

  async auditLogout(username: string): Promise<void> {
    await audit(this.db, { actor: username, action: 'logout', entity: 'user', entityId: username });
  }

  // --------------------------------------------------------------- answers

  /** Creates a new answer with its first revision, as a draft. */
  async createAnswer(
    answer: Answer,
    user: WorkflowUser,
  ): Promise<{ id: number; revision: { id: number; hash: string } }> {
    const check = canTransition(user.role, 'draft', 'edit');
    if (!check.allowed) throw new WorkflowError('forbidden', check.message);
    const content = this.prepareContent(answer);
    const slug = content.slug ?? content.aspect;
    return this.write('create', async (trx) => {
      const cond = await trx
        .selectFrom('conditions')
        .select('id')
        .where('slug', '=', content.condition)
        .executeTakeFirst();
      if (!cond) {
        throw new WorkflowError(
          'not-found',
          `no condition "${content.condition}"`,
          'create the condition first, or pick an existing one',
        );
      }
      const dup = await trx
        .selectFrom('answers')
        .select('id')
        .where('condition_id', '=', cond.id)
        .where('slug', '=', slug)
        .executeTakeFirst();
      if (dup) {
        throw new WorkflowError(
          'duplicate',
          `${content.condition}/${slug} already exists (answer ${dup.id})`,
          'edit that answer, or give this one a different "slug:"',
        );
      }
      const now = this.nowIso();
      const ins = await trx
        .insertInto('answers')
        .values({
          condition_id: cond.id,
          slug,
          aspect: content.aspect,
          state: 'draft',
          origin: content.origin ? canonicalJson(content.origin) : null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const revision = await insertRevision(trx, ins.id, content, user.username, null);
      await trx
        .updateTable('answers')
        .set({ current_revision_id: revision.id })
        .where('id', '=', ins.id)
        .execute();
      await audit(trx, {
        actor: user.username,
        action: 'create',
        entity: 'answer',
        entityId: ins.id,
        to: 'draft',
        hash: revision.hash,
        detail: { revision: revision.id, path: `${content.condition}/${slug}` },
      });
      return { id: ins.id, revision };
    });
  }

  /** Review metadata is recorded by approvals, never typed into content; `updated` is today. */
  private prepareContent(answer: Answer): Answer {
    const { review: _review, ...rest } = answer;
    return { ...rest, updated: this.today() };
  }

  private async lockAnswer(trx: Transaction<Database>, answerId: number) {
    let q = trx
      .selectFrom('answers as a')
      .innerJoin('conditions as c', 'c.id', 'a.condition_id')
      .select([
        'a.id',
        'a.slug',
        'a.aspect',
        'a.state',
        'a.current_revision_id',
        'a.published_revision_id',
        'c.slug as condition_slug',
        'c.review_interval_months',
      ])
      .where('a.id', '=', answerId);
    // PostgreSQL: hold the row until commit so concurrent edits queue and see the winner's
    // revision. SQLite: write transactions are already serialised by the connection.
    if (this.dialect === 'postgres') q = q.forUpdate('a');
    const row = await q.executeTakeFirst();
    if (!row) throw new WorkflowError('not-found', `no answer with id ${answerId}`);
    return { ...row, state: row.state as State };
  }

  private async revisionById(db: Db, id: number): Promise<RevisionRecord> {
    const r = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return {
      id: r.id,
      answerId: r.answer_id,
      hash: r.hash,
      answer: JSON.parse(r.content) as Answer,
      author: r.author,
      createdAt: r.created_at,
      baseRevisionId: r.base_revision_id,
    };
  }

  async getRevision(id: number): Promise<RevisionRecord | null> {
    const exists = await this.db.selectFrom('revisions').select('id').where('id', '=', id).executeTakeFirst();
    return exists ? this.revisionById(this.db, id) : null;
  }

  /**
   * Saves an edit as a new immutable revision, if and only if `baseRevisionId` is still the
   * answer's current revision; otherwise throws StaleRevisionError carrying both versions.
   */
  async saveRevision(
    answerId: number,
    baseRevisionId: number | null,
    answer: Answer,
    user: WorkflowUser,
  ): Promise<SaveResult> {
    const content = this.prepareContent(answer);
    return this.write('edit', async (trx) => {
      const row = await this.lockAnswer(trx, answerId);
      const check = canTransition(user.role, row.state, 'edit');
      if (!check.allowed)
        throw new WorkflowError(check.reason === 'wrong-role' ? 'forbidden' : 'wrong-state', check.message);
      if (content.condition !== row.condition_slug || (content.slug ?? content.aspect) !== row.slug) {
        throw new WorkflowError(
          'invalid',
          `this answer is ${row.condition_slug}/${row.slug}; the edit names ${content.condition}/${content.slug ?? content.aspect}`,
          'keep "condition", "aspect" and "slug" as they are (create a new answer to move content)',
        );
      }
      if (row.current_revision_id !== baseRevisionId) {
        const current = await this.revisionById(trx, row.current_revision_id!);
        throw new StaleRevisionError(answerId, baseRevisionId, current, content);
      }
      const hash = contentHash(content);
      if (row.current_revision_id !== null) {
        const cur = await trx
          .selectFrom('revisions')
          .select(['id', 'hash'])
          .where('id', '=', row.current_revision_id)
          .executeTakeFirstOrThrow();
        if (cur.hash === hash) return { revision: cur, created: false, state: row.state };
      }
      const revision = await insertRevision(trx, answerId, content, user.username, baseRevisionId);
      const to = check.to ?? row.state;
      await trx
        .updateTable('answers')
        .set({ current_revision_id: revision.id, state: to, updated_at: this.nowIso() })
        .where('id', '=', answerId)
        .execute();
      await audit(trx, {
        actor: user.username,
        action: 'edit',
        entity: 'answer',
        entityId: answerId,
        from: row.state,
        to,
        hash: revision.hash,
        detail: { revision: revision.id, base: baseRevisionId },
      });
      return { revision, created: true, state: to };
    });
  }

  /** Applies a workflow action (submit, request changes, approve, publish, …) in one transaction. */
  async transition(answerId: number, user: WorkflowUser, input: TransitionInput): Promise<TransitionResult> {
    return this.write(input.action, async (trx) => {
      const row = await this.lockAnswer(trx, answerId);
      const check = canTransition(user.role, row.state, input.action);
      if (!check.allowed)
        throw new WorkflowError(check.reason === 'wrong-role' ? 'forbidden' : 'wrong-state', check.message);
      const currentId = row.current_revision_id;
      if (input.revisionId !== undefined && input.revisionId !== currentId) {
        const current = await this.revisionById(trx, currentId!);
        const seen = await this.revisionById(trx, input.revisionId).catch(() => null);
        throw new StaleRevisionError(answerId, input.revisionId, current, seen?.answer ?? current.answer);
      }
      const current = currentId === null ? null : await this.revisionById(trx, currentId);
      const comment = input.comment?.trim() ?? '';
      const to = check.to ?? row.state;
      const changes: { state: State; published_revision_id?: number | null } = { state: to };
      let detail: Record<string, unknown> = { revision: currentId };

      switch (input.action) {
        case 'request_changes':
          if (!comment) {
            throw new WorkflowError(
              'invalid',
              'say what needs to change',
              'write the reason in the comment box; the author sees it',
            );
          }
          break;
        case 'comment':
          if (!comment) throw new WorkflowError('invalid', 'the comment is empty');
          break;
        case 'approve': {
          if (input.revisionId === undefined) {
            throw new WorkflowError(
              'invalid',
              'an approval must name the revision that was reviewed',
              'send revisionId',
            );
          }
          detail = {
            ...detail,
            ...(await this.approve(trx, answerId, user, current!, row.review_interval_months)),
          };
          break;
        }
        case 'publish': {
          const bound = await trx
            .selectFrom('approvals')
            .select('id')
            .where('answer_id', '=', answerId)
            .where('hash', '=', current!.hash)
            .executeTakeFirst();
          if (!bound)
            throw new WorkflowError(
              'wrong-state',
              'the current revision has no approval bound to its content hash',
            );
          changes.published_revision_id = currentId;
          break;
        }
        case 'unpublish':
        case 'archive':
          changes.published_revision_id = null;
          break;
        default:
          break;
      }
      if (comment) {
        await trx
          .insertInto('comments')
          .values({
            answer_id: answerId,
            revision_id: currentId,
            author: user.username,
            kind:
              input.action === 'request_changes'
                ? 'request_changes'
                : input.action === 'approve'
                  ? 'approve'
                  : 'comment',
            body: comment,
            created_at: this.nowIso(),
          })
          .execute();
        detail.comment = comment;
      }
      if (input.action !== 'comment') {
        await trx
          .updateTable('answers')
          .set({ ...changes, updated_at: this.nowIso() })
          .where('id', '=', answerId)
          .execute();
      }
      await audit(trx, {
        actor: user.username,
        action: input.action,
        entity: 'answer',
        entityId: answerId,
        from: row.state,
        to,
        hash: current?.hash ?? null,
        detail,
      });
      return { from: row.state, to, revisionId: currentId, hash: current?.hash ?? null };
    });
  }

  private async approve(
    trx: Transaction<Database>,
    answerId: number,
    user: WorkflowUser,
    revision: RevisionRecord,
    conditionInterval: number | null,
  ): Promise<Record<string, unknown>> {
    if (!user.reviewerId) {
      throw new WorkflowError(
        'forbidden',
        'your account is not linked to a reviewer profile, so approvals cannot show who reviewed',
        'ask an admin: `medbrief user role <you> reviewer --credentials "…"`',
      );
    }
    const revisions = await trx
      .selectFrom('revisions')
      .select(['id', 'author', 'base_revision_id', 'hash'])
      .where('answer_id', '=', answerId)
      .execute();
    const approved = await trx
      .selectFrom('approvals')
      .select('hash')
      .where('answer_id', '=', answerId)
      .execute();
    const contributors = contributorsSinceApproval(
      revision.id,
      new Map(
        revisions.map((r) => [
          r.id,
          { id: r.id, author: r.author, baseRevisionId: r.base_revision_id, hash: r.hash },
        ]),
      ),
      new Set(approved.map((a) => a.hash)),
    );
    const fourEyes = checkFourEyes(user.username, contributors);
    if (!fourEyes.ok) throw new WorkflowError('four-eyes', fourEyes.message);
    const reviewedOn = this.today();
    const nextReview = nextReviewDate(reviewedOn, conditionInterval, this.intervalMonths);
    await trx
      .insertInto('approvals')
      .values({
        answer_id: answerId,
        revision_id: revision.id,
        hash: revision.hash,
        reviewer_id: user.reviewerId,
        reviewed_on: reviewedOn,
        next_review: nextReview,
        created_at: this.nowIso(),
      })
      .execute();
    // The approval replaces any staggered first-review date.
    await trx.deleteFrom('review_schedule').where('answer_id', '=', answerId).execute();
    return { reviewer: user.reviewerId, reviewed: reviewedOn, nextReview };
  }

  async listComments(answerId: number): Promise<CommentRecord[]> {
    const rows = await this.db
      .selectFrom('comments')
      .selectAll()
      .where('answer_id', '=', answerId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      answerId: r.answer_id,
      revisionId: r.revision_id,
      author: r.author,
      kind: r.kind as CommentRecord['kind'],
      body: r.body,
      createdAt: r.created_at,
    }));
  }

  async listApprovals(answerId: number): Promise<ApprovalRecord[]> {
    const rows = await this.db
      .selectFrom('approvals')
      .selectAll()
      .where('answer_id', '=', answerId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      revisionId: r.revision_id,
      hash: r.hash,
      reviewerId: r.reviewer_id,
      reviewed: r.reviewed_on,
      nextReview: r.next_review,
    }));
  }

  private summaryQuery() {
    return this.db
      .selectFrom('answers as a')
      .innerJoin('conditions as c', 'c.id', 'a.condition_id')
      .leftJoin('revisions as r', 'r.id', 'a.current_revision_id')
      .select([
        'a.id',
        'a.slug',
        'a.aspect',
        'a.state',
        'a.current_revision_id',
        'a.published_revision_id',
        'a.updated_at',
        'c.slug as condition_slug',
        'c.name as condition_name',
        'c.review_interval_months',
        'r.question',
      ]);
  }

  async listAnswers(
    filter: { state?: State; condition?: string; limit?: number; offset?: number } = {},
  ): Promise<EditorAnswerSummary[]> {
    let q = this.summaryQuery().orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc');
    if (filter.state) q = q.where('a.state', '=', filter.state);
    if (filter.condition) q = q.where('c.slug', '=', filter.condition);
    q = q.limit(filter.limit ?? 200).offset(filter.offset ?? 0);
    return (await q.execute()).map((r) => ({
      id: r.id,
      conditionSlug: r.condition_slug,
      conditionName: r.condition_name,
      slug: r.slug,
      aspect: r.aspect,
      state: r.state as State,
      question: r.question ?? '',
      currentRevisionId: r.current_revision_id,
      publishedRevisionId: r.published_revision_id,
      updatedAt: r.updated_at,
    }));
  }

  async getAnswer(answerId: number): Promise<EditorAnswer | null> {
    const r = await this.summaryQuery().where('a.id', '=', answerId).executeTakeFirst();
    if (!r) return null;
    return {
      id: r.id,
      conditionSlug: r.condition_slug,
      conditionName: r.condition_name,
      slug: r.slug,
      aspect: r.aspect,
      state: r.state as State,
      question: r.question ?? '',
      currentRevisionId: r.current_revision_id,
      publishedRevisionId: r.published_revision_id,
      updatedAt: r.updated_at,
      conditionIntervalMonths: r.review_interval_months,
      current:
        r.current_revision_id === null ? null : await this.revisionById(this.db, r.current_revision_id),
      published:
        r.published_revision_id === null ? null : await this.revisionById(this.db, r.published_revision_id),
      approvals: await this.listApprovals(answerId),
      comments: await this.listComments(answerId),
    };
  }

  // ------------------------------------------------------------ audit log

  async listAudit(
    filter: { entity?: string; entityId?: string; actor?: string; limit?: number; offset?: number } = {},
  ): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc');
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.actor) q = q.where('actor', '=', filter.actor);
    if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
    return (await q.execute()).map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      from: r.from_state,
      to: r.to_state,
      hash: r.hash,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    }));
  }

  // ------------------------------------------------------- review queue

  /**
   * Published answers with their next review date: from the approval bound to the published
   * revision's hash, else from the staggered first-review schedule, else (never scheduled) the
   * day the answer was created — so an unreviewed page is never silently absent from the queue.
   */
  async reviewDue(options: {
    withinDays: number;
    today?: string;
    includeAll?: boolean;
  }): Promise<ReviewDueItem[]> {
    const today = options.today ?? this.today();
    const rows = await this.db
      .selectFrom('answers as a')
      .innerJoin('conditions as c', 'c.id', 'a.condition_id')
      .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
      .leftJoin('review_schedule as s', 's.answer_id', 'a.id')
      .select([
        'a.id',
        'a.slug',
        'a.created_at',
        'c.slug as condition_slug',
        'r.question',
        'r.hash',
        'r.author',
        's.due_on',
        's.owner',
      ])
      .orderBy('a.id')
      .execute();
    const approvals = new Map<
      number,
      { hash: string; reviewer_id: string; reviewed_on: string; next_review: string }[]
    >();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const found = await this.db
        .selectFrom('approvals')
        .select(['answer_id', 'hash', 'reviewer_id', 'reviewed_on', 'next_review'])
        .where('answer_id', 'in', chunk)
        .execute();
      for (const a of found) approvals.set(a.answer_id, [...(approvals.get(a.answer_id) ?? []), a]);
    }
    const items: ReviewDueItem[] = [];
    for (const r of rows) {
      const bound = (approvals.get(r.id) ?? [])
        .filter((a) => a.hash === r.hash)
        .sort((x, y) => (x.reviewed_on < y.reviewed_on ? 1 : -1))[0];
      const due = bound?.next_review ?? r.due_on ?? r.created_at.slice(0, 10);
      const status = dueStatus(due, today, options.withinDays);
      if (status === 'ok' && !options.includeAll) continue;
      items.push({
        answerId: r.id,
        conditionSlug: r.condition_slug,
        slug: r.slug,
        question: r.question,
        due,
        status,
        basis: bound ? 'approval' : r.due_on ? 'schedule' : 'unscheduled',
        reviewedOn: bound?.reviewed_on ?? null,
        reviewerId: bound?.reviewer_id ?? null,
        owner: r.owner ?? r.author,
      });
    }
    return items.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.answerId - y.answerId));
  }

  /**
   * Gives published answers that have no bound approval and no schedule a first-review date,
   * spread evenly over one interval from `start` (default today), in answer order. Returns how
   * many were scheduled. Run after a bulk import.
   */
  async staggerUnscheduled(
    options: { start?: string; intervalMonths?: number; owner?: string } = {},
  ): Promise<number> {
    return this.write('stagger', async (trx) => {
      const rows = await trx
        .selectFrom('answers as a')
        .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
        .leftJoin('review_schedule as s', 's.answer_id', 'a.id')
        .select(['a.id', 'r.hash'])
        .where('s.answer_id', 'is', null)
        .orderBy('a.id')
        .execute();
      const reviewed = new Set(
        (await trx.selectFrom('approvals').select(['answer_id', 'hash']).execute()).map(
          (a) => `${a.answer_id} ${a.hash}`,
        ),
      );
      const todo = rows.filter((r) => !reviewed.has(`${r.id} ${r.hash}`));
      const dates = staggerDueDates(
        todo.length,
        options.start ?? this.today(),
        options.intervalMonths ?? this.intervalMonths,
      );
      const now = this.nowIso();
      for (let i = 0; i < todo.length; i++) {
        await trx
          .insertInto('review_schedule')
          .values({
            answer_id: todo[i]!.id,
            due_on: dates[i]!,
            owner: options.owner ?? null,
            updated_at: now,
          })
          .execute();
      }
      if (todo.length) {
        await audit(trx, {
          actor: options.owner ?? 'system',
          action: 'stagger-reviews',
          entity: 'review_schedule',
          entityId: String(todo.length),
          detail: { count: todo.length, first: dates[0], last: dates[dates.length - 1] },
        });
      }
      return todo.length;
    });
  }
}

/** The workflow repository of a store opened with openStore (SQLite or PostgreSQL). */
export function workflowRepo(store: Store, options: WorkflowRepoOptions = {}): WorkflowRepo {
  const k = store as Partial<KyselyStore>;
  if (!k.db) throw new Error('the editorial workflow needs a SQL store opened with openStore()');
  return new WorkflowRepo(k.db, store.dialect, options);
}
