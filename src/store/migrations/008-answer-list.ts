import type { Migration } from 'kysely';

export function m008AnswerList(): Migration {
  return {
    // The answer list's publisher filter reads a publisher's imported answers by index.
    async up(db) {
      await db.schema
        .createIndex('answer_origins_publisher')
        .on('answer_origins')
        .columns(['publisher', 'role', 'answer_id'])
        .execute();
    },
  };
}
