import type { Migration } from 'kysely';
import { APPEND_ONLY, appendOnly, type MigrationContext } from './ddl.js';

export function m001Foundation({ dialect, id, pk }: MigrationContext): Migration {
  return {
    async up(db) {
      await db.schema
        .createTable('conditions')
        .addColumn('id', id, pk)
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
        .addColumn('codes', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('review_interval_months', 'integer')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('condition_synonyms')
        .addColumn('condition_id', 'integer', (c) =>
          c.notNull().references('conditions.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('slug', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('condition_synonyms_pk', ['condition_id', 'slug'])
        .execute();
      await db.schema
        .createIndex('condition_synonyms_slug')
        .on('condition_synonyms')
        .column('slug')
        .execute();
      await db.schema
        .createTable('condition_codes')
        .addColumn('condition_id', 'integer', (c) =>
          c.notNull().references('conditions.id').onDelete('cascade'),
        )
        .addColumn('system', 'text', (c) => c.notNull())
        .addColumn('code', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('condition_codes_pk', ['condition_id', 'system', 'code'])
        .execute();
      await db.schema
        .createIndex('condition_codes_lookup')
        .on('condition_codes')
        .columns(['system', 'code'])
        .execute();
      await db.schema
        .createTable('reviewers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('credentials', 'text', (c) => c.notNull())
        .addColumn('bio', 'text')
        .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('answers')
        .addColumn('id', id, pk)
        .addColumn('condition_id', 'integer', (c) => c.notNull().references('conditions.id'))
        .addColumn('slug', 'text', (c) => c.notNull())
        .addColumn('aspect', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('current_revision_id', 'integer')
        .addColumn('published_revision_id', 'integer')
        .addColumn('origin', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('answers_condition_slug', ['condition_id', 'slug'])
        .execute();
      await db.schema
        .createTable('revisions')
        .addColumn('id', id, pk)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('question', 'text', (c) => c.notNull())
        .addColumn('tldr', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('content', 'text', (c) => c.notNull())
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('base_revision_id', 'integer', (c) => c.references('revisions.id'))
        .execute();
      await db.schema.createIndex('revisions_answer').on('revisions').column('answer_id').execute();
      await db.schema
        .createTable('revision_sources')
        .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('source_id', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('publisher', 'text')
        .addColumn('accessed', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('revision_sources_pk', ['revision_id', 'position'])
        .execute();
      await db.schema
        .createTable('approvals')
        .addColumn('id', id, pk)
        .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
        .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
        .addColumn('hash', 'text', (c) => c.notNull())
        .addColumn('reviewer_id', 'text', (c) => c.notNull().references('reviewers.id'))
        .addColumn('reviewed_on', 'text', (c) => c.notNull())
        .addColumn('next_review', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('approvals_answer').on('approvals').column('answer_id').execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('id', id, pk)
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('hash', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
      for (const t of APPEND_ONLY) await appendOnly(db, dialect, t);
    },
  };
}
