import type { Migration } from 'kysely';
import type { MigrationContext } from './ddl.js';

export function m004Asklog({ id, pk }: MigrationContext): Migration {
  return {
    // Questions patients asked (scrubbed of personal data, hour buckets, no IP/cookie/user),
    // editors' decisions about gaps, and anonymous page feedback bound to the revision shown.
    async up(db) {
      await db.schema
        .createTable('ask_log')
        .addColumn('id', id, pk)
        .addColumn('hour', 'text', (c) => c.notNull()) // YYYY-MM-DDTHH:00Z
        .addColumn('channel', 'text', (c) => c.notNull()) // page | api | mcp
        .addColumn('focus', 'text', (c) => c.notNull()) // condition slug, or "unknown"
        .addColumn('focus_known', 'integer', (c) => c.notNull().defaultTo(0)) // a condition of the store
        .addColumn('aspect', 'text', (c) => c.notNull()) // aspect, or "unknown"
        .addColumn('outcome', 'text', (c) => c.notNull()) // answered | abstained | red_flag
        .addColumn('answer_ref', 'text') // "<condition>/<answer>" of the top result
        .addColumn('score', 'real')
        .addColumn('reason', 'text')
        .addColumn('question', 'text', (c) => c.notNull()) // scrubbed
        .execute();
      await db.schema.createIndex('ask_log_hour').on('ask_log').column('hour').execute();
      await db.schema.createIndex('ask_log_group').on('ask_log').columns(['focus', 'aspect']).execute();
      await db.schema
        .createTable('gap_decisions')
        .addColumn('focus', 'text', (c) => c.notNull())
        .addColumn('aspect', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // drafted | not_in_scope | merged
        .addColumn('reason', 'text')
        .addColumn('target_focus', 'text')
        .addColumn('target_aspect', 'text')
        .addColumn('answer_id', 'integer', (c) => c.references('answers.id'))
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('gap_decisions_pk', ['focus', 'aspect'])
        .execute();
      await db.schema
        .createTable('page_feedback')
        .addColumn('id', id, pk)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
        .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
        .addColumn('helpful', 'integer', (c) => c.notNull())
        .addColumn('comment', 'text') // scrubbed
        .addColumn('hour', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('page_feedback_answer')
        .on('page_feedback')
        .columns(['answer_id', 'hour'])
        .execute();
    },
  };
}
