import type { Migration } from 'kysely';
import { index } from './columns.js';

export function m008AnswerList(): Migration {
  return {
    // The answer list's publisher filter reads a publisher's imported answers by index.
    async up(db) {
      await index(db, 'answer_origins_publisher', 'answer_origins', ['publisher', 'role', 'answer_id']);
    },
  };
}
