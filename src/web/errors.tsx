/**
 * The one error path of the HTTP application. Handlers throw; this module decides what the
 * client sees. Under /api and /editor/api every error is an RFC 9457 problem+json document;
 * elsewhere it is an HTML page that says what happened and what to do next. Unexpected errors
 * are logged and answered with a plain 500, never a stack trace.
 */
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { ErrorPage, renderDocument, type SiteConfig } from '../site/index.js';
import type { SessionInfo } from '../store/index.js';
import { StaleRevisionError, WorkflowError, wordDiff } from '../workflow/index.js';
import { problemResponse } from './api/problem.js';
import { editableMarkdown } from './editor/markdown.js';
import { MessagePage } from './editor/pages/message.js';

/** Largest request body any route accepts (forms, JSON, MCP), before it is parsed. */
export const MAX_REQUEST_BYTES = 512 * 1024;
/** Largest answer file (Markdown with front matter, UTF-8) the editor and its API accept. */
export const MAX_ANSWER_BYTES = 128 * 1024;

export interface FieldProblem {
  name: string;
  reason: string;
}

/** A request the server will not act on: bad syntax, wrong types, too large. */
export class RequestError extends Error {
  readonly errors?: FieldProblem[];
  readonly hint?: string;
  /** Where the HTML page's "Back" link goes. */
  readonly back?: string;
  /** More members of the problem document. */
  readonly extra: Record<string, unknown>;
  constructor(
    readonly status: 400 | 401 | 403 | 410 | 413 | 422,
    readonly title: string,
    detail: string,
    more: { errors?: FieldProblem[]; hint?: string; back?: string; extra?: Record<string, unknown> } = {},
  ) {
    super(detail);
    this.name = 'RequestError';
    this.errors = more.errors;
    this.hint = more.hint;
    this.back = more.back;
    this.extra = more.extra ?? {};
  }
}

export function tooLarge(what: string, bytes: number, limit: number): RequestError {
  return new RequestError(
    413,
    'Content Too Large',
    `The ${what} is ${Math.ceil(bytes / 1024)} KiB; the limit is ${limit / 1024} KiB.`,
    { hint: 'Split the text into shorter answers, or move detail to the sources.' },
  );
}

/** Turns a zod failure into a 400 that names every wrong field. */
export function invalidBody(error: z.ZodError, example: string): RequestError {
  const errors = error.issues.map((i) => ({
    name: i.path.length ? i.path.join('.') : '(body)',
    reason: i.message,
  }));
  return new RequestError(
    400,
    'Bad Request',
    `${errors.map((e) => `${e.name}: ${e.reason}`).join('; ')}. Send ${example}.`,
    { errors },
  );
}

export const isApiPath = (path: string) => path.startsWith('/api/') || path.startsWith('/editor/api/');
const isEditorPath = (path: string) =>
  path === '/editor' ||
  path.startsWith('/editor/') ||
  path === '/login' ||
  path === '/logout' ||
  path.startsWith('/account/');

function titleFor(status: number): string {
  if (status === 401) return 'Unauthorized';
  if (status === 403) return 'Not allowed';
  if (status === 404) return 'Not found';
  if (status === 409) return 'Conflict';
  if (status === 410) return 'Gone';
  if (status === 413) return 'Content Too Large';
  return 'Cannot do that';
}

interface Described {
  status: number;
  title: string;
  detail: string;
  hint?: string;
  back?: string;
  extra: Record<string, unknown>;
}

/** What a known error means for the client; null for an unexpected one. */
function describe(err: unknown): Described | null {
  if (err instanceof StaleRevisionError) {
    return {
      status: 409,
      title: 'Conflict',
      detail: err.message,
      hint: err.hint,
      extra: {
        code: err.code,
        hint: err.hint,
        current: {
          id: err.current.id,
          hash: err.current.hash,
          author: err.current.author,
          markdown: editableMarkdown(err.current.answer),
        },
        diff: wordDiff(editableMarkdown(err.current.answer), editableMarkdown(err.attempted)),
      },
    };
  }
  if (err instanceof WorkflowError) {
    return {
      status: err.status,
      title: titleFor(err.status),
      detail: err.message,
      hint: err.hint,
      extra: { code: err.code, hint: err.hint },
    };
  }
  if (err instanceof RequestError) {
    return {
      status: err.status,
      title: err.title,
      detail: err.message,
      hint: err.hint,
      back: err.back,
      extra: {
        ...(err.errors ? { errors: err.errors } : {}),
        ...(err.hint ? { hint: err.hint } : {}),
        ...err.extra,
      },
    };
  }
  if (err instanceof HTTPException && err.status < 500) {
    const detail =
      err.status === 413
        ? `The request body is larger than ${MAX_REQUEST_BYTES / 1024} KiB.`
        : err.message || 'The request could not be handled.';
    return { status: err.status, title: titleFor(err.status), detail, extra: {} };
  }
  return null;
}

function problemFor(c: Context, status: number, title: string, detail: string, extra = {}) {
  return problemResponse({ type: 'about:blank', title, status, detail, instance: c.req.path, ...extra });
}

export function errorHandler(
  config: SiteConfig,
  logError: (err: unknown, path: string) => void,
): ErrorHandler {
  return async (err, c) => {
    const path = c.req.path;
    const known = describe(err);
    if (!known) {
      logError(err, path);
      if (isApiPath(path))
        return problemFor(c, 500, 'Internal Server Error', 'The server could not complete this request.');
      return c.html(await renderDocument(<ErrorPage config={config} status={500} path={path} />), 500);
    }
    if (isApiPath(path)) return problemFor(c, known.status, known.title, known.detail, known.extra);
    const editor = isEditorPath(path);
    const session = editor
      ? ((c.get as (k: string) => SessionInfo | null | undefined)('session') ?? null)
      : null;
    const page = (
      <MessagePage
        config={config}
        session={session}
        status={known.status}
        title={known.title}
        message={known.detail}
        hint={known.hint}
        back={known.back ?? (editor ? undefined : '/')}
      />
    );
    return c.html(await renderDocument(page), known.status as 400);
  };
}
