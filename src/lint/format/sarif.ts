/** SARIF 2.1.0, for code-scanning UIs (GitHub code scanning, VS Code SARIF viewer). */
import { relative } from 'node:path';
import { rules } from '../rules/index.js';
import { docsUrlFor } from '../types.js';
import type { FileResult } from './stylish.js';

export function formatSarif(
  results: readonly FileResult[],
  options: { cwd?: string; version?: string } = {},
): string {
  const cwd = options.cwd ?? process.cwd();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'medbrief',
            informationUri: 'https://github.com/medbrief/medbrief',
            version: options.version ?? '0.1.0',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.docs.summary },
              fullDescription: { text: r.docs.why },
              helpUri: docsUrlFor(r.id),
              defaultConfiguration: { level: r.severity === 'error' ? 'error' : 'warning' },
            })),
          },
        },
        results: results.flatMap((r) =>
          r.messages.map((m) => ({
            ruleId: m.ruleId,
            ...(index.has(m.ruleId) ? { ruleIndex: index.get(m.ruleId) } : {}),
            level: m.severity === 'error' ? 'error' : 'warning',
            message: { text: m.hint ? `${m.message} (${m.hint})` : m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: relative(cwd, r.file).split('\\').join('/') || r.file },
                  region: {
                    startLine: m.line,
                    startColumn: m.column,
                    endLine: m.endLine,
                    endColumn: m.endColumn,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
