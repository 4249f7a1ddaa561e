/**
 * The editor's JSON API under /editor/api, for scripts and tests. Bodies are validated with the
 * zod schemas in ../bodies.ts; every error leaves through the app's one error handler as
 * problem+json.
 */

import { RequestError } from '../../errors.js';
import {
  checkAnswerSize,
  jsonBody,
  SAVE_EXAMPLE,
  SaveJson,
  TRANSITION_EXAMPLE,
  TransitionJson,
} from '../bodies.js';
import type { EditorApp, EditorDeps } from '../context.js';
import { loadAnswer, notFound, runTransition } from '../context.js';
import { editableMarkdown, parseEditorMarkdown } from '../markdown.js';

export function registerApi(app: EditorApp, deps: EditorDeps) {
  app.get('/editor/api/session', (c) => {
    const s = c.get('session')!;
    return c.json({ user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
  });

  app.get('/editor/api/answers/:id', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const { current, published, ...rest } = a;
    return c.json({
      ...rest,
      current: current && {
        id: current.id,
        hash: current.hash,
        author: current.author,
        markdown: editableMarkdown(current.answer),
      },
      published: published && { id: published.id, hash: published.hash },
    });
  });

  app.put('/editor/api/answers/:id', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await jsonBody(c, SaveJson, SAVE_EXAMPLE);
    const parsed = parseEditorMarkdown(checkAnswerSize(body.markdown));
    if (!parsed.ok) {
      throw new RequestError(422, 'Unprocessable Content', 'The answer file has problems.', {
        extra: { problems: parsed.problems },
      });
    }
    const saved = await deps.repo.saveRevision(
      id,
      body.baseRevisionId,
      parsed.answer,
      c.get('session')!.user,
    );
    return c.json(
      { revision: saved.revision, created: saved.created, state: saved.state },
      saved.created ? 201 : 200,
    );
  });

  app.post('/editor/api/answers/:id/transition', async (c) => {
    const body = await jsonBody(c, TransitionJson, TRANSITION_EXAMPLE);
    const result = await runTransition(
      deps,
      c.get('session')!,
      Number(c.req.param('id')),
      body.action,
      body.revisionId ?? undefined,
      body.comment ?? '',
    );
    return c.json(result);
  });
}
