/**
 * `medbrief import medquad <dir>`: the MedQuAD collection (or some of its publishers) into the
 * store, in crash-safe batches with a progress bar.
 */
import { existsSync, statSync } from 'node:fs';
import { SingleBar } from 'cli-progress';
import pc from 'picocolors';
import { importMedquad, type MedquadImportResult, type WriteProgress } from '../../import/medquad/index.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS, openCliStore } from '../shared.js';

const fmt = (n: number) => n.toLocaleString('en-US');

/** A bar on a terminal; elsewhere (CI logs, pipes) a line every 10 % so logs stay readable. */
function progressReporter(stream: NodeJS.WriteStream = process.stderr) {
  if (stream.isTTY) {
    const bar = new SingleBar(
      {
        format:
          'importing |{bar}| {percentage}% {value}/{total} documents · {rate} docs/s · ETA {eta_formatted}',
        stream,
        hideCursor: true,
        etaBuffer: 20,
      },
      { format: '', barCompleteChar: '█', barIncompleteChar: '░' },
    );
    let started = Date.now();
    let begun = false;
    return {
      /** Writing starts after reading and planning: rates and ETAs count from here. */
      begin: () => {
        started = Date.now();
      },
      update(p: WriteProgress) {
        if (!begun) {
          bar.start(p.documentsTotal, 0, { rate: '0' });
          begun = true;
        }
        const rate = p.documentsDone / Math.max((Date.now() - started) / 1000, 0.001);
        bar.update(p.documentsDone, { rate: fmt(Math.round(rate)) });
      },
      stop: () => begun && bar.stop(),
    };
  }
  let started = Date.now();
  let nextPercent = 10;
  return {
    begin: () => {
      started = Date.now();
    },
    update(p: WriteProgress) {
      const percent = (100 * p.documentsDone) / Math.max(p.documentsTotal, 1);
      if (percent + 1e-9 < nextPercent && p.documentsDone !== p.documentsTotal) return;
      nextPercent = Math.floor(percent / 10) * 10 + 10;
      const seconds = (Date.now() - started) / 1000;
      const rate = p.documentsDone / Math.max(seconds, 0.001);
      const eta = rate > 0 ? (p.documentsTotal - p.documentsDone) / rate : 0;
      stream.write(
        `importing: ${fmt(p.documentsDone)}/${fmt(p.documentsTotal)} documents (${Math.round(percent)}%), ` +
          `${fmt(Math.round(rate))} docs/s, ETA ${Math.round(eta)} s\n`,
      );
    },
    stop() {},
  };
}

export function formatMedquadReport(r: MedquadImportResult, seconds: number): string {
  const p = r.plan;
  const w = r.write;
  const lines: string[] = [];
  if (w.resumed) {
    lines.push(
      pc.yellow(
        `Resumed after interrupted run #${w.resumed.runId} (${w.resumed.batchesDone} of ${w.resumed.batchesTotal} batches had been committed).`,
      ),
    );
  }
  lines.push(
    `Read ${fmt(r.files)} files: ${fmt(p.documents)} documents, ${fmt(p.pairs)} question–answer pairs, ${fmt(p.synonymsRead)} synonyms.`,
    `Skipped ${fmt(p.emptyAnswers)} empty answers; linked ${fmt(p.duplicatesLinked)} duplicated answers to the answer they repeat.`,
    `Clean-up: white space in ${fmt(p.cleanup.whitespace)} answers, ${fmt(p.cleanup.bullets)} bullets made list items, ` +
      `${fmt(p.cleanup.questionArtefacts)} question artefacts removed, ${fmt(p.cleanup.entities)} HTML entities decoded, ` +
      `focus derived for ${fmt(p.focusDerived)} documents.`,
    `Conditions: ${fmt(w.conditions.added)} added, ${fmt(w.conditions.updated)} updated, ${fmt(w.conditions.unchanged)} unchanged.`,
    `Answers:    ${fmt(w.answers.added)} added, ${fmt(w.answers.updated)} updated, ${fmt(w.answers.unchanged)} unchanged` +
      (w.keptLocalEdits ? `, ${fmt(w.keptLocalEdits)} edited here and kept.` : '.'),
  );
  if (w.answers.added + w.answers.updated + w.conditions.added + w.conditions.updated === 0) {
    lines.push(pc.green('Nothing changed: the store already holds this import.'));
  }
  lines.push(`Done in ${seconds.toFixed(1)} s (${w.batchesWritten} of ${w.batches} batches written).`);
  if (p.problems.length) {
    lines.push(pc.red(`\n${p.problems.length} documents not imported:`));
    for (const x of p.problems) lines.push(`  ${x.file}: <${x.element}>: ${x.message}`);
  }
  return lines.join('\n');
}

export interface ImportMedquadOptions {
  db: string;
  sources?: string;
  batch: string;
  progress: boolean;
}

export async function runImportMedquad(dir: string, opts: ImportMedquadOptions): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new CliError(
      `${dir} is not a folder`,
      undefined,
      'pass the MedQuAD folder, e.g. ../shared/data/medquad',
    );
  }
  const batch = Number(opts.batch);
  if (!Number.isInteger(batch) || batch < 1)
    throw new CliError(`--batch must be a positive whole number, not "${opts.batch}"`);
  const sources = opts.sources
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const store = await openCliStore(opts.db);
  const progress = opts.progress ? progressReporter() : null;
  const started = Date.now();
  try {
    const result = await importMedquad(store, dir, {
      sources,
      batchDocuments: batch,
      onPlanned: () => progress?.begin(),
      onProgress: progress ? (p) => progress.update(p) : undefined,
    });
    progress?.stop();
    console.log(formatMedquadReport(result, (Date.now() - started) / 1000));
    return result.plan.problems.length ? EXIT_PROBLEMS : EXIT_OK;
  } finally {
    progress?.stop();
    await store.close();
  }
}
