import type { Migration } from 'kysely';
import type { MigrationContext } from './ddl.js';

export function m002Import({ id, pk }: MigrationContext): Migration {
  return {
    // Bulk imports: which external record each imported answer came from (so a
    // re-import finds it again), which documents a run has written (resume, idempotence) and
    // the runs themselves (progress, interrupted runs).
    async up(db) {
      await db.schema
        .createTable('answer_origins')
        .addColumn('origin_key', 'text', (c) => c.primaryKey()) // medquad:<publisher>:<documentId>:<pairId>
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('publisher', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('pair_id', 'text', (c) => c.notNull())
        .addColumn('qtype', 'text')
        .addColumn('url', 'text')
        .addColumn('role', 'text', (c) => c.notNull()) // answer | duplicate (linked to an equal answer)
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('answer_origins_answer').on('answer_origins').column('answer_id').execute();
      await db.schema
        .createTable('import_runs')
        .addColumn('id', id, pk)
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull()) // running | finished
        .addColumn('units_total', 'integer', (c) => c.notNull())
        .addColumn('units_done', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema
        .createTable('import_documents')
        .addColumn('document_key', 'text', (c) => c.primaryKey()) // medquad:<publisher>:<documentId>
        .addColumn('collection', 'text', (c) => c.notNull())
        .addColumn('fingerprint', 'text', (c) => c.notNull())
        .addColumn('condition_id', 'integer', (c) => c.notNull().references('conditions.id'))
        .addColumn('run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
