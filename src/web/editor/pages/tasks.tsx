/** "My tasks": what is waiting for the signed-in person, grouped by what they need to do. */
import type { SiteConfig } from '../../../site/index.js';
import type { TaskGroup } from '../../../store/editor-tasks.js';
import type { NotificationEvent, NotificationRecord, SessionInfo } from '../../../store/index.js';
import { isState } from '../../../workflow/index.js';
import { CsrfField, EditorLayout, StateTag } from './layout.js';
import { DataTable } from './table.js';

const EVENT_LABELS: Record<NotificationEvent, string> = {
  submitted: 'Submitted for review',
  changes_requested: 'Changes requested',
  approved: 'Approved',
  published: 'Published',
  review_due: 'Review due',
};

/** One notification as a sentence: what happened to which answer, by whom, when. */
function NoticeItem({ n }: { n: NotificationRecord }) {
  const d = n.payload as {
    answerId?: number;
    question?: string | null;
    actor?: string;
    due?: string;
    comment?: string;
  };
  const href = d.answerId
    ? n.event === 'submitted'
      ? `/editor/answers/${d.answerId}/review`
      : `/editor/answers/${d.answerId}`
    : null;
  const question = d.question ?? 'an answer';
  return (
    <li class={n.readAt ? 'notice-read' : 'notice-unread'}>
      {n.readAt ? null : <strong class="new">New: </strong>}
      {EVENT_LABELS[n.event]}: {href ? <a href={href}>{question}</a> : question}
      {d.actor ? ` — by ${d.actor}` : ''}
      {d.due ? ` — due ${d.due}` : ''}
      {d.comment ? <q>{d.comment}</q> : null}{' '}
      <time datetime={n.createdAt}>{n.createdAt.slice(0, 16).replace('T', ' ')} UTC</time>
    </li>
  );
}

export function TasksPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  groups: TaskGroup[];
  /** The notification outbox's state (editors and admins). */
  outbox?: { pending: number; failed: number } | null;
  /** One page of this person's notifications, newest first. */
  notices?: NotificationRecord[];
  /** How many of all their notifications are unread (not only of this page). */
  unread?: number;
  /** Links to the next older page and back to the newest, when there are such pages. */
  olderHref?: string;
  newestHref?: string;
  notice?: string;
}) {
  const { session } = props;
  const notices = props.notices ?? [];
  const unread = props.unread ?? notices.filter((n) => !n.readAt).length;
  return (
    <EditorLayout config={props.config} title="My tasks" path="/editor/tasks" session={session}>
      <h1>My tasks</h1>
      <p>
        What is waiting for you as {/^[aeiou]/.test(session.user.role) ? 'an' : 'a'} {session.user.role}.
      </p>
      <ul class="task-counts">
        {props.groups.map((g) => (
          <li>
            <strong>{g.total}</strong>
            <a href={`#${g.key}`}>{g.title}</a>
          </li>
        ))}
      </ul>
      {props.outbox ? (
        <p class="outbox-counts">
          Notification outbox: <strong>{props.outbox.pending}</strong> pending,{' '}
          <strong>{props.outbox.failed}</strong> failed (see <code>medbrief notify list</code>).
        </p>
      ) : null}
      <section aria-labelledby="notifications">
        <h2 id="notifications">Notifications for me ({unread} unread)</h2>
        {props.notice === 'read' ? <p role="status">Marked as read.</p> : null}
        {notices.length ? (
          <>
            <ul class="notices">
              {notices.map((n) => (
                <NoticeItem n={n} />
              ))}
            </ul>
            {notices.some((n) => !n.readAt) ? (
              <form method="post" action="/editor/notifications/read">
                <CsrfField token={session.csrfToken} />
                <input type="hidden" name="up_to" value={String(notices[0]!.id)} />
                <button type="submit">Mark all as read</button>
              </form>
            ) : null}
          </>
        ) : (
          <p>{props.newestHref ? 'No older notifications.' : 'No notifications for you yet.'}</p>
        )}
        {props.olderHref || props.newestHref ? (
          <p class="pager">
            {props.newestHref ? <a href={props.newestHref}>Newest notifications</a> : null}
            {props.olderHref ? <a href={props.olderHref}>Older notifications</a> : null}
          </p>
        ) : null}
      </section>
      {props.groups.map((g) => (
        <section aria-labelledby={g.key}>
          <h2 id={g.key}>
            {g.title} ({g.total})
          </h2>
          {g.items.length ? (
            <DataTable
              label={g.title}
              columns={[
                'Question',
                'Condition',
                'State',
                g.key === 'review-due' ? 'Review due' : 'Last change',
              ]}
            >
              {g.items.map((t) => (
                <tr>
                  <td>
                    <a
                      href={
                        g.key === 'awaiting-review' || g.key === 'came-back'
                          ? `/editor/answers/${t.id}/review`
                          : `/editor/answers/${t.id}`
                      }
                    >
                      {t.question}
                    </a>
                  </td>
                  <td>{t.conditionName}</td>
                  <td>{isState(t.state) ? <StateTag state={t.state} /> : t.state}</td>
                  <td>
                    {g.key === 'review-due'
                      ? `${t.due ?? '—'}${t.due && t.due < props.config.today() ? ' (overdue)' : ''}`
                      : `${t.updatedAt.slice(0, 16).replace('T', ' ')}${t.author ? ` by ${t.author}` : ''}`}
                  </td>
                </tr>
              ))}
            </DataTable>
          ) : (
            <p>{g.empty}</p>
          )}
          {g.total > g.items.length ? (
            <p>
              Showing the oldest {g.items.length} of {g.total}.
            </p>
          ) : null}
        </section>
      ))}
    </EditorLayout>
  );
}
