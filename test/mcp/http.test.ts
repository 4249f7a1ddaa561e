/**
 * /mcp on the web app: the app runs in-process on 127.0.0.1 (port 0) and the SDK client connects
 * with the Streamable HTTP transport, exactly as a remote assistant would.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_MCP_BODY_BYTES } from '../../src/mcp/index.js';
import { openStore, type Store } from '../../src/store/index.js';
import { createApp, type RunningServer, startServer } from '../../src/web/index.js';
import { describeMcpContract } from './contract.js';
import { fixtureDatabase } from './fixture.js';

const BASE_URL = 'https://medbrief.example.org';

async function startFixtureServer(): Promise<{ server: RunningServer; store: Store }> {
  const store = await openStore(await fixtureDatabase());
  const { app } = createApp({ store, config: { baseUrl: BASE_URL } });
  return { server: await startServer(app, 0), store };
}

describeMcpContract('Streamable HTTP', async () => {
  const { server, store } = await startFixtureServer();
  const client = new Client({ name: 'medbrief-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.url}/mcp`)));
  return {
    client,
    baseUrl: BASE_URL,
    alive: async () => (await fetch(`${server.url}/healthz`).catch(() => null)) !== null,
    close: async () => {
      await client.close();
      await server.close();
      await store.close();
    },
  };
});

describe('/mcp over plain HTTP', () => {
  let running: { server: RunningServer; store: Store };
  beforeAll(async () => {
    running = await startFixtureServer();
  });
  afterAll(async () => {
    await running.server.close();
    await running.store.close();
  });

  const post = (body: string) =>
    fetch(`${running.server.url}/mcp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body,
    });
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } },
  });

  it('answers GET and DELETE with 405: the server is stateless', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await fetch(`${running.server.url}/mcp`, {
        method,
        headers: { accept: 'text/event-stream' },
      });
      expect(res.status).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/stateless.*POST/);
    }
  });

  it('refuses an oversized body and malformed JSON, then still initialises', async () => {
    const huge = await post(
      JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'ping',
        params: { x: 'a'.repeat(MAX_MCP_BODY_BYTES) },
      }),
    );
    expect(huge.status).toBe(413);
    const broken = await post('{"jsonrpc": "2.0", "id": 1, "method": ');
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: number } }).error.code).toBe(-32700);

    const ok = await post(initialize);
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { result: { serverInfo: { name: string }; instructions: string } };
    expect(body.result.serverInfo.name).toBe('medbrief');
    expect(body.result.instructions).toMatch(/never generates text/);
  });
});
