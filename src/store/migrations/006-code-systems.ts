import { type Migration, sql } from 'kysely';
import { canonicalJson } from '../../content/hash.js';

export function m006CodeSystems(): Migration {
  return {
    // Condition codes gain named systems (icd10 → icd10cm) and every system holds a list.
    async up(db) {
      await sql`UPDATE condition_codes SET system = 'icd10cm' WHERE system = 'icd10'`.execute(db);
      const rows = await sql<{ id: number; codes: string }>`SELECT id, codes FROM conditions`.execute(db);
      for (const row of rows.rows) {
        const next = migratedCodes(row.codes);
        if (next !== row.codes) {
          await sql`UPDATE conditions SET codes = ${next} WHERE id = ${row.id}`.execute(db);
        }
      }
    },
  };
}

/** The stored codes JSON in the 006 shape: legacy names renamed, every value a sorted-key list. */
export function migratedCodes(json: string): string {
  let codes: Record<string, unknown>;
  try {
    codes = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  if (!codes || typeof codes !== 'object' || Array.isArray(codes)) return json;
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(codes)) {
    const system = key === 'icd10' ? 'icd10cm' : key;
    const list = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== '').map(String);
    out[system] = [...new Set([...(out[system] ?? []), ...list])];
  }
  return canonicalJson(out);
}
