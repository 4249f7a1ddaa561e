import type { Migration } from 'kysely';
import { column, index, integer, key, maybeText, ref, table, text } from './columns.js';
import type { MigrationContext } from './ddl.js';

export function m002Import({ id, pk }: MigrationContext): Migration {
  return {
    // Bulk imports: which external record each imported answer came from (so a
    // re-import finds it again), which documents a run has written (resume, idempotence) and
    // the runs themselves (progress, interrupted runs).
    async up(db) {
      await table(db, 'answer_origins', [
        key('origin_key'), // medquad:<publisher>:<documentId>:<pairId>
        ref('answer_id', 'answers.id'),
        text('collection', 'publisher', 'document_id', 'pair_id'),
        maybeText('qtype', 'url'),
        text('role'), // answer | duplicate (linked to an equal answer)
        text('created_at'),
      ]);
      await index(db, 'answer_origins_answer', 'answer_origins', ['answer_id']);
      await table(db, 'import_runs', [
        column('id', id, pk),
        text('collection', 'source'),
        text('status'), // running | finished
        integer('units_total'),
        integer('units_done', 0),
        column('counts', 'text', (c) => c.notNull().defaultTo('{}')),
        text('started_at'),
        maybeText('finished_at'),
      ]);
      await table(db, 'import_documents', [
        key('document_key'), // medquad:<publisher>:<documentId>
        text('collection', 'fingerprint'),
        ref('condition_id', 'conditions.id'),
        ref('run_id', 'import_runs.id'),
        text('imported_at'),
      ]);
    },
  };
}
