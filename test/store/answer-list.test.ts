import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AnswerListQuery, answerListQuery, listAnswerPage } from '../../src/store/answer-list.js';
import { storeBackends } from '../helpers/backends.js';
import { type GeneratedAnswer, generateAnswers } from '../helpers/many-answers.js';
import type { SqlStore } from '../helpers/store-db.js';

const COUNT = 16_000;
const today = '2025-06-01';

/** What the list must contain, computed in memory from the generated data. */
function oracle(all: GeneratedAnswer[], q: AnswerListQuery): GeneratedAnswer[] {
  const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const soon = '2025-07-01';
  return all.filter(
    (a) =>
      (!q.state || a.state === q.state) &&
      (!q.aspect || a.aspect === q.aspect) &&
      (!q.publisher || a.publisher === q.publisher) &&
      (!q.reviewed || a.reviewed === (q.reviewed === 'yes')) &&
      (!q.due || (a.due !== null && (q.due === 'overdue' ? a.due < today : a.due <= soon))) &&
      words.every(
        (w) =>
          a.question.toLowerCase().includes(w) ||
          a.conditionName.toLowerCase().includes(w) ||
          a.condition.includes(w),
      ),
  );
}

function suite(name: string, open: () => Promise<SqlStore>) {
  describe(`answer list over ${COUNT} answers: ${name}`, () => {
    let store: SqlStore;
    let all: GeneratedAnswer[];
    beforeAll(async () => {
      store = await open();
      all = await generateAnswers(store.db, COUNT);
    }, 120_000);
    afterAll(() => store?.close());

    const cases: Record<string, string>[] = [
      {},
      { state: 'published' },
      { aspect: 'causes', state: 'in_review' },
      { publisher: 'GARD', reviewed: 'no' },
      { reviewed: 'yes', due: 'overdue' },
      { due: 'soon', aspect: 'overview' },
      { q: 'outlook rare' },
      { q: 'item 1234' },
      { q: '100%_' },
    ];
    for (const params of cases) {
      it(`filters ${JSON.stringify(params)} like the data says`, async () => {
        const query = answerListQuery({ ...params, per: '200' }, today);
        const page = await listAnswerPage(store.db, query);
        const want = oracle(all, query);
        expect(page.total).toBe(want.length);
        const wantIds = new Set(want.map((a) => a.id));
        for (const r of page.rows) expect(wantIds.has(r.id)).toBe(true);
        expect(page.rows.length).toBe(Math.min(200, want.length));
        // Newest first by default.
        for (let i = 1; i < page.rows.length; i++)
          expect(page.rows[i - 1]!.updatedAt >= page.rows[i]!.updatedAt).toBe(true);
        for (const r of page.rows) {
          const g = all.find((a) => a.id === r.id)!;
          expect({ due: r.due, reviewed: r.reviewed, publisher: r.publisher }).toEqual({
            due: g.due,
            reviewed: g.reviewed,
            publisher: g.publisher,
          });
        }
      });
    }

    it('pages through a sorted result without gaps or repeats', async () => {
      const seen: number[] = [];
      let dues: string[] = [];
      for (let p = 1; p <= 4; p++) {
        const r = await listAnswerPage(
          store.db,
          answerListQuery(
            { state: 'published', sort: 'due', dir: 'asc', page: String(p), per: '100' },
            today,
          ),
        );
        seen.push(...r.rows.map((x) => x.id));
        dues = dues.concat(r.rows.map((x) => x.due!));
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(dues).toEqual([...dues].sort());
      const want = oracle(all, answerListQuery({ state: 'published' }, today))
        .map((a) => a.due!)
        .sort()
        .slice(0, 400);
      expect(dues).toEqual(want);
    });
  });
}

for (const [name, open] of await storeBackends('answer_list', 'answer list')) suite(name, open);
