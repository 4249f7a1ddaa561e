/** Pages of the question log: the editor's gap queue, the public feedback form, the editor's feedback panel. */

import { aspectLabel, type GapGroup, type GapReport, groupKey } from '../../asklog/gaps.js';
import type { FeedbackSummary } from '../../asklog/repo.js';
import { Layout, LinkList, type SiteConfig } from '../../site/index.js';
import type { SessionInfo } from '../../store/index.js';
import { CsrfField, EditorLayout } from '../editor/pages/layout.js';

export const FEEDBACK_COMMENT_MAX = 500;
export const HONEYPOT_FIELD = 'website';

const PERIODS = [7, 30, 90] as const;

const TREND_TEXT: Record<GapGroup['trend'], string> = {
  new: 'new this period',
  up: 'rising',
  down: 'falling',
  steady: 'steady',
};

export interface GapsPageProps {
  config: SiteConfig;
  session: SessionInfo;
  report: GapReport;
  days: number;
  notice?: string;
  /** Groups an editor can merge into (visible ones). */
  targets: { key: string; label: string }[];
  logEnabled: boolean;
}

export function GapsPage({ config, session, report, days, notice, targets, logEnabled }: GapsPageProps) {
  const query = `since=${days}d`;
  return (
    <EditorLayout
      config={config}
      title="Gaps: questions without a good answer"
      path="/editor/gaps"
      session={session}
    >
      <h1>Questions without a good answer</h1>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {logEnabled ? null : (
        <p class="problems">
          The question log is switched off on this server, so no new questions are recorded. Set{' '}
          <code>askLog: true</code> in the configuration to turn it on.
        </p>
      )}
      <form method="get" action="/editor/gaps" class="gaps-period">
        <label>
          Period{' '}
          <select name="since">
            {PERIODS.map((d) => (
              <option value={`${d}d`} selected={d === days}>
                last {d} days
              </option>
            ))}
          </select>
        </label>{' '}
        <button type="submit">Show</button> <a href={`/editor/gaps?${query}&format=csv`}>CSV</a> ·{' '}
        <a href={`/editor/gaps?${query}&format=json`}>JSON</a>
      </form>
      <p class="status">
        {report.total} question{report.total === 1 ? '' : 's'} in {report.groups.length} group
        {report.groups.length === 1 ? '' : 's'} that the site could not answer, or answered with a weak match,
        from {report.since.slice(0, 10)} to {report.until.slice(0, 10)}. Personal data was removed before the
        questions were stored.
      </p>
      {report.groups.length === 0 ? <p>No gaps in this period.</p> : null}
      <ol class="gaps">
        {report.groups.map((g) => (
          <GapItem
            g={g}
            session={session}
            days={days}
            targets={targets.filter((t) => t.key !== groupKey(g.focus, g.aspect))}
          />
        ))}
      </ol>
    </EditorLayout>
  );
}

function GapItem({
  g,
  session,
  days,
  targets,
}: {
  g: GapGroup;
  session: SessionInfo;
  days: number;
  targets: { key: string; label: string }[];
}) {
  const id = `gap-${g.focus}-${g.aspect}`.replace(/[^a-z0-9-]/gi, '-');
  const name = g.condition?.name ?? g.focus;
  const hidden = (
    <>
      <CsrfField token={session.csrfToken} />
      <input type="hidden" name="focus" value={g.focus} />
      <input type="hidden" name="aspect" value={g.aspect} />
      <input type="hidden" name="since" value={`${days}d`} />
    </>
  );
  return (
    <li class="gap" id={id}>
      <h2>
        {name} × {aspectLabel(g.aspect)}
      </h2>
      <p class="gap-facts">
        <strong>{g.count}</strong> question{g.count === 1 ? '' : 's'} ({g.unanswered} unanswered, {g.weak}{' '}
        weakly answered) · previous period {g.previous} ({TREND_TEXT[g.trend]}) ·{' '}
        {g.condition ? (
          <a href={`/conditions/${g.condition.slug}`}>condition exists</a>
        ) : (
          <span>no such condition yet</span>
        )}
        {g.mergedFrom.length
          ? ` · includes ${g.mergedFrom.map((k) => k.replace('|', ' × ')).join(', ')}`
          : ''}
      </p>
      {g.decision?.status === 'drafted' && g.decision.answerId ? (
        <p class="notice">
          Draft started by {g.decision.actor}:{' '}
          <a href={`/editor/answers/${g.decision.answerId}`}>answer #{g.decision.answerId}</a>
        </p>
      ) : null}
      <h3>What patients asked</h3>
      <ul class="examples">
        {g.examples.map((e) => (
          <li>
            <q>{e}</q>
          </li>
        ))}
      </ul>
      {g.nearest.length ? (
        <>
          <h3>Nearest existing answers</h3>
          <LinkList links={g.nearest.map((n) => ({ href: n.path, text: n.question }))} />
        </>
      ) : (
        <p class="status">No existing answer comes close.</p>
      )}
      <div class="actions">
        <form method="post" action="/editor/gaps/draft">
          {hidden}
          <button type="submit">Start a draft</button>
        </form>
        <form method="post" action="/editor/gaps/scope">
          {hidden}
          <label>
            Reason <input name="reason" required maxlength={300} />
          </label>{' '}
          <button type="submit">Not in scope</button>
        </form>
        {targets.length ? (
          <form method="post" action="/editor/gaps/merge">
            {hidden}
            <label>
              Merge into{' '}
              <select name="target">
                {targets.map((t) => (
                  <option value={t.key}>{t.label}</option>
                ))}
              </select>
            </label>{' '}
            <button type="submit">Merge</button>
          </form>
        ) : null}
      </div>
    </li>
  );
}

