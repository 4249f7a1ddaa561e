/** Machine output: one entry per file, eslint-compatible field names. */
import type { FileResult } from './stylish.js';

export function formatJson(results: readonly FileResult[]): string {
  return `${JSON.stringify(
    results.map((r) => ({
      filePath: r.file,
      errorCount: r.messages.filter((m) => m.severity === 'error').length,
      warningCount: r.messages.filter((m) => m.severity === 'warn').length,
      fixableCount: r.messages.filter((m) => m.fix).length,
      messages: r.messages,
    })),
    null,
    2,
  )}\n`;
}
