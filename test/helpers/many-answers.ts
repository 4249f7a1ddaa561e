/**
 * Fills a store with many answers quickly (bulk SQL inserts, not the workflow), for tests and
 * benchmarks of the answer list (then derives the list columns, as a migration back-fill would).
 * The data is deterministic; `expected` returns what each
 * generated answer looks like, so tests can compute the right answer for a filter themselves.
 */
import type { Insertable, Kysely } from 'kysely';
import { refreshAnswerListColumns } from '../../src/store/answer-list.js';
import type { Database } from '../../src/store/index.js';

const ASPECTS = ['overview', 'causes', 'symptoms', 'treatment', 'inheritance', 'frequency'];
const STATES = ['draft', 'in_review', 'changes_requested', 'approved', 'published', 'archived'];
const PUBLISHERS = ['GARD', 'GHR', 'NIDDK', 'CDC'];

export interface GeneratedAnswer {
  id: number;
  condition: string;
  conditionName: string;
  aspect: string;
  state: string;
  question: string;
  publisher: string | null;
  published: boolean;
  reviewed: boolean;
  due: string | null;
  updatedAt: string;
}

function pad(n: number, w = 5) {
  return String(n).padStart(w, '0');
}

export async function generateAnswers(db: Kysely<Database>, count: number): Promise<GeneratedAnswer[]> {
  return db.transaction().execute((trx) => generate(trx, count));
}

async function generate(db: Kysely<Database>, count: number): Promise<GeneratedAnswer[]> {
  const conditions = Math.max(1, Math.floor(count / 8));
  const condRows = Array.from({ length: conditions }, (_, i) => ({
    slug: `condition-${pad(i)}`,
    name: `${i % 7 === 0 ? 'Rare ' : ''}Condition ${pad(i)}`,
    summary: '',
    codes: '{}',
    review_interval_months: null,
    created_at: '2024-01-01T00:00:00.000Z',
    updated_at: '2024-01-01T00:00:00.000Z',
  }));
  const condIds: number[] = [];
  for (let i = 0; i < condRows.length; i += 500) {
    const ids = await db
      .insertInto('conditions')
      .values(condRows.slice(i, i + 500))
      .returning('id')
      .execute();
    condIds.push(...ids.map((r) => r.id));
  }
  await db
    .insertInto('reviewers')
    .values({ id: 'gen-reviewer', name: 'Gen Reviewer', credentials: 'MD (demo)', bio: null, demo: 1 })
    .execute();
  const out: GeneratedAnswer[] = [];
  const BATCH = 400;
  for (let start = 0; start < count; start += BATCH) {
    const n = Math.min(BATCH, count - start);
    const answers = Array.from({ length: n }, (_, k) => {
      const i = start + k;
      const day = pad((i % 28) + 1, 2);
      return {
        condition_id: condIds[i % conditions]!,
        slug: `a-${i}`,
        aspect: ASPECTS[i % ASPECTS.length]!,
        state: STATES[(i * 7) % STATES.length]!,
        current_revision_id: null,
        published_revision_id: null,
        origin: null,
        created_at: `2024-0${(i % 9) + 1}-${day}T00:00:00.000Z`,
        updated_at: `2025-0${(i % 9) + 1}-${day}T${pad(i % 24, 2)}:00:00.000Z`,
      };
    });
    const ids = (await db.insertInto('answers').values(answers).returning('id').execute()).map((r) => r.id);
    const revisions = ids.map((id, k) => {
      const i = start + k;
      const question = `What is ${i % 11 === 0 ? 'the outlook for' : 'known about'} condition ${pad(i % conditions)} item ${i}?`;
      return {
        answer_id: id,
        hash: `sha256:${pad(i, 64)}`,
        question,
        tldr: 'Short.',
        body: 'Body.',
        content: '{}',
        author: 'gen',
        created_at: answers[k]!.created_at,
        base_revision_id: null,
      };
    });
    const revIds = (await db.insertInto('revisions').values(revisions).returning('id').execute()).map(
      (r) => r.id,
    );
    const approvals: Insertable<Database['approvals']>[] = [];
    const origins: Database['answer_origins'][] = [];
    const schedule: Database['review_schedule'][] = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const state = answers[k]!.state;
      const published = state === 'published' || (state !== 'draft' && i % 3 === 0);
      await db
        .updateTable('answers')
        .set({ current_revision_id: revIds[k]!, published_revision_id: published ? revIds[k]! : null })
        .where('id', '=', ids[k]!)
        .execute();
      const reviewed = i % 4 === 0;
      const nextReview = `202${5 + (i % 3)}-0${(i % 9) + 1}-15`;
      if (reviewed)
        approvals.push({
          answer_id: ids[k]!,
          revision_id: revIds[k]!,
          hash: revisions[k]!.hash,
          reviewer_id: 'gen-reviewer',
          reviewed_on: '2024-06-01',
          next_review: nextReview,
          created_at: '2024-06-01T00:00:00.000Z',
        });
      const publisher = i % 5 === 0 ? null : PUBLISHERS[i % PUBLISHERS.length]!;
      if (publisher)
        origins.push({
          origin_key: `gen:${i}`,
          answer_id: ids[k]!,
          collection: 'medquad',
          publisher,
          document_id: String(i),
          pair_id: '1',
          qtype: null,
          url: null,
          role: 'answer',
          created_at: '2024-01-01T00:00:00.000Z',
        } as Database['answer_origins']);
      const scheduled = !reviewed && i % 6 === 1;
      const dueOn = `2025-${pad((i % 12) + 1, 2)}-10`;
      if (scheduled)
        schedule.push({ answer_id: ids[k]!, due_on: dueOn, owner: null, updated_at: '2024-01-01' });
      out.push({
        id: ids[k]!,
        condition: condRows[i % conditions]!.slug,
        conditionName: condRows[i % conditions]!.name,
        aspect: answers[k]!.aspect,
        state,
        question: revisions[k]!.question,
        publisher,
        published,
        reviewed,
        due: published
          ? reviewed
            ? nextReview
            : scheduled
              ? dueOn
              : answers[k]!.created_at.slice(0, 10)
          : null,
        updatedAt: answers[k]!.updated_at,
      });
    }
    if (approvals.length) await db.insertInto('approvals').values(approvals).execute();
    if (origins.length) await db.insertInto('answer_origins').values(origins).execute();
    if (schedule.length) await db.insertInto('review_schedule').values(schedule).execute();
  }
  // The bulk inserts bypass StoreTx, which keeps the answer list's columns current: derive them.
  await refreshAnswerListColumns(db);
  return out;
}
