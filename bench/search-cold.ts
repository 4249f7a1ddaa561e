/**
 * Child process of bench/search.ts: from process start to the first answer printed, with the
 * engine restored from a search snapshot file (what `medbrief ask` and `serve` do when the cache
 * is current), then the resident set size after answering real-length messages.
 * Usage: node --import tsx bench/search-cold.ts SNAPSHOT QUESTIONS.json
 */
import { readFileSync } from 'node:fs';
import { AskEngine } from '../src/search/index.js';

const [file, questionsFile] = process.argv.slice(2);
const engine = AskEngine.fromSnapshot(readFileSync(file!));
const questions = JSON.parse(readFileSync(questionsFile!, 'utf8')) as string[];
const first = engine.ask(questions[0]!);
process.stdout.write(`${first.results[0]?.answerId ?? '(abstained)'}\n`);
const firstAnswerMs = performance.now(); // ms since this process started
for (const q of questions) engine.ask(q);
(globalThis as { gc?: () => void }).gc?.();
process.stdout.write(
  `${JSON.stringify({ firstAnswerMs: Math.round(firstAnswerMs), rssMiB: Math.round(process.memoryUsage().rss / 2 ** 20) })}\n`,
);
