/**
 * The editor: server-rendered pages that work without JavaScript (every action is a form POST
 * with a CSRF token), plus a small JSON API under /editor/api for scripts and tests. Rules live
 * in src/workflow and persistence in the store; handlers only translate HTTP, and errors leave
 * through the app's one error handler (src/web/errors.tsx).
 *
 * One file per group of routes in ./handlers, registered here in order (guards first).
 */
import { Hono } from 'hono';
import type { SiteConfig } from '../../site/index.js';
import type { Store } from '../../store/index.js';
import { defaultLintGate, type WorkflowRepoOptions, workflowRepo } from '../../workflow/index.js';
import type { AuthOptions, EditorEnv } from './auth.js';
import { CheckPool } from './check-pool.js';
import type { EditorDeps } from './context.js';
import { registerAnswers } from './handlers/answers.js';
import { registerApi } from './handlers/api.js';
import { registerEditing } from './handlers/editing.js';
import { registerGuards } from './handlers/guards.js';
import { registerLists } from './handlers/lists.js';
import { registerSchedule } from './handlers/schedule.js';
import { registerSignIn } from './handlers/sign-in.js';
import { registerTeam } from './handlers/team.js';

export interface EditorOptions extends AuthOptions {
  /** How often the scheduled-publishing job runs (ms; 0 = never; default 30 s or MEDBRIEF_SCHEDULER_MS). */
  schedulerIntervalMs?: number;
  repo?: WorkflowRepoOptions;
}

export function editorRoutes(store: Store, config: SiteConfig, options: EditorOptions = {}) {
  const deps: EditorDeps = {
    store,
    config,
    auth: { insecureCookies: process.env.MEDBRIEF_INSECURE_COOKIES === '1', ...options },
    repo: workflowRepo(store, {
      defaultIntervalMonths: config.reviewIntervalMonths,
      // Publishing lints with the site's idea of today, like the editor's previews.
      lint: (answer, known) => defaultLintGate(answer, { ...known, today: config.today() }),
      ...options.repo,
    }),
  };
  const app = new Hono<EditorEnv>();
  registerGuards(app, deps);
  registerSignIn(app, deps);
  registerTeam(app, deps);
  registerLists(app, deps);
  registerEditing(app, deps, new CheckPool());
  registerSchedule(app, deps, { intervalMs: options.schedulerIntervalMs });
  registerAnswers(app, deps);
  registerApi(app, deps);
  return app;
}
