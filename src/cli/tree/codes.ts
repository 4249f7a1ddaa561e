/** `medbrief codes`: its arguments, options and help; the implementation is ../commands/codes.ts, loaded when it runs. */
import type { Command } from 'commander';
import { CODE_SYSTEMS } from '../../content/index.js';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/codes.js');

export function register(program: Command): Command {
  const codes = program
    .command('codes')
    .description(
      'condition codes (ICD-10-CM, SNOMED CT, UMLS, ORPHA, OMIM, DOID, MeSH): list, find, missing, import',
    );

  codes
    .command('list')
    .description('conditions by code system')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--system <system>', `only this system (${CODE_SYSTEMS.join(', ')})`)
    .option('--json', 'print JSON')
    .action(lazyAction(load, (m) => m.runCodesList));

  codes
    .command('find')
    .description('the conditions holding a code (ICD-10-CM falls back to parent codes: E11.65 → E11.6 → E11)')
    .argument('<code>', 'the code, e.g. E11.65, 44054006, C0011860, DOID:9352')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--system <system>', 'the code system (default: every system the code is valid in)')
    .option('--json', 'print JSON')
    .action(lazyAction(load, (m) => m.runCodesFind));

  codes
    .command('missing')
    .description('conditions without codes (or without a code of one system)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--system <system>', 'conditions without a code of this system')
    .option('--json', 'print JSON')
    .action(lazyAction(load, (m) => m.runCodesMissing));

  codes
    .command('import')
    .description(
      'attach codes from a TSV file (condition, system, code): all or nothing, never removes codes',
    )
    .argument('<file>', 'tab-separated: condition<TAB>system<TAB>code, one per line (header optional)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--dry-run', 'check the file against the store and report, without writing')
    .action(lazyAction(load, (m) => m.runCodesImport));
  return codes;
}
