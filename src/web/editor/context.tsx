/**
 * What every editor handler shares: the store, the workflow repository, site config, auth
 * options, and the few response helpers (render a page, explain a refusal, load an answer).
 */
import type { Context, Hono } from 'hono';
import { renderDocument, type SiteConfig } from '../../site/index.js';
import type { SessionInfo, Store } from '../../store/index.js';
import { isAction, WorkflowError, type WorkflowRepo } from '../../workflow/index.js';
import type { AuthOptions, EditorEnv } from './auth.js';
import { lintForEditor } from './lint.js';
import { MessagePage } from './pages/message.js';

export type C = Context<EditorEnv>;
export type EditorApp = Hono<EditorEnv>;

export interface EditorDeps {
  store: Store;
  repo: WorkflowRepo;
  config: SiteConfig;
  auth: AuthOptions;
}

export const html = async (c: C, page: Parameters<typeof renderDocument>[0], status = 200) =>
  c.html(await renderDocument(page), status as 200);

export function message(
  deps: EditorDeps,
  c: C,
  status: number,
  title: string,
  text: string,
  hint?: string,
  back?: string,
) {
  return html(
    c,
    <MessagePage
      config={deps.config}
      session={c.get('session')}
      status={status}
      title={title}
      message={text}
      hint={hint}
      back={back}
    />,
    status,
  );
}

export const notFound = (c: C) => new WorkflowError('not-found', `There is no answer ${c.req.param('id')}.`);

export async function loadAnswer(deps: EditorDeps, c: C) {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id) || id <= 0) return null;
  return deps.repo.getAnswer(id);
}

export const reviewerIds = async (deps: EditorDeps) => (await deps.store.listReviewers()).map((r) => r.id);

export async function lintMarkdown(deps: EditorDeps, markdown: string) {
  return lintForEditor(markdown, { today: deps.config.today(), reviewers: await reviewerIds(deps) });
}

/** Runs a transition (the publish action itself refuses while lint errors remain). */
export async function runTransition(
  deps: EditorDeps,
  s: SessionInfo,
  id: number,
  action: string,
  revisionId: number | undefined,
  comment: string,
) {
  if (!isAction(action) || action === 'edit')
    throw new WorkflowError('invalid', `unknown action "${action}"`);
  return deps.repo.transition(id, s.user, { action, revisionId, comment });
}
