/**
 * `npm run lint:corpus`: audits the labelled corpus (test/lint/corpus) and prints precision and
 * recall per rule and overall, with every false positive and miss. `--write` also updates the
 * generated section of docs/lint-corpus.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCorpusReport, runCorpus } from '../test/lint/helpers/labelled-corpus.js';

const report = renderCorpusReport(runCorpus());
console.log(report);
if (process.argv.includes('--write')) {
  const file = join(import.meta.dirname, '..', 'docs', 'lint-corpus.md');
  const doc = readFileSync(file, 'utf8');
  const begin = '<!-- labelled-corpus:begin -->';
  const end = '<!-- labelled-corpus:end -->';
  const a = doc.indexOf(begin);
  const b = doc.indexOf(end);
  if (a < 0 || b < a) throw new Error(`docs/lint-corpus.md has no ${begin} … ${end} section`);
  writeFileSync(file, `${doc.slice(0, a + begin.length)}\n${report}${doc.slice(b)}`);
  console.log('updated docs/lint-corpus.md');
}
