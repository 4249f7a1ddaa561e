/**
 * MCP server latency: tool calls through the official SDK client, over Streamable HTTP (/mcp on
 * the app, in-process server on 127.0.0.1) and over stdio (`medbrief mcp` as a child process,
 * started through tsx as the tests do). Demo content. Writes bench/results/mcp.json.
 * Run: `npx tsx bench/mcp.ts` (or through bench/run.ts, which calls main()).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { importContentFolder } from '../src/cli/commands/import.js';
import { openStore } from '../src/store/index.js';
import { createApp, startServer } from '../src/web/index.js';
import { tempDir } from '../test/helpers/content-fixture.js';
import { percentile, timed, writeResult } from './lib.js';

const root = resolve(import.meta.dirname, '..');
const ROUNDS = 5;
const OFF_TOPIC = [
  'what is the best pizza topping?',
  'how do I change a car tyre?',
  'who won the world cup in 1966?',
];

type Call = { name: string; arguments: Record<string, unknown> };

async function measure(client: Client, calls: Call[]) {
  const byTool = new Map<string, number[]>();
  for (let r = 0; r < ROUNDS; r++) {
    for (const call of calls) {
      const { value, seconds } = await timed(() => client.callTool(call));
      if (value.isError) throw new Error(`${call.name} failed: ${JSON.stringify(value.content)}`);
      const list = byTool.get(call.name) ?? [];
      list.push(seconds * 1000);
      byTool.set(call.name, list);
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return Object.fromEntries(
    [...byTool].map(([name, ms]) => {
      const sorted = [...ms].sort((a, b) => a - b);
      return [
        name,
        {
          calls: ms.length,
          p50Ms: round(percentile(sorted, 50)),
          p95Ms: round(percentile(sorted, 95)),
          maxMs: round(sorted.at(-1)!),
        },
      ];
    }),
  );
}

export async function main(): Promise<Record<string, unknown>> {
  const db = join(tempDir('medbrief-bench-mcp-'), 'medbrief.db');
  const store = await openStore(db);
  await importContentFolder(store, join(root, 'demo', 'content'), 'bench');
  const answers = await store.allPublishedAnswers();
  const calls: Call[] = [
    ...answers.map((a) => ({ name: 'ask_medbrief', arguments: { question: a.revision.answer.question } })),
    ...OFF_TOPIC.map((question) => ({ name: 'ask_medbrief', arguments: { question } })),
    ...answers.map((a) => ({
      name: 'get_answer',
      arguments: { condition: a.conditionSlug, aspect: a.aspect },
    })),
    { name: 'list_conditions', arguments: {} },
    ...[...new Set(answers.map((a) => a.conditionSlug))].map((condition) => ({
      name: 'list_questions',
      arguments: { condition },
    })),
  ];

  // Streamable HTTP, stateless: every call is a fresh POST with its own server instance.
  const { app } = createApp({ store });
  const server = await startServer(app, 0);
  const http = new Client({ name: 'bench', version: '1' });
  await http.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  const firstAsk = await timed(() =>
    http.callTool({ name: 'ask_medbrief', arguments: { question: 'warm-up?' } }),
  );
  const httpCalls = await measure(http, calls);
  await http.close();
  await server.close();
  await store.close();

  // stdio: a child process, as an assistant runs it.
  const stdio = new Client({ name: 'bench', version: '1' });
  const start = await timed(() =>
    stdio.connect(
      new StdioClientTransport({
        command: join(root, 'node_modules', '.bin', 'tsx'),
        args: [join(root, 'src', 'cli', 'main.ts'), 'mcp', '--db', db],
        cwd: root,
        stderr: 'ignore',
      }),
    ),
  );
  const stdioFirstAsk = await timed(() =>
    stdio.callTool({ name: 'ask_medbrief', arguments: { question: 'warm-up?' } }),
  );
  const stdioCalls = await measure(stdio, calls);
  await stdio.close();

  const result = {
    content: { answers: answers.length, source: 'demo/content' },
    rounds: ROUNDS,
    http: { firstAskMs: Math.round(firstAsk.seconds * 1000), tools: httpCalls },
    stdio: {
      startToInitializedMs: Math.round(start.seconds * 1000),
      firstAskMs: Math.round(stdioFirstAsk.seconds * 1000),
      tools: stdioCalls,
    },
    notes:
      'firstAsk includes building the search index and loading the entailment model (once per process). ' +
      'stdio start runs through tsx (TypeScript compiled on the fly); the built CLI starts faster.',
  };
  writeResult('mcp', result);
  console.log(JSON.stringify(result, null, 2));
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
