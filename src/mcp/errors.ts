/** Errors the MCP server reports to a client: what was wrong and how to fix the call. */
/** JSON-RPC code the MCP specification gives to "resource not found". */
export const RESOURCE_NOT_FOUND = -32002;

/**
 * A tool call the server understood but cannot answer as asked (unknown condition, unknown
 * aspect). The SDK reports it as a tool result with isError, so the model can read and retry.
 */
export class ToolInputError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(`${message}. ${hint}`);
    this.name = 'ToolInputError';
  }
}

/**
 * A JSON-RPC error for resources/read. Not the SDK's McpError: that one puts "MCP error <code>:"
 * into the message itself, and the client adds it again.
 */
export class ResourceNotFoundError extends Error {
  readonly code = RESOURCE_NOT_FOUND;
  readonly data: { uri: string };
  constructor(uri: string, hint: string) {
    super(`Resource ${uri} not found. ${hint}`);
    this.name = 'ResourceNotFoundError';
    this.data = { uri };
  }
}
