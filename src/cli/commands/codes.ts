/**
 * `medbrief codes`: condition codes in the store. `list` by system, `find <code>` (with ICD-10-CM
 * parent fallback, as /api/v1/connect does), `missing` (conditions without codes), and
 * `import <file.tsv>` to attach codes in bulk, all or nothing.
 */

import { readFileSync } from 'node:fs';
import {
  CODE_SYSTEM_INFO,
  CODE_SYSTEMS,
  type CodeSystem,
  type Condition,
  codePairs,
  codeProblem,
  decodeUtf8,
  icd10Parents,
  isCodeSystem,
  normalizeCode,
} from '../../content/index.js';
import { parseCodesTsv } from '../../import/codes/tsv.js';
import {
  attachConditionCodes,
  type ConditionCodeListing,
  type ConditionCodeRow,
  listConditionCodes,
} from '../../store/index.js';
import { CliError, EXIT_FAILURE, EXIT_PROBLEMS, openCliStore, printProblems } from '../shared.js';

/** "icd10cm 9, snomedct 9, …" over a set of conditions; "no codes" when none. */
export function codeSummary(conditions: readonly Condition[]): string {
  const counts = new Map<CodeSystem, number>();
  let uncoded = 0;
  for (const c of conditions) {
    const systems = new Set(codePairs(c.codes).map((p) => p.system));
    if (!systems.size) uncoded++;
    for (const s of systems) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const parts = CODE_SYSTEMS.filter((s) => counts.has(s)).map((s) => `${s} ${counts.get(s)}`);
  if (uncoded) parts.push(`${uncoded} without codes`);
  return parts.length ? `codes: ${parts.join(', ')}` : 'no codes';
}

function systemOption(raw: string | undefined): CodeSystem | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim().toLowerCase();
  if (!isCodeSystem(s)) {
    throw new CliError(
      `unknown code system "${raw}"`,
      EXIT_FAILURE,
      `use one of: ${CODE_SYSTEMS.join(', ')}`,
    );
  }
  return s;
}

/** Opens the store, reads every code, runs `fn`, and closes the store. */
async function withCodes<T>(
  db: string,
  fn: (listing: ConditionCodeListing, store: Awaited<ReturnType<typeof openCliStore>>) => Promise<T>,
): Promise<T> {
  const store = await openCliStore(db, { mustExist: true });
  try {
    return await fn(await listConditionCodes(store), store);
  } finally {
    await store.close();
  }
}

function printRows(rows: readonly ConditionCodeRow[]): void {
  const width = Math.max(4, ...rows.map((r) => r.code.length));
  const slugWidth = Math.max(9, ...rows.map((r) => r.slug.length));
  for (const r of rows) console.log(`  ${r.code.padEnd(width)}  ${r.slug.padEnd(slugWidth)}  ${r.name}`);
}

export async function runCodesList(opts: { db: string; system?: string; json?: boolean }) {
  const system = systemOption(opts.system);
  await withCodes(opts.db, async (listing) => {
    const rows = listing.codes.filter((r) => !system || r.system === system);
    if (opts.json) {
      console.log(JSON.stringify(rows, null, 2));
      return;
    }
    for (const s of CODE_SYSTEMS) {
      const of = rows.filter((r) => r.system === s);
      if (!of.length) continue;
      const conditions = new Set(of.map((r) => r.slug)).size;
      console.log(
        `${s} — ${CODE_SYSTEM_INFO[s].name}: ${of.length} ${of.length === 1 ? 'code' : 'codes'} on ${conditions} ${conditions === 1 ? 'condition' : 'conditions'}`,
      );
      printRows(of);
    }
    const coded = listing.conditions - listing.uncoded.length;
    console.log(
      `${coded} of ${listing.conditions} conditions have codes` +
        (listing.uncoded.length ? `; ${listing.uncoded.length} have none (medbrief codes missing)` : ''),
    );
  });
}

