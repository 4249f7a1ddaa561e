/** MCP server: MedBrief's stored answers for AI assistants, over stdio and Streamable HTTP. */
export type {
  AskService,
  AskServiceResult,
  AskServiceSource,
} from './ask-service.js';
export { RESOURCE_DESCRIPTION, SERVER_INSTRUCTIONS, TOOL_DESCRIPTIONS } from './descriptions.js';
export { RESOURCE_NOT_FOUND, ResourceNotFoundError, ToolInputError } from './errors.js';
export { MAX_MCP_BODY_BYTES, MCP_PATH, mountMcp } from './http.js';
export { answerRecord, answerResourceUri, reviewStatusLine } from './records.js';
export * from './schemas.js';
export { createMcpServer, MCP_SERVER_NAME, MCP_SERVER_VERSION, type McpServerOptions } from './server.js';
export { serveMcpStdio } from './stdio.js';
