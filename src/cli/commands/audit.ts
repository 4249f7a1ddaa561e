import { auditPage, type FileResult, LintConfigError, type ResolvedConfig } from '../../lint/index.js';
import { readText } from '../../lint/io/files.js';
import { CliError, EXIT_FAILURE } from '../shared.js';
import { configFor, explicitConfig } from './lint.js';
import { checkFormat, printResults } from './lint-output.js';

export async function runAudit(
  files: string[],
  opts: { format: string; config?: string; quiet?: boolean; today?: string },
) {
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
}
