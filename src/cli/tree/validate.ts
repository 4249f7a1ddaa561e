/** `medbrief validate`: its arguments, options and help; the implementation is ../commands/validate.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/validate.js');

export function register(program: Command): void {
  program
    .command('validate')
    .description(
      'check a content folder: front matter, aspects, slugs, sources, footnotes, reviewers, then lint',
    )
    .argument('<dir>', 'content folder (holds <condition>/condition.md and reviewers.yaml)')
    .option('--no-lint', 'schema and reference checks only')
    .option('-q, --quiet', 'report lint errors only, not warnings')
    .action(lazyAction(load, (m) => m.runValidate));
}
