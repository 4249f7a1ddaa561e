import { describe, expect, it } from 'vitest';
import { type AskEvent, AskRecorder, type NewAskRow } from '../../src/asklog/index.js';

const event = (question: string): AskEvent => ({
  channel: 'api',
  question,
  focus: null,
  focusKnown: false,
  aspect: null,
  outcome: 'abstained',
  answerRef: null,
  score: null,
  reason: 'no-match',
});

describe('AskRecorder', () => {
  it('returns before anything is written, then writes scrubbed rows in one batch', async () => {
    const batches: NewAskRow[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const recorder = new AskRecorder({
      insertAsks: async (rows) => {
        await gate;
        batches.push(rows);
      },
    });
    recorder.record(event('what causes gout? call 07700 900123'));
    recorder.record(event('is gout inherited'));
    expect(batches).toEqual([]); // record() did not wait for the (blocked) write
    const flushed = recorder.flush();
    release();
    await flushed;
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map((r) => [r.question, r.focus, r.aspect])).toEqual([
      ['what causes gout? call [PHONE]', 'gout', 'causes'],
      ['is gout inherited', 'gout', 'inheritance'],
    ]);
    expect(recorder.stats).toEqual({ recorded: 2, written: 2, failed: 0, dropped: 0 });
  });

  it('counts a failed write instead of raising it, and keeps working', async () => {
    const errors: unknown[] = [];
    let fail = true;
    const written: NewAskRow[] = [];
    const recorder = new AskRecorder(
      {
        insertAsks: async (rows) => {
          if (fail) throw new Error('database is down');
          written.push(...rows);
        },
      },
      { onError: (e) => errors.push(e) },
    );
    recorder.record(event('a'));
    recorder.record(event('b'));
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(recorder.stats.failed).toBe(2);
    expect((errors[0] as Error).message).toBe('database is down');
    fail = false;
    recorder.record(event('c'));
    await recorder.flush();
    expect(written.map((r) => r.question)).toEqual(['c']);
    expect(recorder.stats).toMatchObject({ recorded: 3, written: 1, failed: 2 });
  });

  it('bounds memory when the database is stuck: the oldest questions are dropped and counted', async () => {
    const recorder = new AskRecorder({ insertAsks: () => new Promise(() => {}) }, { maxQueue: 100 });
    recorder.record(event('first'));
    await new Promise((r) => setImmediate(r)); // the first batch is now stuck in its write
    for (let i = 0; i < 250; i++) recorder.record(event(`q${i}`));
    expect(recorder.stats.dropped).toBe(150);
    expect(recorder.stats.recorded).toBe(251);
  });

  it('a reporter that throws does not break recording', async () => {
    const recorder = new AskRecorder(
      {
        insertAsks: async () => {
          throw new Error('x');
        },
      },
      {
        onError: () => {
          throw new Error('reporter broke');
        },
      },
    );
    recorder.record(event('a'));
    await expect(recorder.flush()).resolves.toBeUndefined();
    expect(recorder.stats.failed).toBe(1);
  });
});
