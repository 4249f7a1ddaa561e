/** The editor's page frame: the site layout plus the editor's own navigation and styles. */
import type { Child } from 'hono/jsx';
import { Layout, type SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import { type DiffOp, type State, stateLabel } from '../../../workflow/index.js';

const EDITOR_CSS = `
.editor-nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;border-bottom:1px solid var(--line,#ccc);padding:.5rem 0;margin-bottom:1rem}
.editor-nav form{margin-left:auto}
.editor .editor-nav a{margin-right:1rem}
.editor table{border-collapse:collapse;width:100%}
.editor th,.editor td{border-bottom:1px solid #ddd;padding:.35rem .5rem;text-align:left;vertical-align:top}
.editor textarea{width:100%;font-family:ui-monospace,monospace;font-size:.9rem}
.editor .state{display:inline-block;padding:0 .4rem;border-radius:4px;background:#eef;font-size:.85rem}
.editor .problems{border-left:4px solid #b00;padding:.25rem .75rem;background:#fff4f4}
.editor .lint-warn{color:#7a5a00}.editor .lint-error{color:#b00}
.editor .notice{border-left:4px solid #0a6;padding:.25rem .75rem;background:#f2fbf6}
.editor ins{background:#d7f5dd;text-decoration:none}.editor del{background:#fbdada}
.editor pre.diff{white-space:pre-wrap;border:1px solid #ddd;padding:.75rem;font-size:.9rem}
.editor .actions form{display:inline-block;margin:.25rem .5rem .25rem 0;vertical-align:top}
.editor .preview{border:1px dashed #aaa;padding:.5rem 1rem}
`;

export interface EditorPageProps {
  config: SiteConfig;
  title: string;
  path: string;
  session: SessionInfo | null;
  children?: Child;
}

export function EditorLayout({ config, title, path, session, children }: EditorPageProps) {
  return (
    <Layout config={config} title={title} path={path} head={<meta name="robots" content="noindex" />}>
      <style>{EDITOR_CSS}</style>
      <div class="editor">
        {session ? (
          <nav class="editor-nav" aria-label="Editor">
            <a href="/editor">Answers</a>
            <a href="/editor/new">New answer</a>
            <a href="/editor/queue">Review due</a>
            {session.user.role === 'admin' || session.user.role === 'editor' ? (
              <a href="/editor/audit">Audit log</a>
            ) : null}
            <form method="post" action="/logout">
              <CsrfField token={session.csrfToken} />
              <span>
                Signed in as <strong>{session.user.name}</strong> ({session.user.role}){' '}
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
