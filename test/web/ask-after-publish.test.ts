/**
 * The Ask page follows the workflow without a restart: an answer published in the editor is the
 * top result for its question as soon as the search engine has rebuilt, and an answer unpublished
 * is no longer shown even by an engine built before the unpublish. (The gap-loop browser walk in
 * test/e2e/gaps.e2e.test.ts does the same through the editor's screens.)
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAnswerOrThrow } from '../../src/content/index.js';
import { searchService } from '../../src/search/index.js';
import { openSqliteStore, type Store, type WorkflowUser } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import { tempDir } from '../helpers/content-fixture.js';
import { bundle } from '../store/fixtures.js';
import { createTeam, GOUT_CAUSES } from '../workflow/fixture-app.js';

const QUESTION = 'What causes gout? My name is Sarah Jones, call me on 07700 900123';

let store: Store;
let repo: WorkflowRepo;
let app: ReturnType<typeof createApp>['app'];
const users: Record<'ann' | 'rita' | 'rob' | 'ed', WorkflowUser> = {} as never;

beforeAll(async () => {
  store = await openSqliteStore(join(tempDir('medbrief-ask-publish-'), 'site.db'));
  await importBundle(store, bundle(), { actor: 'test' });
  repo = workflowRepo(store);
  Object.assign(users, await createTeam(repo));
  ({ app } = createApp({ store, search: searchService(store, { checkEveryMs: 0 }) }));
});
afterAll(async () => store?.close());

/** The result links of an Ask page, in order. */
async function resultPaths(question: string): Promise<string[]> {
  const html = await (await app.request(`/ask?q=${encodeURIComponent(question)}`)).text();
  const list = /<ol class="results">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  return [...list.matchAll(/<li>\s*<a href="([^"]+)"/g)].map((m) => m[1]!);
}

/** Asks until the first result is `path` (the engine rebuilds in the background), or gives up. */
async function firstBecomes(question: string, path: string): Promise<string[]> {
  let paths = await resultPaths(question);
  for (let i = 0; i < 200 && paths[0] !== path; i++) {
    await new Promise((r) => setTimeout(r, 25));
    paths = await resultPaths(question);
  }
  return paths;
}

describe('Ask page after the workflow changes what is published', () => {
  it('shows a newly published answer first for its own question', async () => {
    expect(await resultPaths(QUESTION)).toEqual([]);
    await store.write('create-condition', (tx) =>
      tx.upsertCondition({ slug: 'gout', name: 'Gout', synonyms: [], summary: '' }),
    );
    const created = await repo.createAnswer(
      { ...parseAnswerOrThrow(GOUT_CAUSES, 'gout/causes.md'), slug: 'causes' },
      users.ann,
    );
    await repo.transition(created.id, users.ann, { action: 'submit' });
    await repo.transition(created.id, users.rita, { action: 'approve', revisionId: created.revision.id });
    await repo.transition(created.id, users.ed, { action: 'publish' });

    const paths = await firstBecomes(QUESTION, '/conditions/gout/causes');
    expect(paths[0]).toBe('/conditions/gout/causes');
    expect(paths).not.toContain('/conditions/sacral-agenesis/symptoms');
  });

  it('no longer shows an answer once it is unpublished', async () => {
    const question = 'What causes sacral agenesis?';
    expect((await resultPaths(question))[0]).toBe('/conditions/sacral-agenesis/causes');
    const causes = (await repo.listAnswers({ condition: 'sacral-agenesis', limit: 10 })).find(
      (a) => a.slug === 'causes',
    );
    expect(causes).toBeDefined();
    await repo.transition(causes!.id, users.ed, { action: 'unpublish', comment: 'withdrawn for review' });
    // The very next request leaves it out, even before the engine has rebuilt.
    expect(await resultPaths(question)).not.toContain('/conditions/sacral-agenesis/causes');
  });
});
