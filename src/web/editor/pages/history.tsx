/** Revision history of an answer, and the word-level diff between two revisions. */
import type { SiteConfig } from '../../../site/index.js';
import type { ApprovalRecord, EditorAnswer, RevisionRecord, SessionInfo } from '../../../store/index.js';
import type { ReadableDiff } from '../../../workflow/index.js';
import { type DiffMode, DiffModeSwitch, ReadableDiffView } from './diff.js';
import { EditorLayout } from './layout.js';
import { DataTable } from './table.js';

export function HistoryPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  answer: EditorAnswer;
  revisions: RevisionRecord[];
  approvals: ApprovalRecord[];
  diff?: { from: RevisionRecord; to: RevisionRecord; diff: ReadableDiff; mode: DiffMode };
}) {
  const { answer: a } = props;
  const newestFirst = [...props.revisions].reverse();
  return (
    <EditorLayout
      config={props.config}
      title={`History: ${a.question}`}
      path={`/editor/answers/${a.id}/history`}
      session={props.session}
    >
      <p>
        <a href={`/editor/answers/${a.id}`}>← {a.question}</a>
      </p>
      <h1>Revision history</h1>
      {props.diff ? (
        <section aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Revision #{props.diff.from.id} → #{props.diff.to.id}
          </h2>
          <DiffModeSwitch
            mode={props.diff.mode}
            href={(m) =>
              `/editor/answers/${a.id}/history?from=${props.diff!.from.id}&to=${props.diff!.to.id}&view=${m}`
            }
          />
          <ReadableDiffView
            diff={props.diff.diff}
            mode={props.diff.mode}
            title={`changes from revision ${props.diff.from.id} to ${props.diff.to.id}`}
          />
        </section>
      ) : null}
      <DataTable label="Revisions" columns={['Revision', 'Author', 'Saved', 'Based on', 'Review', 'Compare']}>
        {newestFirst.map((r) => {
          const approvals = props.approvals.filter((x) => x.hash === r.hash);
          return (
            <tr>
              <td>
                #{r.id}
                {r.id === a.currentRevisionId ? ' (working)' : ''}
                {r.id === a.publishedRevisionId ? ' (public)' : ''}
              </td>
              <td>{r.author}</td>
              <td>{r.createdAt.slice(0, 16).replace('T', ' ')}</td>
              <td>{r.baseRevisionId ? `#${r.baseRevisionId}` : '—'}</td>
              <td>
                {approvals.length ? approvals.map((x) => `${x.reviewerId} on ${x.reviewed}`).join('; ') : '—'}
              </td>
              <td>
                {r.baseRevisionId ? (
                  <a href={`/editor/answers/${a.id}/history?from=${r.baseRevisionId}&to=${r.id}`}>changes</a>
                ) : null}
              </td>
            </tr>
          );
        })}
      </DataTable>
    </EditorLayout>
  );
}
