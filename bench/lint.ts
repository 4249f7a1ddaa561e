/**
 * Lint throughput: 16,000 answers (MedQuAD answers imported as Markdown, cycled to 16,000; a
 * synthetic answer set when the corpus is absent). Writes bench/results/lint.json.
 * Run: `npx tsx bench/lint.ts` (or through bench/run.ts, which calls main()).
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintAnswer } from '../src/lint/index.js';
import { sampleMedquadAnswers } from '../test/lint/helpers/medquad-answers.js';

const ANSWERS = 16_000;
const root = resolve(import.meta.dirname, '..');

function synthetic(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      `---\nquestion: What causes condition ${i}?\ncondition: condition-${i}\naspect: causes\ntldr: Condition ${i} is rare. Most cases have no known cause.\n---\n` +
        `Condition ${i} affects about 1 in ${1000 + i} people.[^s] Researchers believe genes play a part. ` +
        'The mechanisms include:\n\n- one\n- two\n\nIt is 3 times more likely with diabetes. There is no cure, but treatment helps.\n',
    );
  }
  return out;
}

export async function main(): Promise<Record<string, unknown>> {
  const dir = process.env.MEDQUAD_DIR ?? join(root, '..', 'shared', 'data', 'medquad');
  const corpus = existsSync(dir)
    ? sampleMedquadAnswers(dir, Number.POSITIVE_INFINITY).map((a) => a.text)
    : [];
  const source = corpus.length ? 'medquad' : 'synthetic';
  const base = corpus.length ? corpus : synthetic(1000);
  const texts = Array.from({ length: ANSWERS }, (_, i) => base[i % base.length]!);
  const chars = texts.reduce((n, t) => n + t.length, 0);
  let peakRss = process.memoryUsage().rss;
  let messages = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < texts.length; i++) {
    messages += lintAnswer(texts[i]!, { file: `answer-${i}.md`, today: '2026-11-25' }).length;
    if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const result = {
    benchmark: 'lint',
    answers: ANSWERS,
    distinctAnswers: base.length,
    source,
    megabytes: Math.round((chars / 1e6) * 10) / 10,
    seconds: Math.round(seconds * 100) / 100,
    answersPerSecond: Math.round(ANSWERS / seconds),
    messages,
    peakRssMB: Math.round(peakRss / 1e6),
    node: process.version,
    date: new Date().toISOString(),
  };
  mkdirSync(join(root, 'bench', 'results'), { recursive: true });
  writeFileSync(join(root, 'bench', 'results', 'lint.json'), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await main());
}
