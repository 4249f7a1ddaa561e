/** `medbrief lint <files|dir>`: the evidence and plain-language rules over Markdown answers. */
import { dirname, resolve } from 'node:path';
import {
  type FileResult,
  fixAnswer,
  LintConfigError,
  lintAnswer,
  loadLintConfig,
  mergeConfigs,
  type ResolvedConfig,
  readLintConfigFile,
} from '../../lint/index.js';
import { findAnswerFiles, readText, writeFileAtomic } from '../../lint/io/files.js';
import { CliError, EXIT_FAILURE } from '../shared.js';
import { checkFormat, printResults } from './lint-output.js';

interface LintCliOptions {
  format: string;
  fix?: boolean;
  config?: string;
  quiet?: boolean;
  today?: string;
}

export function configFor(
  file: string,
  explicit: ResolvedConfig | undefined,
  cache: Map<string, ResolvedConfig>,
): ResolvedConfig {
  if (explicit) return explicit;
  const dir = dirname(resolve(file));
  let config = cache.get(dir);
  if (!config) {
    config = loadLintConfig(dir).config;
    cache.set(dir, config);
  }
  return config;
}

export function explicitConfig(path: string | undefined): ResolvedConfig | undefined {
  if (!path) return undefined;
  try {
    return mergeConfigs(readLintConfigFile(path));
  } catch (err) {
    if (err instanceof LintConfigError)
      throw new CliError(err.message, EXIT_FAILURE, 'fix the configuration file');
    throw err;
  }
}

/** Lints answer files (each with the config found upward from it, unless one is given). */
export function lintFiles(
  files: string[],
  opts: { config?: ResolvedConfig; today?: string; fix?: boolean } = {},
): FileResult[] {
  const cache = new Map<string, ResolvedConfig>();
  const results: FileResult[] = [];
  for (const file of files) {
    const read = readText(file);
    if ('problem' in read) throw new CliError(read.problem, EXIT_FAILURE);
    let config: ResolvedConfig;
    try {
      config = configFor(file, opts.config, cache);
    } catch (err) {
      if (err instanceof LintConfigError)
        throw new CliError(err.message, EXIT_FAILURE, 'fix the configuration file');
      throw err;
    }
    const options = { file, config, today: opts.today };
    if (opts.fix) {
      const fixed = fixAnswer(read.text, options);
      if (fixed.fixed) writeFileAtomic(file, fixed.output);
      results.push({ file, messages: fixed.messages });
    } else {
      results.push({ file, messages: lintAnswer(read.text, options) });
    }
  }
  return results;
}

export async function runLint(paths: string[], opts: LintCliOptions) {
  const format = checkFormat(opts.format);
  let files: string[];
  try {
    files = findAnswerFiles(paths);
  } catch (err) {
    throw new CliError(`cannot read ${paths.join(', ')}: ${(err as Error).message}`, EXIT_FAILURE);
  }
  if (!files.length) throw new CliError(`no Markdown answers found in ${paths.join(', ')}`, EXIT_FAILURE);
  const results = lintFiles(files, {
    config: explicitConfig(opts.config),
    today: opts.today,
    fix: opts.fix,
  });
  return printResults(results, format, opts.quiet);
}
