/**
 * One engine, five doors: `medbrief ask --json`, `medbrief ask --batch`, GET /api/v1/ask, the
 * /ask page and MCP `ask_medbrief` (Streamable HTTP) give the same ranked answers — or the same
 * abstention — for the same messages over the same database (the demo content). Messages cover
 * lay words, typos, a long multi-question message, a drug-only question, an emergency and a
 * question about nothing we cover.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, type RunningServer, startServer } from '../../src/web/index.js';
import { runCli } from '../helpers/cli.js';
import { fixtureDatabase } from '../mcp/fixture.js';

const BASE_URL = 'https://medbrief.example.org';
const LIMIT = 3;

const MESSAGES = [
  'sugar diabetes feet tingling',
  'wat causes gout',
  'SUBJECT: migraine\nMESSAGE: my daughter gets bad headaches with flashing lights before them. how is migraine treated and can it be prevented? she is 15.',
  'is chickenpox catching? my son has spots all over',
  'SUBJECT: metformin\nMESSAGE: who makes metformin? my pharmacy ran out',
  'my husband has crushing chest pain and cannot breathe',
  'how do I fix the brakes on my car',
];

/** What every channel is reduced to: abstained or not, and the answer ids in rank order. */
interface Outcome {
  abstained: boolean;
  answers: string[];
}

const fromPath = (path: string) => path.replace(/^.*\/conditions\//, '');

let db: string;
let store: Store;
let server: RunningServer;
let mcp: Client;

beforeAll(async () => {
  db = await fixtureDatabase();
  store = await openStore(db);
  const { app } = createApp({ store, config: { baseUrl: BASE_URL } });
  server = await startServer(app, 0, '127.0.0.1');
  mcp = new Client({ name: 'medbrief-test', version: '1.0.0' });
  await mcp.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
}, 60_000);
afterAll(async () => {
  await mcp?.close();
  await server?.close();
  await store?.close();
});

async function viaApi(q: string): Promise<Outcome> {
  const res = await fetch(`${server.url}/api/v1/ask?limit=${LIMIT}&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { abstained: boolean; results: { answerId: string }[] };
  return { abstained: body.abstained, answers: body.results.map((r) => r.answerId) };
}

async function viaPage(q: string): Promise<Outcome & { urgent: boolean }> {
  const html = await (await fetch(`${server.url}/ask?q=${encodeURIComponent(q)}`)).text();
  const list = /<ol class="results">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
  const answers = [...list.matchAll(/<li>\s*<a href="([^"]+)"/g)].map((m) => fromPath(m[1]!));
  return {
    abstained:
      html.includes('We don&#39;t have a reviewed answer') ||
      html.includes("We don't have a reviewed answer"),
    answers: answers.slice(0, LIMIT),
    urgent: /class="urgent/.test(html),
  };
}

async function viaMcp(q: string): Promise<Outcome & { urgent: boolean }> {
  const r = await mcp.callTool({ name: 'ask_medbrief', arguments: { question: q, limit: LIMIT } });
  const out = r.structuredContent as {
    abstained: boolean;
    urgentNotice: unknown;
    results: { url: string }[];
  };
  return {
    abstained: out.abstained,
    answers: out.results.map((x) => fromPath(x.url)),
    urgent: out.urgentNotice !== null,
  };
}

function viaCli(q: string): Outcome & { urgent: boolean } {
  const r = runCli(['ask', q, '--db', db, '--json', '--limit', String(LIMIT), '--no-cache']);
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout) as {
    abstained: boolean;
    redFlag: unknown;
    results: { answerId: string }[];
  };
  return {
    abstained: out.abstained,
    answers: out.results.map((x) => x.answerId),
    urgent: out.redFlag !== null,
  };
}

function viaBatch(): Map<string, Outcome & { urgent: boolean }> {
  const input = MESSAGES.map((question, id) => JSON.stringify({ id, question })).join('\n');
  const r = runCli(['ask', '--batch', '-', '--db', db, '--limit', String(LIMIT), '--no-cache'], { input });
  expect(r.status, r.stderr).toBe(0);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  return new Map(
    lines.map((l: { id: number; abstained: boolean; redFlag: unknown; results: { answerId: string }[] }) => [
      MESSAGES[l.id]!,
      { abstained: l.abstained, answers: l.results.map((x) => x.answerId), urgent: l.redFlag !== null },
    ]),
  );
}

describe('the CLI, the API, the page and MCP agree', () => {
  it('on every message: same answers in the same order, same abstentions, same urgent notices', async () => {
    // The CLI runs first: spawnSync blocks this process (and the server in it), which would let
    // the HTTP client's kept-alive connections time out between requests.
    const batch = viaBatch();
    expect(batch.size).toBe(MESSAGES.length);
    const single = new Map(MESSAGES.filter((_, i) => i < 3 || i === 4).map((q) => [q, viaCli(q)] as const));
    const seen = { answered: 0, abstained: 0, urgent: 0 };
    for (const q of MESSAGES) {
      const api = await viaApi(q);
      const page = await viaPage(q);
      const tool = await viaMcp(q);
      const fromBatch = batch.get(q)!;
      expect(page.answers, `page vs API: ${q}`).toEqual(api.answers);
      expect(page.abstained, `page vs API: ${q}`).toBe(api.abstained);
      expect(tool.answers, `MCP vs API: ${q}`).toEqual(api.answers);
      expect(tool.abstained, `MCP vs API: ${q}`).toBe(api.abstained);
      expect(fromBatch.answers, `ask --batch vs API: ${q}`).toEqual(api.answers);
      expect(fromBatch.abstained, `ask --batch vs API: ${q}`).toBe(api.abstained);
      expect(tool.urgent, `MCP vs ask --batch: ${q}`).toBe(fromBatch.urgent);
      expect(page.urgent, `page vs ask --batch: ${q}`).toBe(fromBatch.urgent);
      // One process per question is slow; the single-question CLI is checked on four of them.
      const cli = single.get(q);
      if (cli) {
        expect(cli.answers, `ask vs API: ${q}`).toEqual(api.answers);
        expect(cli.abstained, `ask vs API: ${q}`).toBe(api.abstained);
      }
      if (api.abstained) seen.abstained++;
      else seen.answered++;
      if (fromBatch.urgent) seen.urgent++;
    }
    // The set must exercise both outcomes and the urgent notice, or agreement would prove little.
    expect(seen.answered).toBeGreaterThanOrEqual(4);
    expect(seen.abstained).toBeGreaterThanOrEqual(2);
    expect(seen.urgent).toBeGreaterThanOrEqual(1);
  }, 180_000);
});
