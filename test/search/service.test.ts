import { describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { searchService } from '../../src/search/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { answerFile, contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';

describe('searchService', () => {
  it('builds once, serves the same engine, and rebuilds when published content changes', async () => {
    const store = await openSqliteStore(':memory:');
    const dir = writeFiles(tempDir(), contentFolder(['gout'], ['causes']));
    await importContentFolder(store, dir);
    const provider = searchService(store, { checkEveryMs: 0 });
    const first = await provider();
    expect(await provider()).toBe(first);
    const before = await store.contentVersion();

    writeFiles(dir, {
      'asthma/condition.md': '---\nname: Asthma\n---\nA lung condition.\n',
      'asthma/treatment.md': answerFile('asthma', 'treatment'),
    });
    await importContentFolder(store, dir);
    expect(await store.contentVersion()).not.toBe(before);

    // The call that notices the change still answers from the old engine; the rebuild follows.
    expect(await provider()).toBe(first);
    let next = first;
    for (let i = 0; i < 100 && next === first; i++) {
      await new Promise((r) => setTimeout(r, 20));
      next = await provider();
    }
    expect(next).not.toBe(first);
    const found = next.ask('how is asthma treated?', { limit: 3 });
    expect(found.results.map((r) => r.answerId)).toContain('asthma/treatment');
    await store.close();
  });
});
