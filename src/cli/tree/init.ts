/** `medbrief init`: its arguments, options and help; the implementation is ../commands/init.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/init.js');

export function register(program: Command): void {
  program
    .command('init')
    .description('create a starter content folder (reviewers.yaml, one condition, one answer)')
    .argument('<dir>', 'folder to create; must be empty or absent')
    .action(lazyAction(load, (m) => m.runInit));
}
