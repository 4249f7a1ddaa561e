/**
 * The OpenAPI 3.1 document of /api/v1, generated: component schemas come from the zod schemas via
 * z.toJSONSchema (JSON Schema 2020-12, which OpenAPI 3.1 uses as is); only the list of paths is
 * written here.
 */
import { z } from 'zod';
import { NAMED_SCHEMAS, PageQuerySchema } from './schemas.js';

type JsonObject = Record<string, unknown>;

export const API_VERSION = '1.0.0';

function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Inside an OpenAPI document the component's own $schema/$id are noise.
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
    out[id] = rest;
  }
  return out;
}

const ref = (name: keyof typeof NAMED_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });

function pageParameters() {
  const json = z.toJSONSchema(PageQuerySchema, { io: 'input' }) as {
    properties: Record<string, JsonObject & { description?: string }>;
  };
  return Object.entries(json.properties).map(([name, schema]) => {
    const { description, ...rest } = schema;
    return { name, in: 'query', required: false, description, schema: rest };
  });
}

const pathParam = (name: string, description: string) => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' },
});

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});

function ok(description: string, schema: keyof typeof NAMED_SCHEMAS, paginated = false) {
  return {
    description,
    headers: {
      ETag: { description: 'strong validator; send it back in If-None-Match', schema: { type: 'string' } },
      'Cache-Control': { schema: { type: 'string' } },
      ...(paginated
        ? {
            Link: {
              description: 'RFC 8288 links to the next and previous pages',
              schema: { type: 'string' },
            },
          }
        : {}),
    },
    content: { 'application/json': { schema: ref(schema) } },
  };
}

const notModified = { description: 'Not modified: the If-None-Match validator still matches' };

function get(summary: string, operationId: string, parameters: unknown[], response: unknown, extra = {}) {
  return {
    get: {
      summary,
      operationId,
      parameters,
      responses: {
        '200': response,
        '304': notModified,
        ...extra,
        '500': problemResponse('Server error'),
      },
    },
  };
}

export function openApiDocument(baseUrl: string): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'MedBrief API',
      version: API_VERSION,
      summary: 'Medically reviewed short answers about health conditions, with their review status.',
      description:
        'Read-only, public and CORS-enabled. Every response carries an ETag; send it back in If-None-Match ' +
        'for a 304. Errors are RFC 9457 problem+json. The unversioned paths under /api/ are aliases of ' +
        '/api/v1/ kept for existing clients.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: {
      '/conditions': get(
        'List conditions A–Z',
        'listConditions',
        pageParameters(),
        ok('A page of conditions', 'ConditionList', true),
        { '400': problemResponse('Invalid limit or offset') },
      ),
      '/conditions/{condition}': get(
        'A condition and its published answers',
        'getCondition',
        [pathParam('condition', 'condition slug (synonym slugs are accepted)')],
        ok('The condition', 'ConditionDetail'),
        { '404': problemResponse('No such condition') },
      ),
      '/conditions/{condition}/{answer}': get(
        'One published answer',
        'getAnswer',
        [pathParam('condition', 'condition slug'), pathParam('answer', 'answer slug (usually the aspect)')],
        ok('The answer with its review status', 'AnswerResource'),
        { '404': problemResponse('No such answer') },
      ),
      '/answers': get(
        'Every published answer, in a stable order',
        'listAnswers',
        pageParameters(),
        ok('A page of answers', 'AnswerList', true),
        { '400': problemResponse('Invalid limit or offset') },
      ),
      '/reviewers': get('Medical reviewers', 'listReviewers', [], ok('All reviewers', 'ReviewerList')),
    },
    components: { schemas: componentSchemas() },
  };
}
