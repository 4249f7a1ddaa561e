/**
 * Figures a test measured (payloads tried, kill points survived, …), written as JSON when
 * MEDBRIEF_FIGURES_DIR is set, so `npm run bench:reliability` can put them in docs/reliability.md.
 * Without the variable nothing is written: an ordinary `npm test` leaves no files behind.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  const dir = process.env.MEDBRIEF_FIGURES_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, `${name}.json`),
    `${JSON.stringify({ ...figures, at: new Date().toISOString() }, null, 2)}\n`,
  );
}
