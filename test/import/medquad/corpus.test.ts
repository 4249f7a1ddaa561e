/**
 * The whole MedQuAD collection imported into a temporary SQLite store, checked against counts
 * computed independently from the XML text, then re-imported (nothing may change).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMedquad, type MedquadImportResult } from '../../../src/import/medquad/index.js';
import { collectStats, type StoreStats } from '../../../src/import/stats/index.js';
import { openStore } from '../../../src/store/index.js';
import { medquadDir } from '../../helpers/corpus.js';
import { type SqlStore, sqlStore } from '../../helpers/store-db.js';
import { checkImportIntegrity } from '../helpers/integrity.js';
import { countXml } from '../helpers/xml-counts.js';

const dir = medquadDir();

describe.skipIf(!dir)('importing the whole MedQuAD collection', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'medbrief-medquad-'));
  const file = join(tmp, 'store.db');
  let store: SqlStore;
  let first: MedquadImportResult;
  let stats: StoreStats;
  const xml = dir ? countXml(dir) : null;

  beforeAll(async () => {
    store = sqlStore(await openStore(file));
    first = await importMedquad(store, dir!, { today: '2026-01-15' });
    stats = await collectStats(store);
  }, 300_000);
  afterAll(async () => {
    await store?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('imports every document, and every non-empty answer as an answer or a linked duplicate', () => {
    expect(first.plan.problems).toEqual([]);
    expect(stats.importedDocuments.medquad).toBe(xml!.documents);
    expect(stats.origins.answer + stats.origins.duplicate).toBe(xml!.nonEmptyAnswers);
    expect(stats.origins.duplicate).toBe(first.plan.duplicatesLinked);
    expect(stats.answers).toBe(xml!.nonEmptyAnswers - first.plan.duplicatesLinked);
    expect(first.plan.emptyAnswers).toBe(first.plan.pairs - xml!.nonEmptyAnswers);
  });

  it('keeps the question type of every imported pair', () => {
    expect(stats.qtypes).toEqual(xml!.qtypes);
  });

  it('reads every synonym and stores them per condition without repeats', () => {
    expect(first.plan.synonymsRead).toBe(xml!.synonyms);
    expect(stats.synonyms).toBeGreaterThan(0);
    expect(stats.synonyms).toBeLessThanOrEqual(xml!.synonyms + xml!.documents);
  });

  it('marks every imported answer as imported and not reviewed, by publisher', () => {
    expect(stats.imported).toBe(stats.answers);
    expect(stats.importedNotReviewed).toBe(stats.answers);
    const byPublisher: Record<string, number> = {};
    for (const f of xml!.files)
      byPublisher[f.publisher] = (byPublisher[f.publisher] ?? 0) + f.nonEmptyAnswers;
    for (const [publisher, n] of Object.entries(stats.byPublisher))
      expect(n).toBeLessThanOrEqual(byPublisher[publisher]!);
    expect(Object.keys(stats.byPublisher).sort()).toEqual(Object.keys(byPublisher).sort());
  });

  it('leaves a consistent store: integrity, hashes, whole documents', () => {
    const expected = new Map(xml!.files.map((f) => [`medquad:${f.publisher}:${f.documentId}`, f]));
    const result = checkImportIntegrity(file, expected);
    expect(result.problems).toEqual([]);
  });

  it('serves caudal regression syndrome with its GHR answers, attribution and synonyms', async () => {
    const condition = await store.findCondition('caudal-regression-syndrome');
    expect(condition?.name).toBe('Caudal regression syndrome');
    expect(condition?.synonyms).toEqual(
      expect.arrayContaining(['sacral agenesis', 'caudal dysgenesis syndrome']),
    );
    expect(condition?.codes?.umls).toEqual(expect.arrayContaining(['C0684320']));
    const viaSynonym = await store.findCondition('sacral-agenesis');
    expect(viaSynonym?.slug).toBe('caudal-regression-syndrome');
    const answers = await store.listPublishedAnswers('caudal-regression-syndrome');
    expect(answers.map((a) => a.slug)).toEqual([
      'overview',
      'causes',
      'treatment',
      'inheritance',
      'frequency',
    ]);
    for (const a of answers) {
      expect(a.origin).toMatchObject({ collection: 'medquad', publisher: 'GHR', documentId: '0000161' });
      expect(a.origin?.url).toBe('https://ghr.nlm.nih.gov/condition/caudal-regression-syndrome');
      expect(a.revision.answer.sources[0]?.publisher).toBe('Genetics Home Reference (NIH)');
      expect(a.revision.answer.tldr_derived).toBe(true);
      expect(a.approvals).toEqual([]);
    }
    const overview = answers[0]!;
    expect(overview.origin?.pairId).toBe('1');
    expect(overview.revision.answer.question).toBe('What is caudal regression syndrome?');
  });

  it('staggers review due dates over the next twelve months', async () => {
    const rows = await store.db.selectFrom('review_schedule').select('due_on').execute();
    expect(rows.length).toBe(stats.answers);
    const months = new Map<string, number>();
    for (const r of rows) months.set(r.due_on.slice(0, 7), (months.get(r.due_on.slice(0, 7)) ?? 0) + 1);
    expect(rows.every((r) => r.due_on > '2026-01-15' && r.due_on <= '2027-01-15')).toBe(true);
    // Evenly spread: no month gets more than twice its share.
    expect(Math.max(...months.values())).toBeLessThan((2 * rows.length) / 12);
  });

  it('changes nothing when the same collection is imported again', async () => {
    const again = await importMedquad(store, dir!, { today: '2026-02-01' });
    expect(again.write.answers).toEqual({ added: 0, updated: 0, unchanged: stats.answers });
    expect(again.write.conditions.added + again.write.conditions.updated).toBe(0);
    expect(again.write.batchesWritten).toBe(0);
    expect(await collectStats(store)).toEqual(stats);
  }, 120_000);
});
