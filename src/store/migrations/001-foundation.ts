import type { Migration } from 'kysely';
import { column, index, integer, key, maybeText, primaryKey, ref, table, text, unique } from './columns.js';
import { APPEND_ONLY, appendOnly, type MigrationContext } from './ddl.js';

export function m001Foundation({ dialect, id, pk }: MigrationContext): Migration {
  const autoId = column('id', id, pk);
  return {
    async up(db) {
      await table(db, 'conditions', [
        autoId,
        column('slug', 'text', (c) => c.notNull().unique()),
        text('name'),
        column('summary', 'text', (c) => c.notNull().defaultTo('')),
        column('codes', 'text', (c) => c.notNull().defaultTo('{}')),
        column('review_interval_months', 'integer'),
        text('created_at', 'updated_at'),
      ]);
      await table(db, 'condition_synonyms', [
        ref('condition_id', 'conditions.id', { cascade: true }),
        text('name', 'slug'),
        primaryKey('condition_synonyms_pk', ['condition_id', 'slug']),
      ]);
      await index(db, 'condition_synonyms_slug', 'condition_synonyms', ['slug']);
      await table(db, 'condition_codes', [
        ref('condition_id', 'conditions.id', { cascade: true }),
        text('system', 'code'),
        primaryKey('condition_codes_pk', ['condition_id', 'system', 'code']),
      ]);
      await index(db, 'condition_codes_lookup', 'condition_codes', ['system', 'code']);
      await table(db, 'reviewers', [
        key('id'),
        text('name', 'credentials'),
        maybeText('bio'),
        integer('demo', 0),
      ]);
      await table(db, 'answers', [
        autoId,
        ref('condition_id', 'conditions.id'),
        text('slug', 'aspect', 'state'),
        column('current_revision_id', 'integer'),
        column('published_revision_id', 'integer'),
        maybeText('origin'),
        text('created_at', 'updated_at'),
        unique('answers_condition_slug', ['condition_id', 'slug']),
      ]);
      await table(db, 'revisions', [
        autoId,
        ref('answer_id', 'answers.id'),
        text('hash', 'question', 'tldr', 'body', 'content', 'author', 'created_at'),
        ref('base_revision_id', 'revisions.id', { nullable: true }),
      ]);
      await index(db, 'revisions_answer', 'revisions', ['answer_id']);
      await table(db, 'revision_sources', [
        ref('revision_id', 'revisions.id'),
        integer('position'),
        text('source_id', 'title', 'url'),
        maybeText('publisher'),
        text('accessed'),
        primaryKey('revision_sources_pk', ['revision_id', 'position']),
      ]);
      await table(db, 'approvals', [
        autoId,
        ref('answer_id', 'answers.id'),
        ref('revision_id', 'revisions.id'),
        text('hash'),
        column('reviewer_id', 'text', (c) => c.notNull().references('reviewers.id')),
        text('reviewed_on', 'next_review', 'created_at'),
      ]);
      await index(db, 'approvals_answer', 'approvals', ['answer_id']);
      await table(db, 'audit_events', [
        autoId,
        text('at', 'actor', 'action', 'entity', 'entity_id'),
        maybeText('from_state', 'to_state', 'hash', 'detail'),
      ]);
      await table(db, 'meta', [key('key'), text('value')]);
      for (const t of APPEND_ONLY) await appendOnly(db, dialect, t);
    },
  };
}
