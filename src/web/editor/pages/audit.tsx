import type { SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import type { AuditRow } from '../../../workflow/index.js';
import { EditorLayout } from './layout.js';
import { DataTable } from './table.js';

export function AuditPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  rows: AuditRow[];
  query: string;
}) {
  return (
    <EditorLayout config={props.config} title="Audit log" path="/editor/audit" session={props.session}>
      <h1>Audit log</h1>
      <p>
        Every edit, transition, sign-in and role change, newest first. Rows are append-only: the database
        refuses to change or delete them. Export: <a href={`/editor/audit?format=csv${props.query}`}>CSV</a> ·{' '}
        <a href={`/editor/audit?format=json${props.query}`}>JSON</a>
      </p>
      <DataTable
        label="Audit log"
        columns={['When (UTC)', 'Who', 'Action', 'What', 'From → to', 'Hash', 'Detail']}
      >
        {props.rows.map((r) => (
          <tr>
            <td>{r.at.slice(0, 19).replace('T', ' ')}</td>
            <td>{r.actor}</td>
            <td>{r.action}</td>
            <td>
              {r.entity === 'answer' ? (
                <a href={`/editor/answers/${r.entityId}`}>answer {r.entityId}</a>
              ) : (
                `${r.entity} ${r.entityId}`
              )}
            </td>
            <td>{r.from || r.to ? `${r.from ?? '—'} → ${r.to ?? '—'}` : ''}</td>
            <td>{r.hash ? `${r.hash.slice(0, 15)}…` : ''}</td>
            <td>{r.detail ? JSON.stringify(r.detail) : ''}</td>
          </tr>
        ))}
      </DataTable>
    </EditorLayout>
  );
}
