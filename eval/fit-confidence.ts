/**
 * Fits the abstention confidence (src/search/confidence.ts) on the TUNE part of the real-question
 * evaluation only — MEDIQA-QA tune questions (top document relevant?), hand-labelled MeQSum tune
 * messages (top answer relevant?; none-in-corpus: never), drug-only tune messages (never) — and
 * chooses the default threshold on the same tune part with the evaluation's own rule
 * (eval/abstention.ts). Report-part messages are never read. Writes models/confidence.json.
 *
 *   npx tsx eval/fit-confidence.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AskEngine,
  CONFIDENCE_FEATURES,
  type ConfidenceModelFile,
  parseConfidenceModel,
} from '../src/search/index.js';
import { fitLogistic } from '../src/search/rqe-model.js';
import { chooseThreshold, THRESHOLD_RULE, THRESHOLDS, topIsRelevant, tradeoffRow } from './abstention.js';
import { repoRoot } from './data-dirs.js';
import { answerKeyOf } from './medquad-keys.js';
import { realSets } from './real.js';
import { splitOf } from './splits.js';
import { RANK_DEPTH, type Run } from './systems.js';

/** L2 penalty on the standardised weights (fixed, not tuned: a dozen features, a few hundred rows). */
const L2 = 1;

export function fitConfidence(log: (l: string) => void = console.log): ConfidenceModelFile {
  const sets = realSets();
  const engine = new AskEngine(sets.docs, { abstainThreshold: 0 });
  const features = new Map<string, number[] | null>();
  const runOf = new Map<string, Run>();
  const run = (text: string): Run => {
    let r = runOf.get(text);
    if (!r) {
      const a = engine.ask(text, { limit: RANK_DEPTH, threshold: 0, explain: true });
      const f = a.explain?.confidence.features;
      features.set(text, f && Object.keys(f).length ? CONFIDENCE_FEATURES.map((k) => f[k]!) : null);
      r = {
        answers: a.results.map((x) => answerKeyOf(x.origin)).filter((k): k is string => k !== null),
        top: null,
        hardAbstain: a.abstained && a.reason !== 'low-confidence',
        reason: a.reason,
        ms: 0,
      };
      runOf.set(text, r);
    }
    return r;
  };
  const tune = {
    answerable: [
      ...sets.qaItems.filter((q) => q.split === 'tune').map((q) => ({ ...q, level: 'document' as const })),
      ...sets.answerable.filter((q) => q.split === 'tune').map((q) => ({ ...q, level: 'answer' as const })),
    ],
    drug: sets.drug.filter((d) => splitOf('meqsum', d.file) === 'tune').map((d) => d.message.chq),
    none: sets.unanswerable.filter((l) => l.split === 'tune').map((l) => l.message.chq),
  };
  // One row per distinct text the engine would decide on with its confidence (hard rules aside).
  const rows: number[][] = [];
  const labels: number[] = [];
  const seen = new Set<string>();
  const addRow = (text: string, y: number) => {
    const r = run(text);
    const f = features.get(text);
    if (seen.has(text) || r.hardAbstain || !f || r.answers.length === 0) return;
    seen.add(text);
    rows.push(f);
    labels.push(y);
  };
  for (const q of tune.answerable) addRow(q.text, topIsRelevant(run(q.text), q.relevant, q.level) ? 1 : 0);
  for (const t of [...tune.drug, ...tune.none]) addRow(t, 0);
  const fit = fitLogistic(rows, labels, { l2: L2 });
  const provisional: ConfidenceModelFile = {
    kind: 'logistic-regression',
    version: 1,
    features: [...CONFIDENCE_FEATURES],
    ...fit,
    threshold: 0.5,
  };
  const model = parseConfidenceModel(provisional);
  const confidence = (text: string): number | null => {
    const f = features.get(text);
    return f
      ? model.probability(Object.fromEntries(CONFIDENCE_FEATURES.map((k, i) => [k, f[i]!])) as never)
      : null;
  };
  const withConfidence = (text: string): Run => ({ ...run(text), top: confidence(text) });
  const input = {
    answerable: tune.answerable.map((q) => ({
      run: withConfidence(q.text),
      relevant: q.relevant,
      level: q.level,
    })),
    drug: tune.drug.map(withConfidence),
    none: tune.none.map(withConfidence),
  };
  const table = THRESHOLDS.map((t) => tradeoffRow(input, t));
  const chosen = chooseThreshold(table);
  let logLoss = 0;
  rows.forEach((r, i) => {
    const p = model.probability(Object.fromEntries(CONFIDENCE_FEATURES.map((k, j) => [k, r[j]!])) as never);
    logLoss -= labels[i] ? Math.log(Math.max(1e-12, p)) : Math.log(Math.max(1e-12, 1 - p));
  });
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  const file: ConfidenceModelFile = {
    ...provisional,
    mean: fit.mean.map(r4),
    std: fit.std.map(r4),
    weights: fit.weights.map(r4),
    bias: r4(fit.bias),
    threshold: chosen.threshold,
    training: {
      fittedOn:
        'TUNE part only (eval/splits.ts): MEDIQA-QA tune questions, hand-labelled MeQSum tune messages, drug-only MeQSum tune messages; report-part messages never read',
      label:
        '1 when the engine’s top answer (MEDIQA-QA: top document) is relevant; drug-only and none-in-corpus messages 0',
      rows: rows.length,
      positives: labels.filter((y) => y === 1).length,
      excluded:
        'messages the rules abstain on (drug-only, no aspect, unknown words, nothing matched): the confidence never decides them',
      l2: L2,
      meanLogLoss: r4(logLoss / Math.max(1, rows.length)),
      thresholdRule: THRESHOLD_RULE,
      thresholds: THRESHOLDS,
      atThreshold: chosen,
      script: 'eval/fit-confidence.ts',
      date: new Date().toISOString().slice(0, 10),
    },
  };
  log(
    `confidence: ${rows.length} tune rows (${file.training!.positives} positive), log-loss ${file.training!.meanLogLoss}; threshold ${chosen.threshold} (tune utility ${chosen.utility}, answer rate ${chosen.answerRate}, precision ${chosen.precision}, drug-only abstain ${chosen.drugOnlyAbstain}, none abstain ${chosen.noneAbstain})`,
  );
  for (const row of table)
    log(
      `  t=${row.threshold.toFixed(2)} utility ${row.utility} answer ${row.answerRate} prec ${row.precision} drug ${row.drugOnlyAbstain} none ${row.noneAbstain}`,
    );
  log(
    `  weights: ${CONFIDENCE_FEATURES.map((f, i) => `${f} ${file.weights[i]}`).join(', ')}; bias ${file.bias}`,
  );
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = fitConfidence();
  writeFileSync(join(repoRoot, 'models', 'confidence.json'), `${JSON.stringify(file, null, 2)}\n`);
  console.log('written models/confidence.json');
}
