/**
 * The MedQuAD import as one call: read every XML file under a folder, plan, write in batches.
 * Reading and planning are pure and take about 3 s for the whole collection; only the write
 * touches the store.
 */
import { relative } from 'node:path';
import type { Store } from '../../store/index.js';
import {
  isMedquadProblem,
  listMedquadFiles,
  type MedquadDocument,
  type MedquadProblem,
  readMedquadFile,
} from './parse.js';
import { type ImportPlan, type PlanReport, planMedquadImport } from './plan.js';
import { type WriteOptions, type WriteReport, writeMedquadPlan } from './write.js';

export interface MedquadImportOptions extends WriteOptions {
  /** Only documents whose `source` attribute is one of these publisher codes (e.g. GHR, GARD). */
  sources?: string[];
  tldrWords?: number;
  /** Called once files are read and planned, before anything is written. */
  onPlanned?: (plan: ImportPlan) => void;
}

export interface MedquadImportResult {
  files: number;
  plan: PlanReport;
  write: WriteReport;
  conditionsPlanned: number;
  answersPlanned: number;
}

/** Reads and plans (no store): for dry runs, tests and benchmarks. */
export function readAndPlanMedquad(
  dir: string,
  options: Pick<MedquadImportOptions, 'sources' | 'tldrWords'> = {},
) {
  const files = listMedquadFiles(dir);
  const wanted = options.sources?.length ? new Set(options.sources.map((s) => s.toLowerCase())) : null;
  const fileOf = new Map<MedquadDocument, string>();
  const parsed: (MedquadDocument | MedquadProblem)[] = [];
  for (const file of files) {
    const doc = readMedquadFile(file);
    const shown = relative(dir, file) || file;
    if (isMedquadProblem(doc)) {
      parsed.push({ ...doc, file: shown });
      continue;
    }
    if (wanted && !wanted.has(doc.source.toLowerCase())) continue;
    fileOf.set(doc, shown);
    parsed.push(doc);
  }
  const plan = planMedquadImport(parsed, {
    tldrWords: options.tldrWords,
    fileOf: (d) => fileOf.get(d) ?? d.id,
  });
  return { files: files.length, plan };
}

export async function importMedquad(
  store: Store,
  dir: string,
  options: MedquadImportOptions = {},
): Promise<MedquadImportResult> {
  const { files, plan } = readAndPlanMedquad(dir, options);
  options.onPlanned?.(plan);
  const write = await writeMedquadPlan(store, plan, { source: dir, ...options });
  return {
    files,
    plan: plan.report,
    write,
    conditionsPlanned: plan.conditions.length,
    answersPlanned: plan.conditions.reduce((n, c) => n + c.answers.length, 0),
  };
}
