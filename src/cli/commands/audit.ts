/** `medbrief audit <file>`: the same rules over a published page (plain text or HTML). */
import type { Command } from 'commander';
import { auditPage, type FileResult, LintConfigError, type ResolvedConfig } from '../../lint/index.js';
import { readText } from '../../lint/io/files.js';
import { action, CliError, EXIT_FAILURE } from '../shared.js';
import { configFor, explicitConfig } from './lint.js';
import { checkFormat, printResults } from './lint-output.js';

export function register(program: Command): void {
  program
    .command('audit')
    .description(
      'audit a published page (text or HTML): finds its header, TL;DR, question, body and disclaimer, then runs the lint rules',
    )
    .argument('<files...>', 'page files (.txt, .html)')
    .option('-f, --format <format>', 'stylish, json or sarif', 'stylish')
    .option('-c, --config <file>', 'configuration file (default: medbrief.config.* found upward)')
    .option('-q, --quiet', 'report errors only')
    .option('--today <date>', 'date used by review-overdue (YYYY-MM-DD)')
    .action(
      action(
        async (
          files: string[],
          opts: { format: string; config?: string; quiet?: boolean; today?: string },
        ) => {
          const format = checkFormat(opts.format);
          const explicit = explicitConfig(opts.config);
          const cache = new Map<string, ResolvedConfig>();
          const results: FileResult[] = [];
          for (const file of files) {
            let read: ReturnType<typeof readText>;
            try {
              read = readText(file);
            } catch (err) {
              throw new CliError(`cannot read ${file}: ${(err as Error).message}`, EXIT_FAILURE);
            }
            if ('problem' in read) throw new CliError(read.problem, EXIT_FAILURE);
            let config: ResolvedConfig;
            try {
              config = configFor(file, explicit, cache);
            } catch (err) {
              if (err instanceof LintConfigError)
                throw new CliError(err.message, EXIT_FAILURE, 'fix the configuration file');
              throw err;
            }
            results.push({ file, messages: auditPage(read.text, file, { config, today: opts.today }) });
          }
          return printResults(results, format, opts.quiet);
        },
      ),
    );
}
