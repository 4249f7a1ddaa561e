import { type Migration, sql } from 'kysely';

export function m010AnswerListOrder(): Migration {
  return {
    // The answer list filtered by state and sorted by question or review date read the page in
    // index order instead of sorting every answer in that state (the sort expressions are the
    // ones src/store/answer-list.ts orders by; the date sort puts answers without one last).
    async up(db) {
      await sql`CREATE INDEX answers_state_question ON answers (state, list_search, id)`.execute(db);
      await sql`CREATE INDEX answers_state_due ON answers (state, (coalesce(list_due, '9999-12-31')), id)`.execute(
        db,
      );
    },
  };
}
