/** `medbrief entail`: its arguments, options and help; the implementation is ../commands/entail.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/entail.js');

export function register(program: Command): void {
  program
    .command('entail')
    .description('question entailment: does the stored question (faq) answer the consumer question (chq)?')
    .argument('[chq]', 'consumer question (when not using --batch)')
    .argument('[faq]', 'stored question (when not using --batch)')
    .option(
      '--batch <file>',
      'read {"id","chq","faq"} JSON lines (or - for stdin); write {"id","entails","score"} lines',
    )
    .action(lazyAction(load, (m) => m.runEntail));
}
