/** `medbrief import medquad`: its arguments, options and help; the implementation is ../commands/import-medquad.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/import-medquad.js');

export function registerImportMedquad(importCmd: Command): Command {
  return importCmd
    .command('medquad')
    .description('import the MedQuAD collection (NIH question–answer pairs) as conditions and answers')
    .argument('<dir>', 'the MedQuAD folder (its numbered subfolders are read in order)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--sources <codes>', 'only these publishers, comma-separated (e.g. GHR,GARD)')
    .option('--batch <documents>', 'documents per transaction (whole conditions are never split)', '200')
    .option('--no-progress', 'do not print progress')
    .action(lazyAction(load, (m) => m.runImportMedquad));
}
