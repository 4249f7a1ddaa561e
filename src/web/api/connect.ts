/**
 * GET /api/v1/connect — look answers up by diagnosis code, with the HL7 Infobutton URL-based
 * parameters MedlinePlus Connect uses. 200 with an empty feed (and match "none") when no
 * condition has the code; 400 problem+json naming the parameter when the request is malformed.
 * ETag and Cache-Control come from the API's conditionalGet middleware.
 */
import type { Context } from 'hono';
import {
  type ConnectProvider,
  PARAM,
  parseConnectQuery,
  renderAtom,
  renderJson,
  renderJsonp,
} from '../../connect/index.js';
import type { SiteConfig } from '../../site/index.js';
import { problem } from './problem.js';

/** Lookups change only when content does; a portal may cache them for a while. */
export const CONNECT_CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export function connectHandler(getIndex: ConnectProvider, config: SiteConfig) {
  return async (c: Context): Promise<Response> => {
    const url = c.req.url;
    const q = url.indexOf('?');
    const query = q < 0 ? '' : url.slice(q + 1);
    const parsed = parseConnectQuery(query);
    if (!parsed.ok) {
      return problem(
        parsed.status,
        parsed.status === 414 ? 'URI Too Long' : 'Bad Request',
        parsed.status === 414
          ? 'The query string is too long; send only the Infobutton parameters.'
          : `Invalid parameter${parsed.errors.length > 1 ? 's' : ''}: ${parsed.errors.map((e) => e.name).join(', ')}; see "errors".`,
        c.req.path,
        parsed.errors,
      );
    }
    const req = parsed.request;
    const result = (await getIndex()).lookup(req);
    const body =
      req.format === 'atom'
        ? renderAtom(result, config)
        : req.format === 'jsonp'
          ? renderJsonp(result, req.callback!)
          : renderJson(result);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': req.mediaType,
        'cache-control': CONNECT_CACHE_CONTROL,
        // What matched, without parsing the body ("exact", "parent", "display-name", "none").
        'x-medbrief-match': result.match.kind,
      },
    });
  };
}

export { PARAM as CONNECT_PARAMS };
