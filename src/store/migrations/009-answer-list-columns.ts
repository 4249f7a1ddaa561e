import type { Migration } from 'kysely';
import { refreshAnswerListColumns } from '../answer-list.js';

export function m009AnswerListColumns(): Migration {
  return {
    // The answer list filters and sorts on values that used to be computed per row (the current
    // question in lower case, whether the current revision is reviewed, the next review date): they become
    // columns of `answers`, back-filled here and kept current by StoreTx. Indexed for the
    // review-due filters and sorts.
    async up(db) {
      await db.schema.alterTable('answers').addColumn('list_search', 'text').execute();
      await db.schema
        .alterTable('answers')
        .addColumn('list_reviewed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('answers').addColumn('list_due', 'text').execute();
      await refreshAnswerListColumns(db as never);
      await db.schema.createIndex('answers_list_due').on('answers').columns(['list_due', 'id']).execute();
    },
  };
}
