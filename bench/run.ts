/**
 * Runs the benchmarks (`npm run bench`, or `npm run bench -- foundation site` for some).
 * Each bench module exports `main()` and writes its own bench/results/<name>.json.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ALL = [
  'foundation',
  'import',
  'lint',
  'search',
  'site',
  'workflow',
  'mcp',
  'asklog',
  'editor',
  'connect',
];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;
let failed = 0;
for (const name of names) {
  const file = join(import.meta.dirname, `${name}.ts`);
  if (!existsSync(file)) {
    console.error(`bench: no benchmark named "${name}" (have: ${ALL.join(', ')})`);
    failed++;
    continue;
  }
  console.log(`\n=== bench: ${name}`);
  try {
    const mod = (await import(pathToFileURL(file).href)) as { main: () => Promise<unknown> };
    await mod.main();
  } catch (err) {
    failed++;
    console.error(`bench ${name} failed:`, err);
  }
}
// An app's unref'd check worker can still hold the loop open under tsx: end when the benchmarks do.
process.exit(failed ? 1 : 0);
