/** Human output in the style of eslint's "stylish": grouped by file, coloured, with a summary. */
import pc from 'picocolors';
import type { LintMessage } from '../types.js';

export interface FileResult {
  file: string;
  messages: LintMessage[];
}

export function countBySeverity(results: readonly FileResult[]): {
  errors: number;
  warnings: number;
  fixable: number;
} {
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const r of results) {
    for (const m of r.messages) {
      if (m.severity === 'error') errors++;
      else warnings++;
      if (m.fix) fixable++;
    }
  }
  return { errors, warnings, fixable };
}

export function formatStylish(
  results: readonly FileResult[],
  options: { color?: boolean; hints?: boolean } = {},
): string {
  const c = pc.createColors(options.color ?? pc.isColorSupported);
  const out: string[] = [];
  for (const r of results) {
    if (!r.messages.length) continue;
    out.push('', c.underline(r.file));
    const width = Math.max(...r.messages.map((m) => `${m.line}:${m.column}`.length));
    for (const m of r.messages) {
      const where = `${m.line}:${m.column}`.padEnd(width);
      const sev = m.severity === 'error' ? c.red('error') : c.yellow('warn ');
      out.push(`  ${c.dim(where)}  ${sev}  ${m.message}  ${c.dim(m.ruleId)}`);
      if (options.hints !== false && m.hint)
        out.push(`  ${' '.repeat(width)}         ${c.dim(`↳ ${m.hint}`)}`);
    }
  }
  const { errors, warnings, fixable } = countBySeverity(results);
  const total = errors + warnings;
  if (total) {
    const line = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
    out.push('', errors ? c.red(c.bold(line)) : c.yellow(c.bold(line)));
    if (fixable) out.push(c.dim(`  ${fixable} fixable with the \`--fix\` option.`));
  } else {
    out.push(c.green(`✔ ${results.length} file${results.length === 1 ? '' : 's'} checked, no problems`));
  }
  return `${out.join('\n')}\n`;
}
