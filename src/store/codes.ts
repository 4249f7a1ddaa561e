/**
 * Condition codes in the store: listing them by system, and attaching codes in bulk. Attaching
 * goes through StoreTx's `upsertCondition`, the one write path for conditions.
 */
import { type CodeSystem, type ConditionCodes, isCodeSystem } from '../content/index.js';
import { countRows } from './count.js';
import { kyselyOf } from './kysely-store.js';
import type { Store } from './types.js';

export interface ConditionCodeRow {
  slug: string;
  name: string;
  system: CodeSystem;
  code: string;
}

export interface ConditionCodeListing {
  /** Every stored (condition, system, code), ordered by system, code, condition. */
  codes: ConditionCodeRow[];
  /** Conditions that have no code at all. */
  uncoded: { slug: string; name: string }[];
  conditions: number;
}

export async function listConditionCodes(store: Store): Promise<ConditionCodeListing> {
  const { db } = kyselyOf(store);
  const rows = await db
    .selectFrom('condition_codes as k')
    .innerJoin('conditions as c', 'c.id', 'k.condition_id')
    .select(['c.slug', 'c.name', 'k.system', 'k.code'])
    .orderBy('k.system')
    .orderBy('k.code')
    .orderBy('c.slug')
    .execute();
  const uncoded = await db
    .selectFrom('conditions as c')
    .select(['c.slug', 'c.name'])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb.selectFrom('condition_codes as k').select('k.code').whereRef('k.condition_id', '=', 'c.id'),
        ),
      ),
    )
    .orderBy('c.slug')
    .execute();
  const conditions = await countRows(db.selectFrom('conditions'));
  return {
    codes: rows.filter((r): r is ConditionCodeRow => isCodeSystem(r.system)),
    uncoded,
    conditions,
  };
}

export interface CodeAttachment {
  condition: string;
  system: CodeSystem;
  code: string;
}

export interface AttachReport {
  added: number;
  /** Already stored on that condition. */
  unchanged: number;
  /** Conditions that gained at least one code. */
  conditions: string[];
}

/** A condition slug the store does not hold; nothing was written. */
export class UnknownConditionError extends Error {
  constructor(readonly slugs: string[]) {
    super(`no such condition: ${slugs.join(', ')}`);
    this.name = 'UnknownConditionError';
  }
}

/**
 * Adds codes to conditions (never removes any), all or nothing: when any condition is unknown
 * nothing is written. Codes must already be valid and normalized (see `codeProblem`). One write
 * transaction, through the condition upsert of StoreTx.
 */
export function attachConditionCodes(
  store: Store,
  attachments: readonly CodeAttachment[],
): Promise<AttachReport> {
  return store.write('attach-codes', async (tx) => {
    const bySlug = new Map<string, CodeAttachment[]>();
    for (const a of attachments) bySlug.set(a.condition, [...(bySlug.get(a.condition) ?? []), a]);
    const found = await tx.conditionsBySlug([...bySlug.keys()]);
    const missing = [...bySlug.keys()].filter((s) => !found.some((c) => c.slug === s));
    if (missing.length) throw new UnknownConditionError(missing);
    const report: AttachReport = { added: 0, unchanged: 0, conditions: [] };
    for (const condition of found) {
      const codes: ConditionCodes = { ...condition.codes };
      let added = 0;
      for (const a of bySlug.get(condition.slug) ?? []) {
        const list = codes[a.system] ?? [];
        if (list.includes(a.code)) {
          report.unchanged++;
          continue;
        }
        codes[a.system] = [...list, a.code];
        added++;
      }
      if (!added) continue;
      await tx.upsertCondition({ ...condition, codes });
      report.added += added;
      report.conditions.push(condition.slug);
    }
    return report;
  });
}
