/**
 * A StoreTx held in memory, for testing actions without a database. Implements what the
 * editorial, scheduling, account and gap-queue actions use; bulk-import bookkeeping (`imports`) and
 * account links are not modelled.
 */
import { type Answer, canonicalJson, contentHash } from '../../src/content/index.js';
import type {
  AnswerLock,
  ApprovalRecord,
  AuditEvent,
  GapDecision,
  ImportLedger,
  NewApproval,
  NewNotification,
  OriginLink,
  RevisionRecord,
  ScheduledPublication,
  StoreTx,
  WorkflowUser,
} from '../../src/store/index.js';

interface MemAnswer extends AnswerLock {
  origin: string | null;
}

export class MemoryTx implements StoreTx {
  readonly dialect = 'sqlite' as const;
  readonly at = '2026-03-01T10:00:00.000Z';
  readonly answers = new Map<number, MemAnswer>();
  readonly revisions = new Map<number, RevisionRecord>();
  readonly approvals: (ApprovalRecord & { answerId: number })[] = [];
  readonly audit: AuditEvent[] = [];
  readonly comments: { answerId: number; kind: string; body: string }[] = [];
  readonly schedule = new Map<number, string>();
  readonly conditions = [{ id: 1, slug: 'sacral-agenesis', reviewIntervalMonths: 24 as number | null }];
  readonly reviewers = new Set(['demo-paed']);
  readonly origins: OriginLink[] = [];
  /** Accounts, for notification recipients. */
  readonly users: { username: string; role: string }[] = [];
  readonly notifications: NewNotification[] = [];
  readonly outbox: StoreTx['outbox'] = {
    add: async (n) => {
      if (n.dedupeKey && this.notifications.some((x) => x.dedupeKey === n.dedupeKey)) return null;
      this.notifications.push(n);
      return this.notifications.length;
    },
    recipients: async (q) =>
      this.users
        .filter((u) => q.roles?.some((r) => r === u.role) || q.usernames?.includes(u.username))
        .map((u) => u.username)
        .filter((u) => !q.exclude?.includes(u))
        .sort(),
  };
  /** Scheduled publications by answer. */
  readonly scheduled = new Map<number, ScheduledPublication>();
  readonly publications: StoreTx['publications'] = {
    set: async (p) => {
      this.scheduled.set(p.answerId, p);
    },
    clear: async (answerId) => this.scheduled.delete(answerId),
    claim: async (answerId, publishAt) =>
      this.scheduled.get(answerId)?.publishAt === publishAt && this.scheduled.delete(answerId),
  };
  /** Gap decisions by group (`focus|aspect`). */
  readonly gapDecisions = new Map<string, Omit<GapDecision, 'decidedAt'>>();
  readonly gaps: StoreTx['gaps'] = {
    decide: async (d) => {
      this.gapDecisions.set(`${d.focus}|${d.aspect}`, d);
    },
  };
  /** Account rows (password hashes and open sessions beside them), for the account actions. */
  readonly accountRows = new Map<string, WorkflowUser & { passwordHash: string; sessions: number }>();
  readonly accounts: StoreTx['accounts'] = {
    user: async (username) => this.publicUser(this.accountRows.get(username)),
    insertUser: async (u) => {
      const row = { ...u, id: this.nextId++, disabled: false, createdAt: this.at, sessions: 0 };
      this.accountRows.set(u.username, row);
      return this.publicUser(row)!;
    },
    updateUser: async (id, c) => {
      const row = [...this.accountRows.values()].find((u) => u.id === id)!;
      Object.assign(row, Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined)));
      return this.publicUser(row)!;
    },
    endSessions: async (id) => {
      const row = [...this.accountRows.values()].find((u) => u.id === id)!;
      const n = row.sessions;
      row.sessions = 0;
      return n;
    },
    releaseEditLocks: async () => {},
    insertLink: async () => {
      throw new Error('MemoryTx does not model account links');
    },
    spendLink: async () => {
      throw new Error('MemoryTx does not model account links');
    },
    setReviewerDetails: async (id) => this.reviewers.has(id),
  };
  private nextId = 1;

  private publicUser(row?: WorkflowUser & { passwordHash: string; sessions: number }) {
    if (!row) return null;
    const { passwordHash: _hash, sessions: _sessions, ...user } = row;
    return user;
  }

  get imports(): ImportLedger {
    throw new Error('MemoryTx does not model bulk imports');
  }

  async lockAnswer(id: number) {
    const a = this.answers.get(id);
    return a ? { ...a } : null;
  }
  async findAnswer(conditionId: number, slug: string) {
    return [...this.answers.values()].find((a) => a.conditionId === conditionId && a.slug === slug) ?? null;
  }
  async insertAnswer(row: Parameters<StoreTx['insertAnswer']>[0]) {
    const id = this.nextId++;
    const cond = this.conditions.find((c) => c.id === row.conditionId)!;
    this.answers.set(id, {
      id,
      conditionId: row.conditionId,
      conditionSlug: cond.slug,
      conditionIntervalMonths: cond.reviewIntervalMonths,
      slug: row.slug,
      aspect: row.aspect,
      state: row.state,
      currentRevisionId: null,
      publishedRevisionId: null,
      origin: row.origin ? canonicalJson(row.origin) : null,
    });
    return id;
  }
  async updateAnswer(id: number, c: Parameters<StoreTx['updateAnswer']>[1]) {
    const a = this.answers.get(id)!;
    if (c.state !== undefined) a.state = c.state;
    if (c.currentRevisionId !== undefined) a.currentRevisionId = c.currentRevisionId;
    if (c.publishedRevisionId !== undefined) a.publishedRevisionId = c.publishedRevisionId;
    if (c.aspect !== undefined) a.aspect = c.aspect;
  }
  async answerSlugs(conditionId: number) {
    return new Set(
      [...this.answers.values()].filter((a) => a.conditionId === conditionId).map((a) => a.slug),
    );
  }
  async insertRevision(answerId: number, answer: Answer, author: string, baseRevisionId: number | null) {
    const id = this.nextId++;
    const hash = contentHash(answer);
    this.revisions.set(id, { id, answerId, hash, answer, author, createdAt: this.at, baseRevisionId });
    return { id, hash };
  }
  async getRevision(id: number) {
    return this.revisions.get(id) ?? null;
  }
  async revisionLineage(answerId: number) {
    return [...this.revisions.values()]
      .filter((r) => r.answerId === answerId)
      .map((r) => ({ id: r.id, author: r.author, baseRevisionId: r.baseRevisionId, hash: r.hash }));
  }
  async insertApproval(a: NewApproval) {
    this.approvals.push({ ...a, id: this.nextId++ });
  }
  async approvalsFor(answerId: number) {
    return this.approvals.filter((a) => a.answerId === answerId);
  }
  async insertComment(c: Parameters<StoreTx['insertComment']>[0]) {
    this.comments.push(c);
  }
  async setSchedule(answerId: number, dueOn: string) {
    this.schedule.set(answerId, dueOn);
  }
  async clearSchedule(answerId: number) {
    this.schedule.delete(answerId);
  }
  async unscheduledPublished() {
    return [...this.answers.values()]
      .filter((a) => a.publishedRevisionId !== null && !this.schedule.has(a.id))
      .filter(
        (a) =>
          !this.approvals.some(
            (x) => x.answerId === a.id && x.hash === this.revisions.get(a.publishedRevisionId!)!.hash,
          ),
      )
      .map((a) => a.id);
  }
  async appendAudit(e: AuditEvent) {
    this.audit.push(e);
  }
  async findCondition(slug: string) {
    return this.conditions.find((c) => c.slug === slug) ?? null;
  }
  async upsertCondition(c: { slug: string }) {
    const id = this.conditions.length + 1;
    this.conditions.push({ id, slug: c.slug, reviewIntervalMonths: null });
    return { outcome: 'added' as const, id };
  }
  async conditionsBySlug(): Promise<never> {
    throw new Error('not modelled');
  }
  async upsertReviewer(): Promise<never> {
    throw new Error('not modelled');
  }
  async reviewerExists(id: string) {
    return this.reviewers.has(id);
  }
  async reviewerIds() {
    return [...this.reviewers];
  }
  async linkOrigins(links: OriginLink[]) {
    this.origins.push(...links);
  }
  async answersByOrigin(keys: string[]) {
    return new Map(
      this.origins.filter((o) => keys.includes(o.originKey)).map((o) => [o.originKey, o.answerId]),
    );
  }
}
