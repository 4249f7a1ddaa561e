/**
 * The OpenAPI 3.1 document of /api/v1, generated: component schemas come from the zod schemas via
 * z.toJSONSchema (JSON Schema 2020-12, which OpenAPI 3.1 uses as is); only the list of paths is
 * written here.
 */
import { z } from 'zod';
import { CODE_SYSTEM_INFO, CODE_SYSTEMS } from '../../content/index.js';
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

const query = (name: string, description: string, schema: JsonObject, required = false) => ({
  name,
  in: 'query',
  required,
  description,
  schema,
});

/** GET /connect: the HL7 Infobutton URL-based request (MedlinePlus Connect's parameters). */
function connectPath(): JsonObject {
  const oids = CODE_SYSTEMS.filter((s) => CODE_SYSTEM_INFO[s].oid).map(
    (s) => `${CODE_SYSTEM_INFO[s].oid} (${CODE_SYSTEM_INFO[s].name})`,
  );
  const parameters = [
    query('mainSearchCriteria.v.cs', `Code system OID, required with a code: ${oids.join(', ')}.`, {
      type: 'string',
      enum: CODE_SYSTEMS.map((s) => CODE_SYSTEM_INFO[s].oid).filter(Boolean),
    }),
    query(
      'mainSearchCriteria.v.c',
      'The code, e.g. E11.65 (ICD-10-CM; the dot may be left out), 44054006 (SNOMED CT), C0011860 (UMLS). ICD-10-CM falls back to parent codes.',
      { type: 'string', maxLength: 64 },
    ),
    query(
      'mainSearchCriteria.v.dn',
      'Display name, used only when no condition has the code (or no code is sent): matched against condition names and synonyms, never against answer text.',
      { type: 'string', maxLength: 200 },
    ),
    query('informationRecipient', 'PAT (patient, default) or PROV (provider: professional answers first).', {
      type: 'string',
      enum: ['PAT', 'PROV'],
    }),
    query(
      'informationRecipient.languageCode.c',
      'Requested language; content is English and a response to another language says so in notes.',
      { type: 'string', default: 'en' },
    ),
    query(
      'knowledgeResponseType',
      'text/xml (Atom feed, default), application/json, or text/javascript (JSONP; needs callback).',
      {
        type: 'string',
        enum: ['text/xml', 'application/atom+xml', 'application/json', 'text/javascript'],
        default: 'text/xml',
      },
    ),
    query('callback', 'JSONP function name, [A-Za-z_][A-Za-z0-9_.]*, at most 64 characters.', {
      type: 'string',
      pattern: '^[A-Za-z_][A-Za-z0-9_.]*$',
      maxLength: 64,
    }),
  ];
  const headers = {
    ETag: { description: 'strong validator; send it back in If-None-Match', schema: { type: 'string' } },
    'Cache-Control': { schema: { type: 'string' } },
    'X-MedBrief-Match': {
      description: 'what matched: exact, parent, display-name or none',
      schema: { type: 'string', enum: ['exact', 'parent', 'display-name', 'none'] },
    },
  };
  return {
    get: {
      summary: 'Answers for a diagnosis code (HL7 Infobutton / MedlinePlus Connect style)',
      description:
        'Exact code, then (ICD-10-CM) parent codes, then the display name. A code nobody holds is a 200 with ' +
        'no entries and match "none". Reviewed answers come first; imported answers are labelled "not yet ' +
        'reviewed by our medical team". Other Infobutton parameters are accepted and ignored.',
      operationId: 'connect',
      parameters,
      responses: {
        '200': {
          description: 'The matching conditions (possibly none)',
          headers,
          content: {
            'text/xml': {
              schema: { type: 'string', description: 'Atom 1.0 feed: one entry per condition' },
            },
            'application/json': { schema: ref('ConnectResult') },
            'text/javascript': {
              schema: { type: 'string', description: '/**/callback(<ConnectResult JSON>);' },
            },
          },
        },
        '304': notModified,
        '400': problemResponse('A parameter is invalid (errors[].name says which)'),
        '414': problemResponse('The query string is longer than 8,192 characters'),
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
      '/connect': connectPath(),
    },
    components: { schemas: componentSchemas() },
  };
}
