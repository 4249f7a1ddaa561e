/**
 * `medbrief validate <dir>`: schema and reference checks for a whole content folder, then the
 * same lint messages the editor shows. Exit 1 on any schema problem or lint error.
 */
import type { Command } from 'commander';
import { loadContentFolder } from '../../import/markdown/index.js';
import { action, exitCodeFor, printProblems, printWarnings } from '../shared.js';
import { codeSummary } from './codes.js';
import { lintFiles } from './lint.js';
import { printResults } from './lint-output.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'check a content folder: front matter, aspects, slugs, sources, footnotes, reviewers, then lint',
    )
    .argument('<dir>', 'content folder (holds <condition>/condition.md and reviewers.yaml)')
    .option('--no-lint', 'schema and reference checks only')
    .option('-q, --quiet', 'report lint errors only, not warnings')
    .action(
      action(async (dir: string, opts: { lint: boolean; quiet?: boolean }) => {
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
      }),
    );
}
