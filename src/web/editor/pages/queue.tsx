import { answerPath, type SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import type { ReviewDueItem } from '../../../workflow/index.js';
import { EditorLayout } from './layout.js';
import { DataTable } from './table.js';

export function QueuePage(props: {
  config: SiteConfig;
  session: SessionInfo;
  /** Due answers; `negativeFeedback` counts "not helpful" since the last review (those come first). */
  items: (ReviewDueItem & { negativeFeedback?: number })[];
  withinDays: number;
  today: string;
}) {
  const overdue = props.items.filter((i) => i.status === 'overdue').length;
  const raised = props.items.filter((i) => i.status === 'ok').length;
  return (
    <EditorLayout config={props.config} title="Review due" path="/editor/queue" session={props.session}>
      <h1>Medical reviews due</h1>
      <form method="get" action="/editor/queue">
        <label>
          Due within{' '}
          <select name="within">
            {[7, 30, 90, 365].map((d) => (
              <option value={`${d}d`} selected={d === props.withinDays}>
                {d} days
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Show</button>
      </form>
      <p>
        {overdue} overdue and {props.items.length - overdue - raised} due within {props.withinDays} days of{' '}
        {props.today}
        {raised ? `, and ${raised} not yet due but raised by "not helpful" reader feedback` : ''}.
      </p>
      <DataTable
        label="Reviews due"
        columns={['Due', 'Answer', 'Owner', 'Last review', 'Basis', 'Reader feedback']}
      >
        {props.items.map((i) => (
          <tr>
            <td>
              {i.due}
              {i.status === 'overdue' ? ' (overdue)' : ''}
            </td>
            <td>
              <a href={`/editor/answers/${i.answerId}`}>{i.question}</a> (
              <a href={answerPath(i.conditionSlug, i.slug)}>public page</a>)
            </td>
            <td>{i.owner}</td>
            <td>{i.reviewedOn ? `${i.reviewedOn} by ${i.reviewerId}` : 'never reviewed here'}</td>
            <td>
              {i.basis === 'approval'
                ? 'review interval'
                : i.basis === 'schedule'
                  ? 'staggered first review'
                  : 'not scheduled'}
            </td>
            <td>{i.negativeFeedback ? `${i.negativeFeedback} not helpful since the last review` : ''}</td>
          </tr>
        ))}
      </DataTable>
    </EditorLayout>
  );
}
