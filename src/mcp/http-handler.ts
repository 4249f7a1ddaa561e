/**
 * One stateless MCP request over Streamable HTTP: a fresh McpServer + transport per POST (the
 * SDK's advice for stateless servers, so JSON-RPC ids of different clients never collide), plain
 * JSON back. Loaded by http.ts on the first request.
 */
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMcpServer, type McpServerOptions } from './server.js';

export async function handleMcpPost(
  options: McpServerOptions,
  request: Request,
  maxRequestBodySize: number,
): Promise<Response> {
  const server = createMcpServer(options);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
    maxRequestBodySize,
  });
  try {
    await server.connect(transport);
    return await transport.handleRequest(request);
  } finally {
    // With JSON responses the reply is complete here; closing frees the per-request server.
    await server.close();
  }
}
