/**
 * Writing an import plan to the store in batches: one transaction per batch of whole
 * conditions (all documents of a condition commit together), so a crash at any moment leaves
 * each document either fully imported or not at all. Planned conditions whose fingerprint is
 * already recorded for all their documents are skipped without a write: that is what makes a
 * re-import a no-op and an interrupted import resumable.
 */
import { slugify, todayIso } from '../../content/index.js';
import type { ImportCounts, Store, StoreTx } from '../../store/index.js';
import {
  type ActionContext,
  contextFor,
  importMedquadAnswer,
  reviewPolicy,
  runInTx,
  staggeredDueDate,
} from '../../workflow/index.js';
import { finaliseAnswer, type ImportPlan, type PlannedAnswer, type PlannedCondition } from './plan.js';

export interface WriteOptions {
  /** Recorded as author of new revisions and actor of audit events. */
  actor?: string;
  /** Documents per transaction (whole conditions are never split). */
  batchDocuments?: number;
  /** Months over which review due dates of newly imported answers are spread. */
  reviewIntervalMonths?: number;
  /** YYYY-MM-DD; due dates are spread after this day. */
  today?: string;
  /** Free text naming what was imported (the folder), kept on the run. */
  source?: string;
  onProgress?: (p: WriteProgress) => void;
}

export interface WriteProgress {
  documentsDone: number;
  documentsTotal: number;
  batchesDone: number;
  batchesTotal: number;
}

export interface WriteReport {
  runId: number;
  /** Set when an earlier run was interrupted and this one finished its work. */
  resumed: { runId: number; batchesDone: number; batchesTotal: number } | null;
  batches: number;
  batchesWritten: number;
  documents: ImportCounts;
  conditions: ImportCounts;
  answers: ImportCounts;
  duplicatesLinked: number;
  /** Imported answers edited here since: left as they are (never overwritten by a re-import). */
  keptLocalEdits: number;
}

export const MEDQUAD_ACTOR = 'import:medquad';
const COLLECTION = 'medquad';

function counts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0 };
}

/** Kept here for callers of the writer; the policy lives in src/workflow/policy.ts. */
export { staggeredDueDate };

/** Splits conditions into batches of about `size` documents, never splitting a condition. */
export function batchConditions(conditions: PlannedCondition[], size: number): PlannedCondition[][] {
  const batches: PlannedCondition[][] = [];
  let current: PlannedCondition[] = [];
  let docs = 0;
  for (const c of conditions) {
    if (current.length && docs + c.documents.length > size) {
      batches.push(current);
      current = [];
      docs = 0;
    }
    current.push(c);
    docs += c.documents.length;
  }
  if (current.length) batches.push(current);
  return batches;
}

function isUnchanged(c: PlannedCondition, recorded: Map<string, string>): boolean {
  return c.documents.every((d) => recorded.get(d.key) === c.fingerprint);
}

export async function writeMedquadPlan(
  store: Store,
  plan: ImportPlan,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const actor = options.actor ?? MEDQUAD_ACTOR;
  const today = options.today ?? todayIso();
  const interval = options.reviewIntervalMonths ?? reviewPolicy().defaultIntervalMonths;
  const batches = batchConditions(plan.conditions, options.batchDocuments ?? 200);
  const documentsTotal = plan.conditions.reduce((n, c) => n + c.documents.length, 0);

  const { interrupted, runId, recorded } = await store.write('import-run', async (tx) => {
    const interrupted = await tx.imports.runningRun(COLLECTION);
    const runId = await tx.imports.startRun(COLLECTION, options.source ?? '', batches.length);
    return { interrupted, runId, recorded: await tx.imports.recordedDocuments(COLLECTION) };
  });
  const report: WriteReport = {
    runId,
    resumed: interrupted
      ? { runId: interrupted.id, batchesDone: interrupted.unitsDone, batchesTotal: interrupted.unitsTotal }
      : null,
    batches: batches.length,
    batchesWritten: 0,
    documents: counts(),
    conditions: counts(),
    answers: counts(),
    duplicatesLinked: 0,
    keptLocalEdits: 0,
  };

  let documentsDone = 0;
  for (const [i, batch] of batches.entries()) {
    const changed = batch.filter((c) => !isUnchanged(c, recorded));
    for (const c of batch) {
      if (changed.includes(c)) continue;
      report.documents.unchanged += c.documents.length;
      report.conditions.unchanged++;
      report.answers.unchanged += c.answers.length;
    }
    if (changed.length) {
      await store.write('import-medquad', async (tx) => {
        const ctx = contextFor(tx, {
          actor: { username: actor, role: 'admin', reviewerId: null },
          policy: reviewPolicy(interval),
        });
        for (const c of changed) await writeCondition(ctx, c, { today, interval, runId }, recorded, report);
        await tx.imports.setRunProgress(runId, i + 1, runCounts(report));
      });
      report.batchesWritten++;
    }
    documentsDone += batch.reduce((n, c) => n + c.documents.length, 0);
    options.onProgress?.({ documentsDone, documentsTotal, batchesDone: i + 1, batchesTotal: batches.length });
  }
  await store.write('import-run', (tx) =>
    tx.imports.setRunProgress(runId, batches.length, runCounts(report), true),
  );
  return report;
}

