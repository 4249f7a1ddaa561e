/** The answer list: search, filters, sorting and pages, all in the URL (works without script). */
import { ASPECT_LABELS, ASPECTS, PUBLISHERS } from '../../../content/index.js';
import type { SiteConfig } from '../../../site/index.js';
import type { AnswerListPage, AnswerListQuery } from '../../../store/answer-list.js';
import type { SessionInfo } from '../../../store/index.js';
import { isState, STATES, stateLabel } from '../../../workflow/index.js';
import { EditorLayout, StateTag } from './layout.js';
import { DataTable } from './table.js';

function Select(props: { name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div class="field">
      <label for={`filter-${props.name}`}>{props.label}</label>
      <select id={`filter-${props.name}`} name={props.name}>
        <option value="">any</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.value === v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

export function ListPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  result: AnswerListPage;
  query: AnswerListQuery;
  /** The query string without `page`, for the pager and sort links. */
  params: Record<string, string>;
}) {
  const { query: q, result } = props;
  const link = (over: Record<string, string>) => {
    const p = new URLSearchParams({ ...props.params, ...over });
    for (const [k, v] of [...p]) if (!v) p.delete(k);
    const s = p.toString();
    return s ? `/editor?${s}` : '/editor';
  };
  const sortLink = (sort: string, label: string) => {
    const active = (q.sort ?? 'updated') === sort;
    const dir = active ? (q.desc ? 'asc' : 'desc') : sort === 'updated' ? 'desc' : 'asc';
    return (
      <a href={link({ sort, dir, page: '' })} aria-current={active ? 'true' : undefined}>
        {label}
        {active ? (q.desc ? ' ↓' : ' ↑') : ''}
      </a>
    );
  };
  const from = result.total ? (result.page - 1) * result.perPage + 1 : 0;
  const to = Math.min(result.total, result.page * result.perPage);
  return (
    <EditorLayout config={props.config} title="Answers" path="/editor" session={props.session}>
      <h1>Answers</h1>
      <search>
        <form method="get" action="/editor" class="filters">
          <div class="field">
            <label for="filter-q">Search question or condition</label>
            <input type="search" id="filter-q" name="q" value={q.q ?? ''} />
          </div>
          <Select
            name="state"
            label="State"
            value={q.state}
            options={STATES.map((s) => [s, stateLabel(s)])}
          />
          <Select
            name="aspect"
            label="Aspect"
            value={q.aspect}
            options={ASPECTS.map((a) => [a, ASPECT_LABELS[a]])}
          />
          <Select
            name="publisher"
            label="Imported from"
            value={q.publisher}
            options={Object.entries(PUBLISHERS).map(([k, v]) => [k, v.name])}
          />
          <Select
            name="reviewed"
            label="Medical review"
            value={q.reviewed}
            options={[
              ['yes', 'working revision reviewed'],
              ['no', 'not reviewed'],
            ]}
          />
          <Select
            name="due"
            label="Review date"
            value={q.due}
            options={[
              ['overdue', 'overdue'],
              ['soon', 'overdue or due within 30 days'],
            ]}
          />
          {q.condition ? <input type="hidden" name="condition" value={q.condition} /> : null}
          <div class="field">
            <button type="submit">Show answers</button> <a href="/editor">Clear</a>
          </div>
        </form>
      </search>
      <p role="status">
        {result.total ? `${from}–${to} of ${result.total} answers` : 'No answer matches.'}
        {q.condition ? ` in condition “${q.condition}”` : ''}
      </p>
      <DataTable
        label="Answers"
        columns={[
          sortLink('question', 'Question'),
          sortLink('condition', 'Condition'),
          'State',
          'Review',
          sortLink('due', 'Next review'),
          sortLink('updated', 'Changed'),
        ]}
      >
        {result.rows.map((r) => (
          <tr>
            <td>
              <a href={`/editor/answers/${r.id}`}>{r.question || `${r.conditionSlug}/${r.slug}`}</a>
            </td>
            <td>{r.conditionName}</td>
            <td>{isState(r.state) ? <StateTag state={r.state} /> : r.state}</td>
            <td>
              {r.reviewed ? 'reviewed' : 'not reviewed'}
              {r.publisher ? ` · from ${r.publisher}` : ''}
            </td>
            <td>{r.due ? `${r.due}${r.due < props.config.today() ? ' (overdue)' : ''}` : '—'}</td>
            <td>{r.updatedAt.slice(0, 10)}</td>
          </tr>
        ))}
      </DataTable>
      {result.pages > 1 ? (
        <nav class="pager" aria-label="Pages">
          {result.page > 1 ? <a href={link({ page: String(result.page - 1) })}>← Previous page</a> : null}
          <span>
            Page {result.page} of {result.pages}
          </span>
          {result.page < result.pages ? (
            <a href={link({ page: String(result.page + 1) })}>Next page →</a>
          ) : null}
        </nav>
      ) : null}
    </EditorLayout>
  );
}
