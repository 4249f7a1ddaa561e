import type { SiteConfig } from '../../../site/index.js';
import type { EditorAnswerSummary, SessionInfo } from '../../../store/index.js';
import { type DueStatus, STATES, stateLabel } from '../../../workflow/index.js';
import { EditorLayout, StateTag } from './layout.js';

export interface ListRow extends EditorAnswerSummary {
  due: string | null;
  dueStatus: DueStatus | null;
}

export function ListPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  rows: ListRow[];
  filter: { state?: string; condition?: string; due?: string };
  conditions: { slug: string; name: string }[];
}) {
  const { filter } = props;
  return (
    <EditorLayout config={props.config} title="Answers" path="/editor" session={props.session}>
      <h1>Answers</h1>
      <form method="get" action="/editor" class="filters">
        <label>
          State{' '}
          <select name="state">
            <option value="">any</option>
            {STATES.map((s) => (
              <option value={s} selected={filter.state === s}>
                {stateLabel(s)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Condition{' '}
          <select name="condition">
            <option value="">any</option>
            {props.conditions.map((c) => (
              <option value={c.slug} selected={filter.condition === c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Review{' '}
          <select name="due">
            <option value="">any</option>
            <option value="overdue" selected={filter.due === 'overdue'}>
              overdue
            </option>
            <option value="soon" selected={filter.due === 'soon'}>
              overdue or due within 30 days
            </option>
          </select>
        </label>{' '}
        <button type="submit">Filter</button>
      </form>
      <p>{props.rows.length} answers</p>
      <table>
        <thead>
          <tr>
            <th scope="col">Question</th>
            <th scope="col">Condition</th>
            <th scope="col">State</th>
            <th scope="col">Public</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr>
              <td>
                <a href={`/editor/answers/${r.id}`}>{r.question || `${r.conditionSlug}/${r.slug}`}</a>
              </td>
              <td>{r.conditionName}</td>
              <td>
                <StateTag state={r.state} />
              </td>
              <td>{r.publishedRevisionId ? 'published' : '—'}</td>
              <td>{r.due ? `${r.due}${r.dueStatus === 'overdue' ? ' (overdue)' : ''}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </EditorLayout>
  );
}
