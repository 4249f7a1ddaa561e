/**
 * `npm run eval`: question-answering evaluation on the generated MedQuAD dev set, the MEDIQA RQE
 * validation set and the red-flag question lists, with default-BM25 baselines in the same run.
 * Prints a table and writes eval/results/dev.json.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  AskEngine,
  DEFAULT_ABSTAIN_THRESHOLD,
  detectRedFlag,
  loadShippedRqeModel,
} from '../src/search/index.js';
import { EMERGENCY_QUESTIONS, NON_EMERGENCY_QUESTIONS } from '../test/search/red-flag-questions.js';
import { type Baseline, fts5Baseline, miniSearchBaseline, oramaBaseline } from './baselines.js';
import { buildDevSet } from './dev-set.js';
import { medquadDocuments } from './medquad-docs.js';
import { binaryMetrics, type RankingMetrics, rankingMetrics } from './metrics.js';
import { defaultRqeDir, readRqeSets } from './rqe-data.js';

const repoRoot = resolve(import.meta.dirname, '..');

function pad(s: string | number, n: number): string {
  return String(s).padEnd(n);
}

export async function main(): Promise<void> {
  const medquad = process.env.MEDQUAD_DIR ?? join(repoRoot, '..', 'shared', 'data', 'medquad');
  const all = medquadDocuments(medquad);
  // 800 answerable questions keep the run to a few minutes: MiniSearch and Orama take 0.1–0.5 s
  // per long consumer question on the full corpus. EVAL_QUESTIONS raises it.
  const { indexed, questions } = buildDevSet(all, { answerable: Number(process.env.EVAL_QUESTIONS ?? 800) });
  const answerable = questions.filter((q) => q.kind === 'answerable');
  console.log(
    `corpus ${all.length} answers; indexed ${indexed.length}; questions: ${answerable.length} answerable, ${questions.length - answerable.length} should abstain`,
  );

  let t = performance.now();
  const engine = new AskEngine(indexed, { abstainThreshold: 0 });
  const oursBuildMs = performance.now() - t;

  // Our ranking (abstention off, so ranking quality is compared like for like) and top scores.
  t = performance.now();
  const ours = questions.map((q) => {
    const r = engine.ask(q.question, { limit: 10 });
    return {
      q,
      ranked: r.results.map((x) => x.answerId),
      top: r.results[0]?.score ?? 0,
      hardAbstain: r.abstained,
    };
  });
  const oursMsPerQuery = (performance.now() - t) / questions.length;
  console.log(`medbrief: built in ${Math.round(oursBuildMs)} ms, ${oursMsPerQuery.toFixed(2)} ms/query`);
  const rel = (ids: string[]) => new Set(ids);
  const results: Record<string, RankingMetrics & { buildMs: number; msPerQuery: number }> = {
    medbrief: {
      ...rankingMetrics(
        ours
          .filter((o) => o.q.kind === 'answerable')
          .map((o) => ({ ranked: o.ranked, relevant: rel(o.q.relevant) })),
      ),
      buildMs: Math.round(oursBuildMs),
      msPerQuery: Math.round(oursMsPerQuery * 100) / 100,
    },
  };

  const baselines: Baseline[] = [];
  for (const make of [miniSearchBaseline, fts5Baseline, oramaBaseline]) {
    const b = await make(indexed);
    console.log(`${b.name}: built in ${Math.round(b.buildMs)} ms`);
    baselines.push(b);
  }
  // Orama answers a long consumer question in ~1 s on this corpus, so it runs on a fixed sample
  // (the first ORAMA_SAMPLE answerable questions), and MedBrief is reported on the same sample.
  const oramaSample = Number(process.env.ORAMA_SAMPLE ?? 120);
  for (const b of baselines) {
    t = performance.now();
    const qs = b.name === 'orama' ? answerable.slice(0, oramaSample) : answerable;
    const runs = qs.map((q) => ({ ranked: b.search(q.question, 10), relevant: rel(q.relevant) }));
    const ms = (performance.now() - t) / qs.length;
    console.log(`${b.name}: ${ms.toFixed(1)} ms/query over ${qs.length} questions`);
    results[b.name === 'orama' ? `orama@${qs.length}` : b.name] = {
      ...rankingMetrics(runs),
      buildMs: Math.round(b.buildMs),
      msPerQuery: Math.round(ms * 100) / 100,
    };
  }
  const sampleIds = new Set(answerable.slice(0, oramaSample).map((q) => q.id));
  results[`medbrief@${sampleIds.size}`] = {
    ...rankingMetrics(
      ours
        .filter((o) => sampleIds.has(o.q.id))
        .map((o) => ({ ranked: o.ranked, relevant: rel(o.q.relevant) })),
    ),
    buildMs: results.medbrief!.buildMs,
    msPerQuery: results.medbrief!.msPerQuery,
  };

  // Abstention: sweep the threshold; report the shipped default and the best-F1 one.
  const abstainAt = (threshold: number) =>
    binaryMetrics(
      ours.map((o) => ({ predicted: o.hardAbstain || o.top < threshold, actual: o.q.kind !== 'answerable' })),
    );
  const sweep = Array.from({ length: 41 }, (_, i) => i * 0.025).map((th) => {
    const m = abstainAt(th);
    const f1 = m.precision + m.recall === 0 ? 0 : (2 * m.precision * m.recall) / (m.precision + m.recall);
    const answeredCorrect = ours.filter(
      (o) =>
        o.q.kind === 'answerable' &&
        !(o.hardAbstain || o.top < th) &&
        o.q.relevant.includes(o.ranked[0] ?? ''),
    ).length;
    return {
      threshold: Math.round(th * 1000) / 1000,
      f1: Math.round(f1 * 10_000) / 10_000,
      p1WithAbstention: Math.round((answeredCorrect / answerable.length) * 10_000) / 10_000,
      ...m,
    };
  });
  const bestF1 = [...sweep].sort((a, b) => b.f1 - a.f1)[0]!;
  const atDefault = sweep.find((s) => Math.abs(s.threshold - DEFAULT_ABSTAIN_THRESHOLD) < 1e-9) ?? {
    threshold: DEFAULT_ABSTAIN_THRESHOLD,
    ...abstainAt(DEFAULT_ABSTAIN_THRESHOLD),
  };
  const byKind = (kind: string, th: number) => {
    const xs = ours.filter((o) => o.q.kind === kind);
    return (
      Math.round((xs.filter((o) => o.hardAbstain || o.top < th).length / Math.max(1, xs.length)) * 10_000) /
      10_000
    );
  };

  // RQE: the shipped model's own training summary (grouped CV) plus resubstitution for reference.
  const model = loadShippedRqeModel();
  const rqeFile = JSON.parse(readFileSync(join(repoRoot, 'models', 'rqe.json'), 'utf8')) as {
    training?: Record<string, unknown>;
  };
  const { validation } = readRqeSets(defaultRqeDir(repoRoot));
  const resub = binaryMetrics(
    validation.map((p) => ({ predicted: model.entail(p.chq, p.faq).entails, actual: p.entails })),
  );

  const redFlags = binaryMetrics([
    ...EMERGENCY_QUESTIONS.map((q) => ({ predicted: detectRedFlag(q) !== null, actual: true })),
    ...NON_EMERGENCY_QUESTIONS.map((q) => ({ predicted: detectRedFlag(q) !== null, actual: false })),
  ]);

  // Ratios against the baselines run on every question (MiniSearch, FTS5); Orama's sample is in the table.
  const full = ['minisearch', 'sqlite-fts5'];
  const best = Math.max(...full.map((n) => results[n]!.p1));
  const bestMrr = Math.max(...full.map((n) => results[n]!.mrr10));
  const report = {
    date: new Date().toISOString(),
    corpus: { answers: all.length, indexed: indexed.length },
    questions: {
      answerable: answerable.length,
      heldOut: ours.filter((o) => o.q.kind === 'held-out').length,
      offTopic: ours.filter((o) => o.q.kind === 'off-topic').length,
    },
    ranking: results,
    ratioToBestBaseline: {
      p1: Math.round((results.medbrief!.p1 / Math.max(1e-9, best)) * 100) / 100,
      mrr10: Math.round((results.medbrief!.mrr10 / Math.max(1e-9, bestMrr)) * 100) / 100,
    },
    abstention: {
      default: atDefault,
      bestF1,
      abstainRateAtDefault: {
        answerable: byKind('answerable', DEFAULT_ABSTAIN_THRESHOLD),
        heldOut: byKind('held-out', DEFAULT_ABSTAIN_THRESHOLD),
        offTopic: byKind('off-topic', DEFAULT_ABSTAIN_THRESHOLD),
      },
      sweep,
    },
    rqe: { training: rqeFile.training, shippedModelOnValidationResubstitution: resub },
    redFlags: {
      emergency: EMERGENCY_QUESTIONS.length,
      nonEmergency: NON_EMERGENCY_QUESTIONS.length,
      ...redFlags,
    },
  };
  mkdirSync(join(repoRoot, 'eval', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'eval', 'results', 'dev.json'), `${JSON.stringify(report, null, 2)}\n`);

  console.log(
    `\n${pad('system', 14)}${pad('P@1', 8)}${pad('MRR@10', 8)}${pad('nDCG@10', 9)}${pad('build ms', 10)}ms/query`,
  );
  for (const [name, m] of Object.entries(results)) {
    console.log(
      `${pad(name, 14)}${pad(m.p1, 8)}${pad(m.mrr10, 8)}${pad(m.ndcg10, 9)}${pad(m.buildMs, 10)}${m.msPerQuery}`,
    );
  }
  console.log(
    `ratio to best baseline: P@1 ×${report.ratioToBestBaseline.p1}, MRR@10 ×${report.ratioToBestBaseline.mrr10}`,
  );
  console.log(
    `abstention @${DEFAULT_ABSTAIN_THRESHOLD}: precision ${atDefault.precision} recall ${atDefault.recall} (answerable abstained ${report.abstention.abstainRateAtDefault.answerable}, held-out ${report.abstention.abstainRateAtDefault.heldOut}, off-topic ${report.abstention.abstainRateAtDefault.offTopic}); best F1 at ${bestF1.threshold}: P ${bestF1.precision} R ${bestF1.recall}`,
  );
  const tr = (rqeFile.training ?? {}) as Record<string, unknown>;
  console.log(
    `RQE validation: grouped-CV accuracy ${tr.groupedCvAccuracy} (threshold 0.5: ${tr.groupedCvAccuracyAtThreshold05}); trained on training set only: ${tr.validationAccuracyTrainOnly}; shipped model resubstitution ${resub.accuracy} (optimistic)`,
  );
  console.log(
    `red flags: precision ${redFlags.precision} recall ${redFlags.recall} (${redFlags.tp + redFlags.fn} emergency, ${redFlags.tn + redFlags.fp} not)`,
  );
  console.log('written eval/results/dev.json');
}

await main();