export async function runCodesFind(raw: string, opts: { db: string; system?: string; json?: boolean }) {
  const only = systemOption(opts.system);
  const systems = (only ? [only] : [...CODE_SYSTEMS]).filter((s) => !codeProblem(s, normalizeCode(s, raw)));
  if (!systems.length) {
    const why = only ? codeProblem(only, normalizeCode(only, raw)) : 'is not a valid code in any system';
    throw new CliError(`"${raw.slice(0, 80)}" ${why}`, EXIT_FAILURE, `systems: ${CODE_SYSTEMS.join(', ')}`);
  }
  return withCodes(opts.db, async (listing) => {
    const found: (ConditionCodeRow & { requested: string; parent: boolean })[] = [];
    for (const system of systems) {
      const code = normalizeCode(system, raw);
      const tries = [code, ...(system === 'icd10cm' ? icd10Parents(code) : [])];
      for (const t of tries) {
        const hits = listing.codes.filter((r) => r.system === system && r.code === t);
        if (hits.length) {
          found.push(...hits.map((h) => ({ ...h, requested: code, parent: t !== code })));
          break;
        }
      }
    }
    if (opts.json) console.log(JSON.stringify(found, null, 2));
    else if (!found.length)
      console.log(`no condition has ${systems.map((s) => `${s} ${normalizeCode(s, raw)}`).join(' or ')}`);
    else {
      for (const f of found) {
        const via = f.parent ? ` (parent of ${f.requested})` : '';
        console.log(`${f.system} ${f.code}${via}: ${f.slug} — ${f.name}`);
      }
    }
    return found.length ? 0 : EXIT_PROBLEMS;
  });
}

export async function runCodesMissing(opts: { db: string; system?: string; json?: boolean }) {
  const system = systemOption(opts.system);
  await withCodes(opts.db, async (listing, store) => {
    let missing = listing.uncoded;
    if (system) {
      const have = new Set(listing.codes.filter((r) => r.system === system).map((r) => r.slug));
      const all = await store.listConditions();
      missing = all.filter((c) => !have.has(c.slug)).map((c) => ({ slug: c.slug, name: c.name }));
    }
    if (opts.json) console.log(JSON.stringify(missing, null, 2));
    else {
      for (const m of missing) console.log(`${m.slug}\t${m.name}`);
      console.error(
        `${missing.length} of ${listing.conditions} conditions have no ${system ? `${system} ` : ''}code`,
      );
    }
  });
}

export async function runCodesImport(file: string, opts: { db: string; dryRun?: boolean }) {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`cannot read ${file}: ${(err as Error).message}`, EXIT_FAILURE);
  }
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') {
    printProblems([text]);
    return EXIT_PROBLEMS;
  }
  const { rows, problems } = parseCodesTsv(text, file);
  if (problems.length) {
    printProblems(problems);
    console.error('nothing was imported');
    return EXIT_PROBLEMS;
  }
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const known = new Set((await store.listConditions()).map((c) => c.slug));
    const unknown = rows.filter((r) => !known.has(r.condition));
    if (unknown.length) {
      printProblems(
        unknown.map((r) => ({
          code: 'unknown-condition',
          message: `no condition "${r.condition}" in the store`,
          file,
          line: r.line,
          column: 1,
          hint: 'import the condition first, or fix the slug (medbrief codes missing lists slugs)',
        })),
      );
      console.error('nothing was imported');
      return EXIT_PROBLEMS;
    }
    if (opts.dryRun) {
      console.log(
        `${file}: ${rows.length} codes for ${new Set(rows.map((r) => r.condition)).size} conditions are valid (dry run, nothing written)`,
      );
      return;
    }
    const report = await attachConditionCodes(
      store,
      rows.map(({ condition, system, code }) => ({ condition, system, code })),
    );
    console.log(
      `${file}: ${report.added} codes added to ${report.conditions.length} conditions, ${report.unchanged} already present`,
    );
  } finally {
    await store.close();
  }
}
