/**
 * The MedBrief MCP server: five read-only tools and one resource per published answer, on the
 * official SDK's McpServer. Transports (stdio, Streamable HTTP) are attached by stdio.ts / http.ts.
 */
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import { type ConnectProvider, connectService } from '../connect/index.js';
import { serialiseAnswer } from '../content/index.js';
import { searchService } from '../search/index.js';
import type { SiteConfig } from '../site/index.js';
import type { Store } from '../store/index.js';
import { type AskServiceSource, resolveAskService } from './ask-service.js';
import { RESOURCE_DESCRIPTION, SERVER_INSTRUCTIONS, TOOL_DESCRIPTIONS } from './descriptions.js';
import { ResourceNotFoundError } from './errors.js';
import { answerRecord, answerResourceUri, resourceAnswer } from './records.js';
import {
  AskInput,
  AskOutput,
  GetAnswerInput,
  GetAnswerOutput,
  ListConditionsInput,
  ListConditionsOutput,
  ListQuestionsInput,
  ListQuestionsOutput,
  LookupByCodeInput,
  LookupByCodeOutput,
} from './schemas.js';
import {
  askMedbrief,
  getAnswer,
  listConditions,
  listQuestions,
  lookupByCode,
  type ToolDeps,
} from './tools.js';

export const MCP_SERVER_NAME = 'medbrief';
export const MCP_SERVER_VERSION = '0.1.0';

export interface McpServerOptions {
  store: Store;
  config: SiteConfig;
  /** The engine behind /api/v1/ask; default: src/search's engine over the store, built on first use. */
  ask?: AskServiceSource;
  /** The code-lookup index behind /api/v1/connect; default: built from the store on first use. */
  connect?: ConnectProvider;
}

/**
 * One JSON Schema validator for every server instance: the SDK would build a new Ajv per server
 * (a few ms), and /mcp builds a server per request. This server never validates client schemas.
 */
const sharedValidator = new AjvJsonSchemaValidator();

/** Every tool is read-only and answers from a closed set of stored content. */
const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };

/**
 * The structured result plus the same data as text for clients that only read `content`. An
 * urgent notice goes first in both; it is stored text from the reviewed red-flag list.
 */
function toolResult(data: Record<string, unknown>, notice?: string | null): CallToolResult {
  const content: CallToolResult['content'] = [];
  if (notice) content.push({ type: 'text', text: `URGENT: ${notice}` });
  content.push({ type: 'text', text: JSON.stringify(data, null, 2) });
  return { content, structuredContent: data };
}

export function createMcpServer(options: McpServerOptions): McpServer {
  const deps: ToolDeps = {
    store: options.store,
    config: options.config,
    ask: resolveAskService(
      options.ask ?? searchService(options.store, { emergencyNumber: options.config.emergencyNumber }),
    ),
    connect: options.connect ?? connectService(options.store, options.config),
  };
  const server = new McpServer(
    { name: MCP_SERVER_NAME, version: MCP_SERVER_VERSION, title: 'MedBrief' },
    {
      instructions: SERVER_INSTRUCTIONS,
      capabilities: { resources: {}, tools: {}, completions: {} },
      jsonSchemaValidator: sharedValidator,
    },
  );

  server.registerTool(
    'ask_medbrief',
    {
      title: 'Ask MedBrief',
      description: TOOL_DESCRIPTIONS.ask_medbrief,
      inputSchema: AskInput,
      outputSchema: AskOutput,
      annotations: READ_ONLY,
    },
    async (args) => {
      const out = await askMedbrief(deps, args);
      return toolResult(out, out.urgentNotice?.text);
    },
  );

  server.registerTool(
    'get_answer',
    {
      title: 'Get a MedBrief answer',
      description: TOOL_DESCRIPTIONS.get_answer,
      inputSchema: GetAnswerInput,
      outputSchema: GetAnswerOutput,
      annotations: READ_ONLY,
    },
    async (args) => toolResult(await getAnswer(deps, args)),
  );

  server.registerTool(
    'list_conditions',
    {
      title: 'List MedBrief conditions',
      description: TOOL_DESCRIPTIONS.list_conditions,
      inputSchema: ListConditionsInput,
      outputSchema: ListConditionsOutput,
      annotations: READ_ONLY,
    },
    async (args) => toolResult(await listConditions(deps, args)),
  );

  server.registerTool(
    'list_questions',
    {
      title: 'List the questions MedBrief answers about a condition',
      description: TOOL_DESCRIPTIONS.list_questions,
      inputSchema: ListQuestionsInput,
      outputSchema: ListQuestionsOutput,
      annotations: READ_ONLY,
    },
    async (args) => toolResult(await listQuestions(deps, args)),
  );

  server.registerTool(
    'lookup_by_code',
    {
      title: 'Look MedBrief answers up by diagnosis code',
      description: TOOL_DESCRIPTIONS.lookup_by_code,
      inputSchema: LookupByCodeInput,
      outputSchema: LookupByCodeOutput,
      annotations: READ_ONLY,
    },
    async (args) => toolResult(await lookupByCode(deps, args)),
  );

  registerAnswerResources(server, deps);
  return server;
}

const LIST_PAGE = 1_000;

function registerAnswerResources(server: McpServer, deps: ToolDeps): void {
  const { store, config } = deps;
  const template = new ResourceTemplate('medbrief://conditions/{condition}/{answer}', {
    list: async () => {
      const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
      const resources = [];
      for (let offset = 0; ; offset += LIST_PAGE) {
        const page = await store.allPublishedAnswers({ limit: LIST_PAGE, offset });
        for (const view of page) {
          const record = answerRecord(view, reviewers, config);
          resources.push({
            uri: record.resourceUri,
            name: `${view.conditionSlug}/${view.slug}`,
            title: record.question,
            description: record.reviewStatus,
            mimeType: 'text/markdown',
          });
        }
        if (page.length < LIST_PAGE) break;
      }
      return { resources };
    },
    complete: {
      condition: async (value) =>
        (await store.listConditions({ prefix: value.replace(/-/g, ' '), limit: 20 })).map((c) => c.slug),
    },
  });

  server.registerResource(
    'answer',
    template,
    { title: 'MedBrief answer', description: RESOURCE_DESCRIPTION, mimeType: 'text/markdown' },
    async (uri, variables) => {
      const condition = String(variables.condition ?? '');
      const slug = String(variables.answer ?? '');
      const view = await store.getPublishedAnswer(condition, slug);
      if (!view) {
        throw new ResourceNotFoundError(
          uri.href,
          'No published answer at this address; call list_questions or resources/list for valid URIs.',
        );
      }
      const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
      const record = answerRecord(view, reviewers, config);
      return {
        contents: [
          {
            uri: answerResourceUri(view.conditionSlug, view.slug),
            mimeType: 'text/markdown',
            text: serialiseAnswer(resourceAnswer(view, reviewers, config)),
            _meta: { url: record.url, reviewStatus: record.reviewStatus, review: record.review.text },
          },
        ],
      };
    },
  );
}
