/**
 * "My tasks": what is waiting for the signed-in person, by role. Authors: their drafts, and
 * answers returned to them with changes requested. Reviewers: revisions awaiting their review
 * (not their own: four-eyes), and answers they sent back that are in review again. Editors and
 * admins: approved answers ready to publish, and published answers whose review is due.
 */
import { type Kysely, sql } from 'kysely';
import { listAnswerPage } from './answer-list.js';
import type { Database } from './db.js';
import type { Role } from './types.js';

export interface TaskItem {
  id: number;
  question: string;
  conditionSlug: string;
  conditionName: string;
  state: string;
  author: string;
  updatedAt: string;
  due?: string | null;
}

export interface TaskGroup {
  key: 'my-drafts' | 'returned' | 'awaiting-review' | 'came-back' | 'ready-to-publish' | 'review-due';
  title: string;
  empty: string;
  items: TaskItem[];
  total: number;
}

const LIMIT = 50;

function base(db: Kysely<Database>) {
  return db
    .selectFrom('answers as a')
    .innerJoin('conditions as c', 'c.id', 'a.condition_id')
    .innerJoin('revisions as r', 'r.id', 'a.current_revision_id');
}

async function group(
  db: Kysely<Database>,
  key: TaskGroup['key'],
  title: string,
  empty: string,
  // biome-ignore lint/suspicious/noExplicitAny: the query builder's types for a filtered join
  where: (q: any) => any,
): Promise<TaskGroup> {
  const q = where(base(db));
  const count = await q.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const rows = (await q
    .select([
      'a.id',
      'a.state',
      'a.updated_at',
      'r.question',
      'r.author',
      'c.slug as condition_slug',
      'c.name as condition_name',
    ])
    .orderBy('a.updated_at', 'asc')
    .orderBy('a.id', 'asc')
    .limit(LIMIT)
    .execute()) as {
    id: number;
    state: string;
    updated_at: string;
    question: string;
    author: string;
    condition_slug: string;
    condition_name: string;
  }[];
  return {
    key,
    title,
    empty,
    total: Number(count?.n ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      question: r.question,
      conditionSlug: r.condition_slug,
      conditionName: r.condition_name,
      state: r.state,
      author: r.author,
      updatedAt: r.updated_at,
    })),
  };
}

export async function tasksFor(
  db: Kysely<Database>,
  user: { username: string; role: Role },
  today: string,
): Promise<TaskGroup[]> {
  const me = user.username;
  const groups: TaskGroup[] = [];
  if (user.role === 'author' || user.role === 'editor' || user.role === 'admin') {
    groups.push(
      await group(db, 'returned', 'Returned to me with changes requested', 'Nothing returned to you.', (q) =>
        q.where('a.state', '=', 'changes_requested').where('r.author', '=', me),
      ),
      await group(db, 'my-drafts', 'My drafts', 'You have no drafts.', (q) =>
        q.where('a.state', '=', 'draft').where('r.author', '=', me),
      ),
    );
  }
  if (user.role === 'reviewer') {
    groups.push(
      await group(db, 'awaiting-review', 'Awaiting my review', 'Nothing is waiting for your review.', (q) =>
        q.where('a.state', '=', 'in_review').where('r.author', '!=', me),
      ),
      await group(
        db,
        'came-back',
        'Changes I requested that came back',
        'None of the answers you sent back are in review again.',
        (q) =>
          q
            .where('a.state', '=', 'in_review')
            // biome-ignore lint/suspicious/noExplicitAny: expression builder of a filtered join
            .where(({ exists, selectFrom }: any) =>
              exists(
                selectFrom('comments as k')
                  .select(sql`1`.as('one'))
                  .whereRef('k.answer_id', '=', 'a.id')
                  .where('k.author', '=', me)
                  .where('k.kind', '=', 'request_changes'),
              ),
            ),
      ),
    );
  }
  if (user.role === 'editor' || user.role === 'admin') {
    groups.unshift(
      await group(
        db,
        'ready-to-publish',
        'Approved and ready to publish',
        'Nothing is waiting to be published.',
        (q) => q.where('a.state', '=', 'approved'),
      ),
    );
    const due = await listAnswerPage(db, { today, due: 'soon', withinDays: 30, sort: 'due', perPage: LIMIT });
    groups.splice(1, 0, {
      key: 'review-due',
      title: 'Reviews due or overdue (next 30 days)',
      empty: 'No published answer is due for review.',
      total: due.total,
      items: due.rows.map((r) => ({
        id: r.id,
        question: r.question,
        conditionSlug: r.conditionSlug,
        conditionName: r.conditionName,
        state: r.state,
        author: '',
        updatedAt: r.updatedAt,
        due: r.due,
      })),
    });
  }
  return groups;
}

/** The number shown beside "My tasks" in the navigation: things only this person can move on. */
export function taskCount(groups: readonly TaskGroup[]): number {
  return groups.filter((g) => g.key !== 'my-drafts').reduce((n, g) => n + g.total, 0);
}
