/** RFC 9457 problem documents: every API error has this shape and media type. */
import type { Problem } from './schemas.js';

export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

export function problem(
  status: number,
  title: string,
  detail: string,
  instance?: string,
  errors?: Problem['errors'],
): Response {
  const body: Problem = {
    type: 'about:blank',
    title,
    status,
    detail,
    instance,
    ...(errors ? { errors } : {}),
  };
  return problemResponse(body);
}

/** Any problem document (the standard members plus extensions such as `code` or `hint`). */
export function problemResponse(body: Problem & Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: { 'content-type': PROBLEM_TYPE, 'cache-control': 'no-store' },
  });
}

export function notFoundProblem(path: string): Response {
  return problem(404, 'Not Found', `Nothing is published at ${path}.`, path);
}
