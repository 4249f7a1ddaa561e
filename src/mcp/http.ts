/**
 * /mcp on the web app: the Streamable HTTP transport in stateless mode. The server is read-only,
 * so there is no session to keep: each POST gets a fresh McpServer + transport (the SDK's advice
 * for stateless servers, so JSON-RPC ids of different clients never collide) and plain JSON back.
 * GET (server-initiated SSE stream) and DELETE (end a session) answer 405, as the spec allows.
 * The MCP SDK (and the JSON-schema validator it brings) loads on the first POST, so a server that
 * no assistant talks to does not hold it in memory.
 */
import type { Hono } from 'hono';
import { connectService } from '../connect/index.js';
import { searchService } from '../search/index.js';
import type { McpServerOptions } from './server.js';

export const MCP_PATH = '/mcp';
/** A tool call is a few hundred bytes; anything near this is not a real client. */
export const MAX_MCP_BODY_BYTES = 64 * 1024;

function jsonRpcError(status: number, code: number, message: string): Response {
  return new Response(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }), {
    status,
    headers: { 'content-type': 'application/json', ...(status === 405 ? { allow: 'POST' } : {}) },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: any Hono app, whatever its env and schema types.
export function mountMcp(app: Hono<any, any, any>, options: McpServerOptions, path = MCP_PATH): void {
  // One engine for all requests (built on first ask), not one per request.
  const shared: McpServerOptions = {
    ...options,
    ask: options.ask ?? searchService(options.store, { emergencyNumber: options.config.emergencyNumber }),
    connect: options.connect ?? connectService(options.store, options.config),
  };

  let handler: Promise<typeof import('./http-handler.js')> | null = null;
  app.post(path, async (c) => {
    handler ??= import('./http-handler.js');
    return (await handler).handleMcpPost(shared, c.req.raw, MAX_MCP_BODY_BYTES);
  });

  const notAllowed = () =>
    jsonRpcError(405, -32000, 'Method not allowed: this MCP server is stateless; send JSON-RPC with POST.');
  app.get(path, notAllowed);
  app.delete(path, notAllowed);
}
