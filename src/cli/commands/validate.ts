/** `medbrief validate <dir>`: schema and reference checks for a whole content folder. */
import type { Command } from 'commander';
import { loadContentFolder } from '../../import/markdown/index.js';
import { action, exitCodeFor, printProblems } from '../shared.js';

export function register(program: Command): void {
  program
    .command('validate')
    .description('check a content folder: front matter, aspects, slugs, sources, footnotes, reviewers')
    .argument('<dir>', 'content folder (holds <condition>/condition.md and reviewers.yaml)')
    .action(
      action(async (dir: string) => {
        const { bundle, problems } = loadContentFolder(dir);
        if (problems.length) {
          printProblems(problems);
          return exitCodeFor(problems);
        }
        console.log(
          `${dir}: valid — ${bundle.conditions.length} conditions, ${bundle.answers.length} answers, ${bundle.reviewers.length} reviewers`,
        );
      }),
    );
}
