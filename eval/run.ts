/**
 * `npm run eval`: the real-question evaluation (eval/real.ts) — MEDIQA-QA, MeQSum, RQE, with
 * default-settings peers in the same run, report part vs tune part — then, last and labelled as
 * such, the generated dev set as a regression check for typos and synonyms, and the red-flag lists.
 * Writes eval/results/real.json, eval/results/README.md and eval/results/dev.json.
 *
 * EVAL_PEERS=sqlite-fts5,minisearch limits the peers (all three by default). Peer rankings are
 * cached in .eval-cache/peers/ (keyed by corpus, library version and question); EVAL_NO_CACHE=1
 * recomputes them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ASK_DEFAULTS, AskEngine, detectRedFlag } from '../src/search/index.js';
import { EMERGENCY_QUESTIONS, NON_EMERGENCY_QUESTIONS } from '../test/search/red-flag-questions.js';
import { fts5Baseline } from './baselines.js';
import { repoRoot, requireDataDir } from './data-dirs.js';
import { buildDevSet } from './dev-set.js';
import { medquadDocuments } from './medquad-docs.js';
import { binaryMetrics, rankingMetrics } from './metrics.js';
import { runRealEvaluation } from './real.js';
import { renderMarkdown, renderText } from './report.js';

/** The generated dev set: our engine and FTS5 on questions with typos and lay words. */
function devRegression() {
  const all = medquadDocuments(requireDataDir('medquad'));
  const { indexed, questions } = buildDevSet(all, { answerable: Number(process.env.EVAL_QUESTIONS ?? 400) });
  const engine = new AskEngine(indexed);
  const fts = fts5Baseline(indexed);
  const answerable = questions.filter((q) => q.kind === 'answerable');
  const ours = questions.map((q) => ({ q, r: engine.ask(q.question, { limit: 10 }) }));
  const rel = (ids: string[]) => new Set(ids);
  const abstained = (kind: string) => {
    const xs = ours.filter((o) => o.q.kind === kind);
    return Math.round((xs.filter((o) => o.r.abstained).length / Math.max(1, xs.length)) * 10_000) / 10_000;
  };
  const redFlags = binaryMetrics([
    ...EMERGENCY_QUESTIONS.map((q) => ({ predicted: detectRedFlag(q) !== null, actual: true })),
    ...NON_EMERGENCY_QUESTIONS.map((q) => ({ predicted: detectRedFlag(q) !== null, actual: false })),
  ]);
  return {
    note: 'generated from MedQuAD questions by eval/dev-set.ts: a regression check for typos and synonyms, not a measure of real questions',
    indexed: indexed.length,
    questions: { answerable: answerable.length, shouldAbstain: questions.length - answerable.length },
    medbriefWithAbstention: rankingMetrics(
      ours
        .filter((o) => o.q.kind === 'answerable')
        .map((o) => ({ ranked: o.r.results.map((x) => x.answerId), relevant: rel(o.q.relevant) })),
    ),
    sqliteFts5: rankingMetrics(
      answerable.map((q) => ({ ranked: fts.search(q.question, 10), relevant: rel(q.relevant) })),
    ),
    abstainRateAtDefault: {
      threshold: ASK_DEFAULTS.abstainThreshold,
      answerable: abstained('answerable'),
      heldOut: abstained('held-out'),
      offTopic: abstained('off-topic'),
    },
    redFlags: {
      emergency: EMERGENCY_QUESTIONS.length,
      nonEmergency: NON_EMERGENCY_QUESTIONS.length,
      ...redFlags,
    },
  };
}

export async function main(): Promise<void> {
  const peers = process.env.EVAL_PEERS?.split(',').map((s) => s.trim());
  const real = await runRealEvaluation({
    peers,
    cacheDir: process.env.EVAL_NO_CACHE ? null : join(repoRoot, '.eval-cache', 'peers'),
    log: (l) => console.log(l),
  });
  console.log(renderText(real));

  const dev = devRegression();
  const devLines = [
    `${dev.questions.answerable} answerable generated questions, ${dev.questions.shouldAbstain} that should abstain, on ${dev.indexed} answers.`,
    `MedBrief (abstention on) P@1 ${dev.medbriefWithAbstention.p1}, MRR@10 ${dev.medbriefWithAbstention.mrr10}; SQLite FTS5 P@1 ${dev.sqliteFts5.p1}, MRR@10 ${dev.sqliteFts5.mrr10}.`,
    `Abstained at ${dev.abstainRateAtDefault.threshold}: answerable ${dev.abstainRateAtDefault.answerable}, held-out conditions ${dev.abstainRateAtDefault.heldOut}, off-topic ${dev.abstainRateAtDefault.offTopic}.`,
    `Red flags: precision ${dev.redFlags.precision}, recall ${dev.redFlags.recall} (${dev.redFlags.emergency} emergency, ${dev.redFlags.nonEmergency} not).`,
  ];
  console.log(`\n== REGRESSION ONLY (not real questions): generated dev set\n${devLines.join('\n')}`);

  const dir = join(repoRoot, 'eval', 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'real.json'), `${JSON.stringify(real, null, 2)}\n`);
  writeFileSync(join(dir, 'dev.json'), `${JSON.stringify({ date: real.date, ...dev }, null, 2)}\n`);
  writeFileSync(join(dir, 'README.md'), renderMarkdown(real, devLines.join('\n\n')));
  console.log('\nwritten eval/results/real.json, eval/results/README.md, eval/results/dev.json');
}

await main();
