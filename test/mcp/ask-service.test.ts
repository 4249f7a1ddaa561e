/**
 * ask_medbrief over the narrow AskService seam, with a stub engine: what the tool does with the
 * engine's answer (limit, stale ids, red flags next to results) independent of the ranking itself.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { AskOutput, type AskService, type AskServiceResult, createMcpServer } from '../../src/mcp/index.js';
import { defaultSiteConfig } from '../../src/site/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';

let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
});

async function clientWith(reply: AskServiceResult, seen: { question?: string; limit?: number }[] = []) {
  store = await openSqliteStore(':memory:');
  await importContentFolder(
    store,
    writeFiles(tempDir(), contentFolder(['gout', 'migraine'], ['causes', 'treatment'])),
  );
  const ask: AskService = {
    ask: (question, options) => {
      seen.push({ question, limit: options?.limit });
      return reply;
    },
  };
  const server = createMcpServer({ store, config: defaultSiteConfig({ baseUrl: 'https://x.test' }), ask });
  const [a, b] = InMemoryTransport.createLinkedPair();
  await server.connect(a);
  const client = new Client({ name: 't', version: '1' });
  await client.connect(b);
  return async (args: Record<string, unknown>) =>
    AskOutput.parse((await client.callTool({ name: 'ask_medbrief', arguments: args })).structuredContent);
}

const hit = (answerId: string, score: number) => ({ answerId, score });
const answered = (results: { answerId: string; score: number }[]): AskServiceResult => ({
  abstained: false,
  redFlag: null,
  results,
  nearestConditions: [],
});

describe('ask_medbrief over an AskService', () => {
  it('passes the question and limit on and returns at most `limit` answers, in the engine’s order', async () => {
    const seen: { question?: string; limit?: number }[] = [];
    const ask = await clientWith(
      answered([hit('migraine/treatment', 0.9), hit('gout/causes', 0.8), hit('gout/treatment', 0.7)]),
      seen,
    );
    const out = await ask({ question: '  what helps a migraine?  ', limit: 2 });
    expect(seen).toEqual([{ question: 'what helps a migraine?', limit: 2 }]);
    expect(out.results.map((r) => `${r.condition.slug}/${r.slug}:${r.score}`)).toEqual([
      'migraine/treatment:0.9',
      'gout/causes:0.8',
    ]);
    expect(out.results[0]!.url).toBe('https://x.test/conditions/migraine/treatment');
  });

  it('skips answers the store no longer publishes, and abstains when none is left', async () => {
    const ask = await clientWith(answered([hit('gout/retired', 0.9), hit('nonsense', 0.8)]));
    const out = await ask({ question: 'gout?' });
    expect(out.abstained).toBe(true);
    expect(out.results).toEqual([]);
    expect(out.abstention?.message).toMatch(/don't have a reviewed answer/);
  });

  it('keeps answers next to an urgent notice, notice first', async () => {
    const ask = await clientWith({
      ...answered([hit('migraine/treatment', 0.9)]),
      redFlag: { kind: 'stroke', message: 'Face drooping can be a stroke. Call 112 now.' },
    });
    const out = await ask({ question: 'worst headache of my life' });
    expect(Object.keys(out)[0]).toBe('urgentNotice');
    expect(out.urgentNotice).toEqual({
      kind: 'stroke',
      text: 'Face drooping can be a stroke. Call 112 now.',
    });
    expect(out.results.length).toBe(1);
  });

  it('reports the engine’s abstention with its nearest condition pages', async () => {
    const ask = await clientWith({
      abstained: true,
      reason: 'low-confidence',
      redFlag: null,
      results: [],
      nearestConditions: [{ slug: 'gout', name: 'gout' }],
      message: 'Nothing close enough.',
    });
    const out = await ask({ question: 'zebra care?' });
    expect(out.abstention).toEqual({
      message: 'Nothing close enough.',
      reason: 'low-confidence',
      nearestConditions: [{ slug: 'gout', name: 'gout', url: 'https://x.test/conditions/gout' }],
    });
  });
});
