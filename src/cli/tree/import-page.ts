/** `medbrief import html|text`: their arguments, options and help; the implementation is ../commands/import-page.ts, loaded when one runs. */
import type { Command } from 'commander';
import { ASPECTS } from '../../content/index.js';
import type { PageKind } from '../../import/page/index.js';
import type { ImportPageCliOptions } from '../commands/import-page.js';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/import-page.js');

function pageCommand(importCmd: Command, kind: PageKind, argument: [string, string], description: string) {
  importCmd
    .command(kind)
    .description(description)
    .argument(...argument)
    .requiredOption('-o, --out <dir>', 'content folder to write drafts into (<dir>/<condition>/<aspect>.md)')
    .option('--condition <slug>', 'condition slug (default: the condition named in the question or title)')
    .option('--aspect <aspect>', `aspect (default: classified from the question): ${ASPECTS.join(', ')}`)
    .option('--publisher <name>', 'who published the page (default: og:site_name for HTML, else "unknown")')
    .option('--url <url>', 'where the page was published (default: the canonical link of an HTML page)')
    .option('--force', 'replace an existing answer file (condition.md is never replaced)')
    .option('-f, --format <format>', 'audit report format: stylish, json or sarif', 'stylish')
    .option(
      '-c, --config <file>',
      'lint configuration for the audit (default: medbrief.config.* found upward)',
    )
    .option('--today <date>', 'date used by review-overdue in the audit (YYYY-MM-DD)')
    .action(
      lazyAction(
        load,
        (m) => (path: string, opts: ImportPageCliOptions) => m.runImportPage(kind, path, opts),
      ),
    );
}

export function registerImportPage(importCmd: Command): Command {
  pageCommand(
    importCmd,
    'html',
    ['<path>', 'an HTML page, or a folder of .html/.htm pages'],
    'import published HTML pages as draft answers, and audit the originals',
  );
  pageCommand(
    importCmd,
    'text',
    ['<file>', 'a page saved as plain text'],
    'import a published page saved as text as a draft answer, and audit the original',
  );
  return importCmd;
}
