/**
 * Writing an import plan to the store in batches: one transaction per batch of whole
 * conditions (all documents of a condition commit together), so a crash at any moment leaves
 * each document either fully imported or not at all. Planned conditions whose fingerprint is
 * already recorded for all their documents are skipped without a write: that is what makes a
 * re-import a no-op and an interrupted import resumable.
 */
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { addMonths, canonicalJson, slugify } from '../../content/index.js';
import { audit, type Database, type ImportCounts, insertRevision } from '../../store/index.js';
import { finaliseAnswer, type ImportPlan, type PlannedAnswer, type PlannedCondition } from './plan.js';

type Trx = Transaction<Database>;

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

function nowIso(): string {
  return new Date().toISOString();
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Review due date of a newly imported answer: `today` plus 1…N days, N the days in the review
 * interval, chosen by a hash of the origin key. Deterministic, and evenly spread so a team is
 * not handed 16,000 reviews on one day.
 */
export function staggeredDueDate(originKey: string, today: string, intervalMonths: number): string {
  const days = Math.round(
    (Date.parse(`${addMonths(today, intervalMonths)}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) /
      86_400_000,
  );
  const h = createHash('sha256').update(originKey).digest().readUInt32BE(0);
  return addDays(today, 1 + (h % Math.max(days, 1)));
}

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
  db: Kysely<Database>,
  plan: ImportPlan,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const actor = options.actor ?? MEDQUAD_ACTOR;
  const today = options.today ?? nowIso().slice(0, 10);
  const interval = options.reviewIntervalMonths ?? 12;
  const batches = batchConditions(plan.conditions, options.batchDocuments ?? 200);
  const documentsTotal = plan.conditions.reduce((n, c) => n + c.documents.length, 0);

  const interrupted = await db
    .selectFrom('import_runs')
    .selectAll()
    .where('collection', '=', COLLECTION)
    .where('status', '=', 'running')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  const run = await db
    .insertInto('import_runs')
    .values({
      collection: COLLECTION,
      source: options.source ?? '',
      status: 'running',
      units_total: batches.length,
      units_done: 0,
      counts: '{}',
      started_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (interrupted) {
    await db
      .updateTable('import_runs')
      .set({ status: 'interrupted' })
      .where('status', '=', 'running')
      .where('id', '<', run.id)
      .execute();
  }
  const report: WriteReport = {
    runId: run.id,
    resumed: interrupted
      ? { runId: interrupted.id, batchesDone: interrupted.units_done, batchesTotal: interrupted.units_total }
      : null,
    batches: batches.length,
    batchesWritten: 0,
    documents: counts(),
    conditions: counts(),
    answers: counts(),
    duplicatesLinked: 0,
    keptLocalEdits: 0,
  };
  const recorded = new Map(
    (
      await db
        .selectFrom('import_documents')
        .select(['document_key', 'fingerprint'])
        .where('collection', '=', COLLECTION)
        .execute()
    ).map((r) => [r.document_key, r.fingerprint]),
  );

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
      await db.transaction().execute(async (trx) => {
        for (const c of changed)
          await writeCondition(trx, c, { actor, today, interval, runId: run.id }, recorded, report);
        await trx
          .updateTable('import_runs')
          .set({ units_done: i + 1, counts: JSON.stringify(runCounts(report)) })
          .where('id', '=', run.id)
          .execute();
      });
      report.batchesWritten++;
    }
    documentsDone += batch.reduce((n, c) => n + c.documents.length, 0);
    options.onProgress?.({ documentsDone, documentsTotal, batchesDone: i + 1, batchesTotal: batches.length });
  }
  await db
    .updateTable('import_runs')
    .set({
      status: 'finished',
      units_done: batches.length,
      counts: JSON.stringify(runCounts(report)),
      finished_at: nowIso(),
    })
    .where('id', '=', run.id)
    .execute();
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
  actor: string;
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
  trx: Trx,
  c: PlannedCondition,
): Promise<{ id: number; slug: string } | undefined> {
  const before = await trx
    .selectFrom('import_documents as d')
    .innerJoin('conditions as c', 'c.id', 'd.condition_id')
    .select(['c.id', 'c.slug'])
    .where(
      'd.document_key',
      'in',
      c.documents.map((d) => d.key),
    )
    .orderBy('c.id')
    .executeTakeFirst();
  if (before) return before;
  const bySlug = await trx
    .selectFrom('conditions')
    .select(['id', 'slug'])
    .where('slug', '=', c.slug)
    .executeTakeFirst();
  if (bySlug) return bySlug;
  const synonymSlugs = c.synonyms.map(slugify).filter(Boolean);
  if (synonymSlugs.length) {
    const mutual = await trx
      .selectFrom('condition_synonyms as s')
      .innerJoin('conditions as c', 'c.id', 's.condition_id')
      .select(['c.id', 'c.slug'])
      .where('s.slug', '=', c.slug)
      .where('c.slug', 'in', synonymSlugs)
      .orderBy('c.id')
      .execute();
    for (const m of mutual) {
      if (!c.cuis.length) break;
      const shared = await trx
        .selectFrom('condition_codes')
        .select('code')
        .where('condition_id', '=', m.id)
        .where('system', '=', 'umls')
        .where('code', 'in', c.cuis)
        .executeTakeFirst();
      if (shared) return m;
    }
  }
  return undefined;
}

/** Creates the condition, or adds the plan's synonyms and CUIs to the one found (never removes any). */
async function upsertPlannedCondition(
  trx: Trx,
  c: PlannedCondition,
  report: WriteReport,
): Promise<{ id: number; slug: string }> {
  const now = nowIso();
  const found = await findConditionFor(trx, c);
  let id: number;
  let slug: string;
  let changed = false;
  if (!found) {
    const codes = c.cuis.length ? { umls: c.cuis } : {};
    const ins = await trx
      .insertInto('conditions')
      .values({
        slug: c.slug,
        name: c.name,
        summary: '',
        codes: canonicalJson(codes),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = ins.id;
    slug = c.slug;
    report.conditions.added++;
  } else {
    ({ id, slug } = found);
  }
  const haveSynonyms = new Set(
    (await trx.selectFrom('condition_synonyms').select('slug').where('condition_id', '=', id).execute()).map(
      (r) => r.slug,
    ),
  );
  haveSynonyms.add(slug);
  const newSynonyms: { condition_id: number; name: string; slug: string }[] = [];
  for (const name of c.synonyms) {
    const s = slugify(name);
    if (!s || haveSynonyms.has(s)) continue;
    haveSynonyms.add(s);
    newSynonyms.push({ condition_id: id, name, slug: s });
  }
  for (let i = 0; i < newSynonyms.length; i += 200) {
    await trx
      .insertInto('condition_synonyms')
      .values(newSynonyms.slice(i, i + 200))
      .execute();
  }
  const haveCodes = new Set(
    (
      await trx
        .selectFrom('condition_codes')
        .select('code')
        .where('condition_id', '=', id)
        .where('system', '=', 'umls')
        .execute()
    ).map((r) => r.code),
  );
  const newCodes = c.cuis.filter((k) => !haveCodes.has(k));
  if (newCodes.length) {
    await trx
      .insertInto('condition_codes')
      .values(newCodes.map((code) => ({ condition_id: id, system: 'umls', code })))
      .execute();
    // conditions.codes mirrors condition_codes as JSON for readers of the whole row.
    const row = await trx
      .selectFrom('conditions')
      .select('codes')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const codes = JSON.parse(row.codes) as Record<string, unknown>;
    const umls = [
      ...new Set([...(Array.isArray(codes.umls) ? (codes.umls as string[]) : []), ...newCodes]),
    ].sort();
    await trx
      .updateTable('conditions')
      .set({ codes: canonicalJson({ ...codes, umls }), updated_at: now })
      .where('id', '=', id)
      .execute();
  }
  if (found) {
    changed = newSynonyms.length > 0 || newCodes.length > 0;
    report.conditions[changed ? 'updated' : 'unchanged']++;
  }
  return { id, slug };
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
  trx: Trx,
  c: PlannedCondition,
  ctx: WriteContext,
  recorded: Map<string, string>,
  report: WriteReport,
): Promise<void> {
  const condition = await upsertPlannedCondition(trx, c, report);
  const now = nowIso();
  const originKeys = c.answers.flatMap((a) => [a.originKey, ...a.duplicates.map((d) => d.originKey)]);
  const known = new Map<string, number>();
  for (let i = 0; i < originKeys.length; i += 500) {
    const rows = await trx
      .selectFrom('answer_origins')
      .select(['origin_key', 'answer_id'])
      .where('origin_key', 'in', originKeys.slice(i, i + 500))
      .execute();
    for (const r of rows) known.set(r.origin_key, r.answer_id);
  }
  const takenSlugs = new Set(
    (await trx.selectFrom('answers').select('slug').where('condition_id', '=', condition.id).execute()).map(
      (r) => r.slug,
    ),
  );

  for (const p of c.answers) {
    const existingId = known.get(p.originKey);
    let answerId: number;
    if (existingId !== undefined) {
      answerId = existingId;
      const row = await trx
        .selectFrom('answers as a')
        .innerJoin('revisions as r', 'r.id', 'a.current_revision_id')
        .select(['a.slug', 'a.state', 'a.published_revision_id', 'r.id as rev_id', 'r.content', 'r.author'])
        .where('a.id', '=', existingId)
        .executeTakeFirstOrThrow();
      const answer = finaliseAnswer(p, condition.slug, row.slug);
      if (row.content === canonicalJson(answer)) {
        report.answers.unchanged++;
      } else if (row.author !== ctx.actor) {
        report.keptLocalEdits++;
      } else {
        const rev = await insertRevision(trx, answerId, answer, ctx.actor, row.rev_id);
        const published = row.published_revision_id === row.rev_id;
        await trx
          .updateTable('answers')
          .set({
            current_revision_id: rev.id,
            ...(published ? { published_revision_id: rev.id } : {}),
            origin: canonicalJson(p.origin),
            updated_at: now,
          })
          .where('id', '=', answerId)
          .execute();
        await audit(trx, {
          actor: ctx.actor,
          action: 'import',
          entity: 'answer',
          entityId: answerId,
          from: row.state,
          to: row.state,
          hash: rev.hash,
          detail: { origin: p.originKey },
        });
        report.answers.updated++;
      }
    } else {
      let slug = '';
      for (const s of slugCandidates(p)) {
        if (!takenSlugs.has(s)) {
          slug = s;
          break;
        }
      }
      takenSlugs.add(slug);
      const answer = finaliseAnswer(p, condition.slug, slug);
      const ins = await trx
        .insertInto('answers')
        .values({
          condition_id: condition.id,
          slug,
          aspect: answer.aspect,
          state: 'published',
          origin: canonicalJson(p.origin),
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      answerId = ins.id;
      const rev = await insertRevision(trx, answerId, answer, ctx.actor, null);
      await trx
        .updateTable('answers')
        .set({ current_revision_id: rev.id, published_revision_id: rev.id })
        .where('id', '=', answerId)
        .execute();
      await trx
        .insertInto('answer_origins')
        .values(originRow(p.originKey, answerId, p.origin, p.qtype, 'answer', now))
        .execute();
      await trx
        .insertInto('review_schedule')
        .values({
          answer_id: answerId,
          due_on: staggeredDueDate(p.originKey, ctx.today, ctx.interval),
          owner: null,
          updated_at: now,
        })
        .execute();
      await audit(trx, {
        actor: ctx.actor,
        action: 'import',
        entity: 'answer',
        entityId: answerId,
        from: null,
        to: 'published',
        hash: rev.hash,
        detail: { origin: p.originKey },
      });
      report.answers.added++;
    }
    const links = p.duplicates.filter((d) => !known.has(d.originKey));
    if (links.length) {
      await trx
        .insertInto('answer_origins')
        .values(links.map((d) => originRow(d.originKey, answerId, d.origin, d.qtype, 'duplicate', now)))
        .execute();
    }
    report.duplicatesLinked += p.duplicates.length;
  }

  for (const d of c.documents) {
    const before = recorded.get(d.key);
    if (before === undefined) {
      await trx
        .insertInto('import_documents')
        .values({
          document_key: d.key,
          collection: COLLECTION,
          fingerprint: c.fingerprint,
          condition_id: condition.id,
          run_id: ctx.runId,
          imported_at: now,
        })
        .execute();
      report.documents.added++;
    } else if (before !== c.fingerprint) {
      await trx
        .updateTable('import_documents')
        .set({ fingerprint: c.fingerprint, condition_id: condition.id, run_id: ctx.runId, imported_at: now })
        .where('document_key', '=', d.key)
        .execute();
      report.documents.updated++;
    } else {
      report.documents.unchanged++;
    }
  }
  // Recorded only after commit matters for the next run; within this run each condition is written once.
  for (const d of c.documents) recorded.set(d.key, c.fingerprint);
}

function originRow(
  originKey: string,
  answerId: number,
  origin: PlannedAnswer['origin'],
  qtype: string,
  role: 'answer' | 'duplicate',
  now: string,
) {
  return {
    origin_key: originKey,
    answer_id: answerId,
    collection: origin.collection,
    publisher: origin.publisher,
    document_id: origin.documentId ?? '',
    pair_id: origin.pairId ?? '',
    qtype,
    url: origin.url ?? null,
    role,
    created_at: now,
  };
}
