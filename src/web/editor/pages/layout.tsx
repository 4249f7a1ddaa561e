/** The editor's page frame: the site layout plus the editor's own navigation and styles. */
import type { Child } from 'hono/jsx';
import { Layout, type SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import { type DiffOp, type State, stateLabel } from '../../../workflow/index.js';

/** Counts shown in the navigation, set per request by the editor routes (see handlers/team.tsx). */
export interface NavCounts {
  tasks: number;
  /** This person's unread notifications. */
  notices: number;
}
const navCounts = new WeakMap<SessionInfo, NavCounts>();
export function setNavCounts(session: SessionInfo, counts: NavCounts): void {
  navCounts.set(session, counts);
}

/** A count beside a navigation link (nothing when zero), read out with what it counts. */
function NavCount({ n, what }: { n: number | undefined; what: string }) {
  if (!n) return null;
  return (
    <span class="count">
      {n}
      <span class="visually-hidden"> {what}</span>
    </span>
  );
}

export interface EditorPageProps {
  config: SiteConfig;
  title: string;
  path: string;
  session: SessionInfo | null;
  scripts?: string[];
  children?: Child;
}

const NAV: { href: string; label: string; roles?: string[] }[] = [
  { href: '/editor/tasks', label: 'My tasks' },
  { href: '/editor/tasks#notifications', label: 'Notifications' },
  { href: '/editor', label: 'Answers' },
  { href: '/editor/new', label: 'New answer' },
  { href: '/editor/queue', label: 'Review due' },
  { href: '/editor/gaps', label: 'Question gaps', roles: ['author', 'editor', 'admin'] },
  { href: '/editor/audit', label: 'Audit log', roles: ['editor', 'admin'] },
  { href: '/editor/accounts', label: 'Accounts', roles: ['admin'] },
];

export function EditorLayout({ config, title, path, session, scripts, children }: EditorPageProps) {
  const counts = session ? navCounts.get(session) : undefined;
  const tasks = counts?.tasks;
  const notices = counts?.notices;
  const current = (href: string) =>
    href === '/editor' ? path === '/editor' : path === href || path.startsWith(`${href}/`);
  return (
    <Layout
      config={config}
      title={title}
      path={path}
      noindex
      scripts={scripts}
      head={<link rel="stylesheet" href="/assets/editor.css" />}
    >
      <div class="editor">
        {session ? (
          <nav class="editor-nav" aria-label="Editor">
            <ul>
              {NAV.filter((n) => !n.roles || n.roles.includes(session.user.role)).map((n) => (
                <li>
                  <a href={n.href} aria-current={current(n.href) ? 'page' : undefined}>
                    {n.label}
                    {n.href === '/editor/tasks' ? <NavCount n={tasks} what="waiting" /> : null}
                    {n.href === '/editor/tasks#notifications' ? <NavCount n={notices} what="unread" /> : null}
                  </a>
                </li>
              ))}
            </ul>
            <form method="post" action="/logout">
              <CsrfField token={session.csrfToken} />
              <span>
                Signed in as <strong>{session.user.name}</strong> ({session.user.role})
              </span>
              <button type="submit">Sign out</button>
            </form>
          </nav>
        ) : null}
        {children}
      </div>
    </Layout>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function StateTag({ state }: { state: State }) {
  return <span class={`state state-${state}`}>{stateLabel(state)}</span>;
}

/** A word-level diff: deletions struck through, insertions marked, readable without colour. */
export function DiffView({ ops, label }: { ops: readonly DiffOp[]; label: string }) {
  return (
    <section aria-label={label}>
      <pre class="diff">
        {ops.map((o) =>
          o.op === 'equal' ? (
            o.text
          ) : o.op === 'delete' ? (
            <del title="removed">{o.text}</del>
          ) : (
            <ins title="added">{o.text}</ins>
          ),
        )}
      </pre>
    </section>
  );
}

export interface ProblemItem {
  line: number;
  column: number;
  message: string;
  hint?: string;
  severity?: string;
  ruleId?: string;
}

export function ProblemList({ title, items }: { title: string; items: readonly ProblemItem[] }) {
  if (!items.length) return null;
  return (
    <section class="problems" aria-label={title}>
      <h2>{title}</h2>
      <ul>
        {items.map((p) => (
          <li class={p.severity === 'warn' ? 'lint-warn' : 'lint-error'}>
            {p.line > 0 ? `Line ${p.line}:${p.column} — ` : ''}
            {p.severity ? <strong>{p.severity === 'warn' ? 'Warning' : 'Error'}: </strong> : null}
            {p.message}
            {p.ruleId ? ` [${p.ruleId}]` : ''}
            {p.hint ? <div class="status">How to fix: {p.hint}</div> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
