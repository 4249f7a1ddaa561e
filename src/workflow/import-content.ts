/**
 * Importing a content folder (git) into the store: reviewers and conditions are upserted, then
 * each answer goes through the import-content action — all in one transaction, so an import
 * is all or nothing.
 */
import { type ContentBundle, DEFAULT_REVIEW_INTERVAL_MONTHS } from '../content/index.js';
import type { ImportCounts, ImportOptions, ImportReport, Store } from '../store/index.js';
import { contextFor, importContent, runInTx, unknownCondition } from './actions/index.js';

const counts = (): ImportCounts => ({ added: 0, updated: 0, unchanged: 0 });

export function importBundle(
  store: Store,
  bundle: ContentBundle,
  options: ImportOptions,
): Promise<ImportReport> {
  return store.write('import', async (tx) => {
    const ctx = contextFor(tx, { actor: { username: options.actor, role: 'admin', reviewerId: null } });
    const report: ImportReport = {
      conditions: counts(),
      answers: counts(),
      reviewers: counts(),
      approvals: 0,
    };
    for (const r of bundle.reviewers) report.reviewers[await tx.upsertReviewer(r)]++;
    const conditions = new Map<string, { id: number; interval: number | null }>();
    for (const c of bundle.conditions) {
      const { outcome, id } = await tx.upsertCondition(c);
      report.conditions[outcome]++;
      conditions.set(c.slug, { id, interval: c.review_interval_months ?? null });
    }
    for (const a of bundle.answers) {
      let cond = conditions.get(a.condition);
      if (!cond) {
        const row = await tx.findCondition(a.condition);
        if (!row) throw unknownCondition(a);
        cond = { id: row.id, interval: row.reviewIntervalMonths };
      }
      const intervalMonths = cond.interval ?? options.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
      const r = await runInTx(ctx, importContent, { answer: a, conditionId: cond.id, intervalMonths });
      report.answers[r.outcome]++;
      report.approvals += r.approvals;
    }
    return report;
  });
}
