/**
 * What bulk imports (MedQuAD) record besides answers: runs (for resume), the fingerprint of each
 * imported document (for idempotence), and the condition rows they match or extend. Reached as
 * `tx.imports` inside a write, or through `store.write` for the run rows.
 */
import { canonicalJson, slugify } from '../content/index.js';
import { synonymsOf } from './rows.js';
import { TxPart } from './tx-part.js';

export interface ImportRun {
  id: number;
  unitsDone: number;
  unitsTotal: number;
}

export class ImportLedger extends TxPart {
  async runningRun(collection: string): Promise<ImportRun | null> {
    const r = await this.trx
      .selectFrom('import_runs')
      .selectAll()
      .where('collection', '=', collection)
      .where('status', '=', 'running')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return r ? { id: r.id, unitsDone: r.units_done, unitsTotal: r.units_total } : null;
  }

  /** Starts a run; any run of the collection still marked running becomes interrupted. */
  async startRun(collection: string, source: string, unitsTotal: number): Promise<number> {
    const run = await this.trx
      .insertInto('import_runs')
      .values({
        collection,
        source,
        status: 'running',
        units_total: unitsTotal,
        units_done: 0,
        counts: '{}',
        started_at: this.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.trx
      .updateTable('import_runs')
      .set({ status: 'interrupted' })
      .where('collection', '=', collection)
      .where('status', '=', 'running')
      .where('id', '<', run.id)
      .execute();
    return run.id;
  }

  async setRunProgress(runId: number, unitsDone: number, counts: unknown, finished = false): Promise<void> {
    await this.trx
      .updateTable('import_runs')
      .set({
        units_done: unitsDone,
        counts: JSON.stringify(counts),
        ...(finished ? { status: 'finished', finished_at: this.at } : {}),
      })
      .where('id', '=', runId)
      .execute();
  }

  async recordedDocuments(collection: string): Promise<Map<string, string>> {
    const rows = await this.trx
      .selectFrom('import_documents')
      .select(['document_key', 'fingerprint'])
      .where('collection', '=', collection)
      .execute();
    return new Map(rows.map((r) => [r.document_key, r.fingerprint]));
  }

  async recordDocument(
    d: { key: string; collection: string; fingerprint: string; conditionId: number; runId: number },
    isNew: boolean,
  ): Promise<void> {
    if (isNew) {
      await this.trx
        .insertInto('import_documents')
        .values({
          document_key: d.key,
          collection: d.collection,
          fingerprint: d.fingerprint,
          condition_id: d.conditionId,
          run_id: d.runId,
          imported_at: this.at,
        })
        .execute();
      return;
    }
    await this.trx
      .updateTable('import_documents')
      .set({ fingerprint: d.fingerprint, condition_id: d.conditionId, run_id: d.runId, imported_at: this.at })
      .where('document_key', '=', d.key)
      .execute();
  }

  /** The condition earlier imports of any of these documents went to. */
  conditionOfDocuments(keys: string[]) {
    return this.trx
      .selectFrom('import_documents as d')
      .innerJoin('conditions as c', 'c.id', 'd.condition_id')
      .select(['c.id', 'c.slug'])
      .where('d.document_key', 'in', keys)
      .orderBy('c.id')
      .executeTakeFirst();
  }

  conditionBySlug(slug: string) {
    return this.trx
      .selectFrom('conditions')
      .select(['id', 'slug'])
      .where('slug', '=', slug)
      .executeTakeFirst();
  }

  /** Conditions among `slugs` that list `slug` as a synonym. */
  conditionsNaming(slug: string, slugs: string[]) {
    return this.trx
      .selectFrom('condition_synonyms as s')
      .innerJoin('conditions as c', 'c.id', 's.condition_id')
      .select(['c.id', 'c.slug'])
      .where('s.slug', '=', slug)
      .where('c.slug', 'in', slugs)
      .orderBy('c.id')
      .execute();
  }

  async sharesCode(conditionId: number, system: string, codes: string[]): Promise<boolean> {
    const shared = await this.trx
      .selectFrom('condition_codes')
      .select('code')
      .where('condition_id', '=', conditionId)
      .where('system', '=', system)
      .where('code', 'in', codes)
      .executeTakeFirst();
    return Boolean(shared);
  }

  async insertCondition(c: { slug: string; name: string; codes: Record<string, unknown> }): Promise<number> {
    const ins = await this.trx
      .insertInto('conditions')
      .values({
        slug: c.slug,
        name: c.name,
        summary: '',
        codes: canonicalJson(c.codes),
        created_at: this.at,
        updated_at: this.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ins.id;
  }

  /** Adds the synonyms the condition lacks (by slug; never its own slug). Returns how many. */
  async addSynonyms(conditionId: number, ownSlug: string, names: string[]): Promise<number> {
    const have = new Set((await synonymsOf(this.trx, conditionId)).map((r) => r.slug));
    have.add(ownSlug);
    const rows: { condition_id: number; name: string; slug: string }[] = [];
    for (const name of names) {
      const s = slugify(name);
      if (!s || have.has(s)) continue;
      have.add(s);
      rows.push({ condition_id: conditionId, name, slug: s });
    }
    for (let i = 0; i < rows.length; i += 200) {
      await this.trx
        .insertInto('condition_synonyms')
        .values(rows.slice(i, i + 200))
        .execute();
    }
    return rows.length;
  }

  /** Adds the codes of `system` the condition lacks, mirrored in conditions.codes. Returns how many. */
  async addCodes(conditionId: number, system: string, codes: string[]): Promise<number> {
    const have = new Set(
      (
        await this.trx
          .selectFrom('condition_codes')
          .select('code')
          .where('condition_id', '=', conditionId)
          .where('system', '=', system)
          .execute()
      ).map((r) => r.code),
    );
    const added = codes.filter((k) => !have.has(k));
    if (!added.length) return 0;
    await this.trx
      .insertInto('condition_codes')
      .values(added.map((code) => ({ condition_id: conditionId, system, code })))
      .execute();
    // conditions.codes mirrors condition_codes as JSON for readers of the whole row.
    const row = await this.trx
      .selectFrom('conditions')
      .select('codes')
      .where('id', '=', conditionId)
      .executeTakeFirstOrThrow();
    const json = JSON.parse(row.codes) as Record<string, unknown>;
    const merged = [
      ...new Set([...(Array.isArray(json[system]) ? (json[system] as string[]) : []), ...added]),
    ].sort();
    await this.trx
      .updateTable('conditions')
      .set({ codes: canonicalJson({ ...json, [system]: merged }), updated_at: this.at })
      .where('id', '=', conditionId)
      .execute();
    return added.length;
  }
}