/** "Was this page helpful?" — a plain form POST, no script: "No" opens a <details> with the comment box. */
export function FeedbackForm({
  revisionId,
  path,
  thanks,
}: {
  revisionId: number;
  path: string;
  thanks?: boolean;
}) {
  if (thanks) {
    return (
      <section class="feedback" id="feedback" aria-labelledby="feedback-heading">
        <h2 id="feedback-heading">Thank you</h2>
        <p role="status">Your feedback was sent. It helps the team decide what to improve.</p>
      </section>
    );
  }
  return (
    <section class="feedback" id="feedback" aria-labelledby="feedback-heading">
      <form method="post" action="/feedback">
        <h2 id="feedback-heading">Was this page helpful?</h2>
        <input type="hidden" name="revision" value={String(revisionId)} />
        <input type="hidden" name="path" value={path} />
        <div class="hp" aria-hidden="true">
          <label>
            Leave this empty <input type="text" name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
          </label>
        </div>
        <div class="feedback-choices">
          <button type="submit" name="helpful" value="yes">
            Yes
          </button>
          <details>
            <summary class="button">No</summary>
            <label for="feedback-comment">What was missing or wrong?</label>
            <textarea id="feedback-comment" name="comment" rows={3} maxlength={FEEDBACK_COMMENT_MAX} />
            <p class="status">
              Please do not include your name, contact details or other personal information.
            </p>
            <button type="submit" name="helpful" value="no">
              Send
            </button>
          </details>
        </div>
      </form>
    </section>
  );
}

/** A short public page for feedback problems (rate limit, too large, unknown page). */
export function FeedbackMessage({
  config,
  status,
  title,
  message,
  back,
}: {
  config: SiteConfig;
  status: number;
  title: string;
  message: string;
  back?: string;
}) {
  return (
    <Layout config={config} title={title} path="/feedback" head={<meta name="robots" content="noindex" />}>
      <h1>{title}</h1>
      <p>{message}</p>
      {back ? (
        <p>
          <a href={back}>Back to the page</a>
        </p>
      ) : (
        <p>
          <a href="/">Go to the home page</a>
        </p>
      )}
      <p class="status">Error {status}</p>
    </Layout>
  );
}

/** Feedback on an answer for the editor: per revision, current first. */
export function FeedbackPanel({
  summaries,
  currentRevisionId,
  publishedRevisionId,
}: {
  summaries: FeedbackSummary[];
  currentRevisionId: number | null;
  publishedRevisionId: number | null;
}) {
  return (
    <section class="feedback-panel" aria-labelledby="feedback-panel-heading">
      <h2 id="feedback-panel-heading">Reader feedback</h2>
      {summaries.length === 0 ? <p class="status">No feedback yet.</p> : null}
      {summaries.map((s) => (
        <details open={s.revisionId === publishedRevisionId || s.revisionId === currentRevisionId}>
          <summary>
            Revision #{s.revisionId}
            {s.revisionId === publishedRevisionId
              ? ' (public now)'
              : s.revisionId === currentRevisionId
                ? ' (current)'
                : ' (earlier)'}
            : {s.yes} helpful, {s.no} not helpful
          </summary>
          {s.comments.length ? (
            <ul>
              {s.comments.map((c) => (
                <li>
                  <q>{c.text}</q> <span class="status">({c.hour.slice(0, 10)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p class="status">No comments.</p>
          )}
        </details>
      ))}
    </section>
  );
}
