/** Output and exit codes shared by `medbrief lint` and `medbrief audit`. */
import { type FileResult, formatJson, formatSarif, formatStylish } from '../../lint/index.js';
import { CliError, EXIT_OK, EXIT_PROBLEMS } from '../shared.js';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export function checkFormat(format: string): Format {
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new CliError(`unknown format "${format}"`, 2, `use one of: ${FORMATS.join(', ')}`);
  }
  return format as Format;
}

export function printResults(results: FileResult[], format: Format, quiet = false): number {
  const shown = quiet
    ? results.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }))
    : results;
  const text =
    format === 'json' ? formatJson(shown) : format === 'sarif' ? formatSarif(shown) : formatStylish(shown);
  process.stdout.write(text);
  return results.some((r) => r.messages.some((m) => m.severity === 'error')) ? EXIT_PROBLEMS : EXIT_OK;
}
