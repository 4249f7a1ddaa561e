import { loadContentFolder } from '../../import/markdown/index.js';
import { exitCodeFor, printProblems, printWarnings } from '../shared.js';
import { codeSummary } from './codes.js';
import { lintFiles } from './lint.js';
import { printResults } from './lint-output.js';

export async function runValidate(dir: string, opts: { lint: boolean; quiet?: boolean }) {
  const { bundle, problems, warnings, files } = loadContentFolder(dir);
  if (!opts.quiet) printWarnings(warnings);
  if (problems.length) {
    printProblems(problems);
    return exitCodeFor(problems);
  }
  const summary = `${bundle.conditions.length} conditions, ${bundle.answers.length} answers, ${bundle.reviewers.length} reviewers; ${codeSummary(bundle.conditions)}`;
  if (!opts.lint) {
    console.log(`${dir}: valid — ${summary}`);
    return;
  }
  const code = printResults(lintFiles([...files.values()]), 'stylish', opts.quiet);
  console.log(`${dir}: ${code === 0 ? 'valid' : 'lint errors'} — ${summary}`);
  return code;
}
