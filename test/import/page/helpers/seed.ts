/**
 * The seed page (../shared/seed/example-page.txt): a real published page full of defects. Outside
 * CI a missing seed skips the tests that need it, with a printed reason; under CI=true it fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../../helpers/corpus.js';

export const seedFile =
  process.env.MEDBRIEF_SEED_PAGE ?? join(repoRoot, '..', 'shared', 'seed', 'example-page.txt');

/** The seed page's text, or null (tests skip) outside CI when it is absent. */
export function seedPage(): string | null {
  if (existsSync(seedFile)) return readFileSync(seedFile, 'utf8');
  const message = `seed page not found at ${seedFile} (set MEDBRIEF_SEED_PAGE to its path)`;
  if (process.env.CI === 'true') throw new Error(`CI requires the seed page: ${message}`);
  console.warn(`skipping tests that need the seed page: ${message}`);
  return null;
}