function runCounts(r: WriteReport) {
  return {
    documents: r.documents,
    conditions: r.conditions,
    answers: r.answers,
    duplicatesLinked: r.duplicatesLinked,
  };
}

interface WriteContext {
  today: string;
  interval: number;
  runId: number;
}

/**
 * Finds the stored condition a planned one is: where its documents went before, else the same
 * slug, else one that names it as a synonym, is named by it, and shares an identifying CUI —
 * the plan's own merge rule, so conditions planned apart are not merged here.
 */
async function findConditionFor(
  tx: StoreTx,
  c: PlannedCondition,
): Promise<{ id: number; slug: string } | undefined> {
  const before = await tx.imports.conditionOfDocuments(c.documents.map((d) => d.key));
  if (before) return before;
  const bySlug = await tx.imports.conditionBySlug(c.slug);
  if (bySlug) return bySlug;
  const synonymSlugs = c.synonyms.map(slugify).filter(Boolean);
  if (synonymSlugs.length && c.cuis.length) {
    for (const m of await tx.imports.conditionsNaming(c.slug, synonymSlugs)) {
      if (await tx.imports.sharesCode(m.id, 'umls', c.cuis)) return m;
    }
  }
  return undefined;
}

/** Creates the condition, or adds the plan's synonyms and CUIs to the one found (never removes any). */
async function upsertPlannedCondition(
  tx: StoreTx,
  c: PlannedCondition,
  report: WriteReport,
): Promise<{ id: number; slug: string }> {
  const found = await findConditionFor(tx, c);
  const target = found ?? {
    id: await tx.imports.insertCondition({
      slug: c.slug,
      name: c.name,
      codes: c.cuis.length ? { umls: c.cuis } : {},
    }),
    slug: c.slug,
  };
  if (!found) report.conditions.added++;
  const synonyms = await tx.imports.addSynonyms(target.id, target.slug, c.synonyms);
  const codes = await tx.imports.addCodes(target.id, 'umls', c.cuis);
  if (found) report.conditions[synonyms > 0 || codes > 0 ? 'updated' : 'unchanged']++;
  return target;
}

/** Slugs to try for a new answer: the aspect, then `<aspect>-<publisher>`, then `-2`, `-3`, … */
function* slugCandidates(p: PlannedAnswer): Generator<string> {
  const aspect = p.answer.aspect;
  yield aspect;
  const withPublisher = `${aspect}-${slugify(p.origin.publisher)}`;
  yield withPublisher;
  for (let n = 2; ; n++) yield `${withPublisher}-${n}`;
}

async function writeCondition(
  ctx: ActionContext,
  c: PlannedCondition,
  w: WriteContext,
  recorded: Map<string, string>,
  report: WriteReport,
): Promise<void> {
  const { tx } = ctx;
  const condition = await upsertPlannedCondition(tx, c, report);
  const known = await tx.answersByOrigin(
    c.answers.flatMap((a) => [a.originKey, ...a.duplicates.map((d) => d.originKey)]),
  );
  const taken = await tx.answerSlugs(condition.id);
  for (const p of c.answers) {
    const r = await runInTx(ctx, importMedquadAnswer, {
      conditionId: condition.id,
      originKey: p.originKey,
      origin: p.origin,
      qtype: p.qtype,
      existingId: known.get(p.originKey),
      answerFor: (slug) => finaliseAnswer(p, condition.slug, slug),
      slugCandidates: slugCandidates(p),
      taken,
      duplicates: p.duplicates,
      known,
      intervalMonths: w.interval,
      today: w.today,
    });
    if (r.outcome === 'kept-local-edit') report.keptLocalEdits++;
    else report.answers[r.outcome]++;
    report.duplicatesLinked += p.duplicates.length;
  }
  for (const d of c.documents) {
    const before = recorded.get(d.key);
    if (before === c.fingerprint) {
      report.documents.unchanged++;
      continue;
    }
    await tx.imports.recordDocument(
      {
        key: d.key,
        collection: COLLECTION,
        fingerprint: c.fingerprint,
        conditionId: condition.id,
        runId: w.runId,
      },
      before === undefined,
    );
    report.documents[before === undefined ? 'added' : 'updated']++;
  }
  // Recorded only after commit matters for the next run; within this run each condition is written once.
  for (const d of c.documents) recorded.set(d.key, c.fingerprint);
}
