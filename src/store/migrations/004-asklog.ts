import type { Migration } from 'kysely';
import { column, index, integer, maybeText, primaryKey, ref, table, text } from './columns.js';
import type { MigrationContext } from './ddl.js';

export function m004Asklog({ id, pk }: MigrationContext): Migration {
  return {
    // Questions patients asked (scrubbed of personal data, hour buckets, no IP/cookie/user),
    // editors' decisions about gaps, and anonymous page feedback bound to the revision shown.
    async up(db) {
      await table(db, 'ask_log', [
        column('id', id, pk),
        text('hour'), // YYYY-MM-DDTHH:00Z
        text('channel'), // page | api | mcp
        text('focus'), // condition slug, or "unknown"
        integer('focus_known', 0), // a condition of the store
        text('aspect'), // aspect, or "unknown"
        text('outcome'), // answered | abstained | red_flag
        maybeText('answer_ref'), // "<condition>/<answer>" of the top result
        column('score', 'real'),
        maybeText('reason'),
        text('question'), // scrubbed
      ]);
      await index(db, 'ask_log_hour', 'ask_log', ['hour']);
      await index(db, 'ask_log_group', 'ask_log', ['focus', 'aspect']);
      await table(db, 'gap_decisions', [
        text('focus', 'aspect'),
        text('status'), // drafted | not_in_scope | merged
        maybeText('reason', 'target_focus', 'target_aspect'),
        ref('answer_id', 'answers.id', { nullable: true }),
        text('actor', 'decided_at'),
        primaryKey('gap_decisions_pk', ['focus', 'aspect']),
      ]);
      await table(db, 'page_feedback', [
        column('id', id, pk),
        ref('answer_id', 'answers.id'),
        ref('revision_id', 'revisions.id'),
        integer('helpful'),
        maybeText('comment'), // scrubbed
        text('hour'),
      ]);
      await index(db, 'page_feedback_answer', 'page_feedback', ['answer_id', 'hour']);
    },
  };
}
