/**
 * An editorial workload over HTTP, as real editors would produce it: each loop owns one answer
 * and repeats edit → submit → approve → publish through the editor JSON API, with the author,
 * a reviewer and an editor each using their own session. Every 2xx answer is an acknowledged
 * write and is recorded, so afterwards we can prove none of them was lost.
 */
import { sql } from 'kysely';
import type { Store } from '../../src/store/index.js';
import type { WorkflowRepo } from '../../src/workflow/index.js';
import { sqlStore } from '../helpers/store-db.js';
import { answer } from '../store/fixtures.js';

export interface Session {
  cookie: string;
  csrf: string;
}
export interface Staff {
  author: Session;
  reviewer: Session;
  editor: Session;
}

export interface Ack {
  answerId: number;
  action: 'edit' | 'submit' | 'approve' | 'publish';
  revisionId: number;
  hash: string;
}

export interface WorkloadStats {
  acks: Ack[];
  /** Requests that got a definite refusal (409 on a concurrent edit, 422 lint, …), not errors. */
  refusals: number;
  /** Requests that failed at the transport (the server died under them). */
  transportErrors: number;
  /** 5xx answers: must stay 0. */
  serverErrors: number;
}

export const newStats = (): WorkloadStats => ({ acks: [], refusals: 0, transportErrors: 0, serverErrors: 0 });

/** Users, long-lived sessions (stored in the database, so they survive restarts) and `count` answers. */
export async function seedWorkload(
  repo: WorkflowRepo,
  count: number,
  prefix = 'load',
  reviewerId = 'demo-gp',
): Promise<{ staff: Staff; answerIds: number[] }> {
  const user = async (username: string, role: 'author' | 'reviewer' | 'editor', reviewerId?: string) =>
    (await repo.getUser(username)) ??
    repo.createUser(
      { username, name: username, role, password: `${username} password 123`, reviewerId },
      'seed',
    );
  const author = await user('ops-author', 'author');
  const reviewer = await user('ops-reviewer', 'reviewer', reviewerId);
  const editor = await user('ops-editor', 'editor');
  const session = async (id: number): Promise<Session> => {
    const s = await repo.createSession(id, 24 * 60 * 60 * 1000);
    return { cookie: `medbrief_session=${s.token}`, csrf: s.csrfToken };
  };
  const answerIds: number[] = [];
  for (let i = 0; i < count; i++) {
    const a = answer({ slug: `${prefix}-${i}`, question: `What is ${prefix} question ${i}?` });
    answerIds.push((await repo.createAnswer(a, author)).id);
  }
  return {
    staff: {
      author: await session(author.id),
      reviewer: await session(reviewer.id),
      editor: await session(editor.id),
    },
    answerIds,
  };
}

async function call(base: string, s: Session, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      cookie: s.cookie,
      'x-csrf-token': s.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

/**
 * One editor's loop on one answer until `stop()` says so or the server goes away.
 * `base()` may return a different server each time (several processes behind a balancer).
 */
export async function editorLoop(
  base: () => string,
  answerId: number,
  staff: Staff,
  stats: WorkloadStats,
  stop: () => boolean,
): Promise<void> {
  let n = 0;
  const record = (status: number) => {
    if (status >= 500) stats.serverErrors++;
    else if (status >= 400) stats.refusals++;
  };
  try {
    while (!stop()) {
      const got = await call(base(), staff.author, 'GET', `/editor/api/answers/${answerId}`);
      if (got.status !== 200) {
        record(got.status);
        continue;
      }
      const current = got.json!.current as { id: number; markdown: string };
      const markdown = current.markdown.replace(
        /\n*(Edit marker \S+\n)?$/,
        `\n\nEdit marker ${answerId}-${n++}-${Date.now()}.\n`,
      );
      const saved = await call(base(), staff.author, 'PUT', `/editor/api/answers/${answerId}`, {
        baseRevisionId: current.id,
        markdown,
      });
      if (saved.status !== 201) {
        record(saved.status);
        continue;
      }
      const revision = saved.json!.revision as { id: number; hash: string };
      stats.acks.push({ answerId, action: 'edit', revisionId: revision.id, hash: revision.hash });
      for (const [who, action] of [
        [staff.author, 'submit'],
        [staff.reviewer, 'approve'],
        [staff.editor, 'publish'],
      ] as const) {
        if (stop()) return;
        const r = await call(base(), who, 'POST', `/editor/api/answers/${answerId}/transition`, {
          action,
          revisionId: revision.id,
        });
        if (r.status !== 200) {
          record(r.status);
          break;
        }
        stats.acks.push({ answerId, action, revisionId: revision.id, hash: revision.hash });
      }
    }
  } catch {
    stats.transportErrors++; // the server died under this request: it was never acknowledged
  }
}

/** Every acknowledged write that the store does not hold (empty when nothing was lost). */
export async function lostWrites(anyStore: Store, acks: Ack[]): Promise<string[]> {
  const store = sqlStore(anyStore);
  const lost: string[] = [];
  const revisions = new Map(
    (await sql<{ id: number; hash: string }>`SELECT id, hash FROM revisions`.execute(store.db)).rows.map(
      (r) => [Number(r.id), r.hash],
    ),
  );
  const events = new Map<string, number>();
  for (const e of (
    await sql<{ action: string; entity_id: string; hash: string | null }>`
      SELECT action, entity_id, hash FROM audit_events WHERE entity = 'answer'`.execute(store.db)
  ).rows) {
    const key = `${e.entity_id}/${e.action}/${e.hash}`;
    events.set(key, (events.get(key) ?? 0) + 1);
  }
  const approvals = new Set(
    (
      await sql<{ revision_id: number; hash: string }>`SELECT revision_id, hash FROM approvals`.execute(
        store.db,
      )
    ).rows.map((a) => `${a.revision_id}/${a.hash}`),
  );
  const needed = new Map<string, number>();
  for (const a of acks) {
    if (revisions.get(a.revisionId) !== a.hash)
      lost.push(`revision ${a.revisionId} (${a.action} of answer ${a.answerId})`);
    if (a.action === 'approve' && !approvals.has(`${a.revisionId}/${a.hash}`))
      lost.push(`approval of revision ${a.revisionId}`);
    if (a.action !== 'edit') {
      const key = `${a.answerId}/${a.action}/${a.hash}`;
      needed.set(key, (needed.get(key) ?? 0) + 1);
    }
  }
  for (const [key, n] of needed)
    if ((events.get(key) ?? 0) < n)
      lost.push(`transition ${key}: ${n} acknowledged, ${events.get(key) ?? 0} recorded`);
  return lost;
}

/**
 * Every published page whose badge disagrees with its content: "Medically reviewed" must appear
 * exactly when an approval is bound to the published revision's hash. Checked on the served page.
 */
export async function badgeMismatches(
  base: string,
  store: Store,
): Promise<{ pages: number; mismatches: string[] }> {
  const views = await store.allPublishedAnswers({ limit: 100_000 });
  const mismatches: string[] = [];
  for (const v of views) {
    const html = await (await fetch(`${base}/conditions/${v.conditionSlug}/${v.slug}`)).text();
    const bound = v.approvals.some((a) => a.hash === v.revision.hash);
    const shown = html.includes('Medically reviewed by');
    if (bound !== shown)
      mismatches.push(`${v.conditionSlug}/${v.slug}: approval bound ${bound}, badge shown ${shown}`);
  }
  return { pages: views.length, mismatches };
}
