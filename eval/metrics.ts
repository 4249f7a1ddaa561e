/** Ranking and classification metrics (binary relevance), as in TREC / MEDIQA reporting. */

export function precisionAt1(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  return ranked.length > 0 && relevant.has(ranked[0]!) ? 1 : 0;
}

export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) return 1 / (i + 1);
  return 0;
}

export function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k = 10): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if (relevant.has(ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal === 0 ? 0 : dcg / ideal;
}

export interface RankingMetrics {
  queries: number;
  p1: number;
  mrr10: number;
  ndcg10: number;
}

export function rankingMetrics(runs: { ranked: string[]; relevant: ReadonlySet<string> }[]): RankingMetrics {
  const n = runs.length || 1;
  let p1 = 0;
  let mrr = 0;
  let ndcg = 0;
  for (const r of runs) {
    p1 += precisionAt1(r.ranked, r.relevant);
    mrr += reciprocalRank(r.ranked, r.relevant);
    ndcg += ndcgAt(r.ranked, r.relevant);
  }
  const round = (x: number) => Math.round((x / n) * 10_000) / 10_000;
  return { queries: runs.length, p1: round(p1), mrr10: round(mrr), ndcg10: round(ndcg) };
}

export interface BinaryMetrics {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  accuracy: number;
}

export function binaryMetrics(pairs: { predicted: boolean; actual: boolean }[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const p of pairs) {
    if (p.predicted && p.actual) tp++;
    else if (p.predicted) fp++;
    else if (p.actual) fn++;
    else tn++;
  }
  const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
  return {
    tp,
    fp,
    fn,
    tn,
    precision: r4(tp + fp === 0 ? 0 : tp / (tp + fp)),
    recall: r4(tp + fn === 0 ? 0 : tp / (tp + fn)),
    accuracy: r4(pairs.length === 0 ? 0 : (tp + tn) / pairs.length),
  };
}
