import { describe, expect, it } from 'vitest';
import { AskEngine, cachedEngine } from '../../src/search/index.js';
import { tempDir } from '../helpers/content-fixture.js';
import { fixtureStore } from '../site/fixture.js';
import { FIXTURE_DOCS } from './fixtures.js';

const QUESTIONS = [
  'my baby has sacrel agenisis, did my diabetes do this??',
  'what pills help hypertension',
  'will my kids inherit huntingtons chorea',
  'how do i fix my car',
  'SUBJECT: gout\nMESSAGE: who makes allopurinol? my pharmacy ran out',
];

describe('search snapshots', () => {
  it('a restored engine answers exactly as the one it was taken from', () => {
    const built = new AskEngine(FIXTURE_DOCS);
    const restored = AskEngine.fromSnapshot(built.toSnapshot());
    expect(restored.size).toBe(built.size);
    for (const q of QUESTIONS)
      expect(restored.ask(q, { explain: true, limit: 10 })).toEqual(
        built.ask(q, { explain: true, limit: 10 }),
      );
  });

  it('refuses damaged or foreign bytes with a clear error', () => {
    const bytes = new AskEngine(FIXTURE_DOCS).toSnapshot();
    expect(() => AskEngine.fromSnapshot(Buffer.from('hello world'))).toThrow(/not a search snapshot/);
    expect(() => AskEngine.fromSnapshot(bytes.subarray(0, 100))).toThrow(/truncated/);
  });

  it('the cache is used while content is unchanged and rebuilt when it changes', async () => {
    const store = await fixtureStore();
    const dir = tempDir('medbrief-search-cache-');
    const first = await cachedEngine(store, { databaseKey: 'fixture', cacheDir: dir });
    expect(first.source).toBe('built');
    const second = await cachedEngine(store, { databaseKey: 'fixture', cacheDir: dir });
    expect(second.source).toBe('snapshot');
    expect(second.engine.ask('what causes gout?')).toEqual(first.engine.ask('what causes gout?'));
    // another day (review badges expire by date) or another database is another key
    expect(
      (await cachedEngine(store, { databaseKey: 'fixture', cacheDir: dir, today: '2030-01-01' })).source,
    ).toBe('built');
    expect((await cachedEngine(store, { databaseKey: 'other', cacheDir: dir })).source).toBe('built');
    await store.close();
  });
});
