/** One answer for the team: state, what the public sees, the working revision, comments, actions. */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { CODE_SYSTEM_INFO, type ConditionCodes, codePairs } from '../../../content/index.js';
import { answerPath, renderMarkdown, type SiteConfig } from '../../../site/index.js';
import type { EditorAnswer, SessionInfo } from '../../../store/index.js';
import { type Action, availableActions, label, type ReadableDiff } from '../../../workflow/index.js';
import type { EditorLintMessage } from '../lint.js';
import { type DiffMode, DiffModeSwitch, ReadableDiffView } from './diff.js';
import { CsrfField, EditorLayout, ProblemList, StateTag } from './layout.js';

const BUTTON: Partial<Record<Action, string>> = {
  submit: 'Submit for review',
  request_changes: 'Request changes',
  approve: 'Approve this revision',
  publish: 'Publish',
  unpublish: 'Unpublish',
  archive: 'Archive',
  restore: 'Restore as draft',
  comment: 'Add comment',
};

/**
 * The condition's codes, "ICD-10-CM J45 · SNOMED CT 195967001", each linked to a public place where
 * it can be checked; a condition without codes says where to add them.
 */
export function ConditionCodesLine(props: { codes: ConditionCodes | undefined }) {
  const pairs = codePairs(props.codes);
  return (
    <p class="condition-codes">
      Codes:{' '}
      {pairs.length === 0
        ? 'none yet (add them under codes: in the condition’s front matter)'
        : pairs.map(({ system, code }, i) => {
            const info = CODE_SYSTEM_INFO[system];
            // DOID codes carry their system in the code ("DOID:9352"): no "DOID DOID:9352".
            const label = code.startsWith(`${info.name}:`) ? code : `${info.name} ${code}`;
            const href = info.lookupUrl?.replace('{code}', encodeURIComponent(code));
            return (
              <>
                {i > 0 ? ' · ' : ''}
                {href ? (
                  <a href={href} rel="noopener noreferrer">
                    {label}
                  </a>
                ) : (
                  label
                )}
              </>
            );
          })}
    </p>
  );
}

export function AnswerPage(props: {
  config: SiteConfig;
  session: SessionInfo;
  answer: EditorAnswer;
  /** The codes of the answer's condition (ICD-10-CM, SNOMED CT, …). */
  conditionCodes?: ConditionCodes;
  lint: EditorLintMessage[];
  /** Diff from the last reviewed revision to the working one, on the review screen. */
  review?: { diff: ReadableDiff; against: string; mode: DiffMode };
  /** Scheduled publishing: the pending schedule, and whether this person may schedule. */
  schedule?: {
    pending: { publishAt: string; createdBy: string; revisionId: number } | null;
    allowed: boolean;
  };
  notice?: string;
  /** Reader feedback on this answer's revisions. */
  feedback?: Child;
}) {
  const { answer: a, session } = props;
  const current = a.current;
  const boundApproval = current ? a.approvals.filter((x) => x.hash === current.hash).at(-1) : undefined;
  const actions = availableActions(session.user.role, a.state).filter((x) => x !== 'edit');
  const lintErrors = props.lint.filter((m) => m.severity === 'error').length;
  return (
    <EditorLayout config={props.config} title={a.question} path={`/editor/answers/${a.id}`} session={session}>
      <p>
        <a href={`/editor?condition=${a.conditionSlug}`}>{a.conditionName}</a> · {a.aspect}
      </p>
      <ConditionCodesLine codes={props.conditionCodes} />
      <h1>{a.question}</h1>
      {props.notice ? (
        <p class="notice" role="status">
          {props.notice}
        </p>
      ) : null}
      <p>
        State: <StateTag state={a.state} /> · Working revision{' '}
        {current ? `#${current.id} by ${current.author}` : 'none'}
        {a.published ? (
          <>
            {' '}
            · Public revision <a href={answerPath(a.conditionSlug, a.slug)}>#{a.published.id}</a>
            {a.published.id !== current?.id
              ? ' (the public page keeps this revision until the new one is approved and published)'
              : ''}
          </>
        ) : (
          ' · Not on the public site'
        )}
      </p>
      <p>
        Medical review of the working revision:{' '}
        {boundApproval
          ? `approved by reviewer ${boundApproval.reviewerId} on ${boundApproval.reviewed}; next review ${boundApproval.nextReview}`
          : 'awaiting review'}
      </p>
      <p>
        {a.state !== 'archived' ? <a href={`/editor/answers/${a.id}/edit`}>Edit</a> : null} ·{' '}
        <a href={`/editor/answers/${a.id}/review`}>Review screen</a> ·{' '}
        <a href={`/editor/answers/${a.id}/history`}>History</a>
      </p>

      {props.review ? (
        <section aria-labelledby="changes-heading">
          <h2 id="changes-heading">Changes since {props.review.against}</h2>
          <DiffModeSwitch mode={props.review.mode} href={(m) => `/editor/answers/${a.id}/review?view=${m}`} />
          <ReadableDiffView diff={props.review.diff} mode={props.review.mode} title="changes under review" />
        </section>
      ) : null}

      <section class="actions" aria-labelledby="actions-heading">
        <h2 id="actions-heading">Actions</h2>
        {actions.length === 0 ? (
          <p>No actions are open to your role ({session.user.role}) in this state.</p>
        ) : null}
        {actions.map((action) => (
          <form method="post" action={`/editor/answers/${a.id}/transition`}>
            <CsrfField token={session.csrfToken} />
            <input type="hidden" name="action" value={action} />
            {current ? <input type="hidden" name="revision_id" value={String(current.id)} /> : null}
            {action === 'request_changes' || action === 'comment' || action === 'approve' ? (
              <p>
                <label>
                  {action === 'request_changes'
                    ? 'What needs to change (the author sees this)'
                    : action === 'approve'
                      ? 'Note (optional)'
                      : 'Comment'}
                  <br />
                  <textarea name="comment" rows={3} cols={50} required={action !== 'approve'} />
                </label>
              </p>
            ) : null}
            <button type="submit" name="do" value={action} disabled={action === 'publish' && lintErrors > 0}>
              {BUTTON[action] ?? label(action)}
            </button>
            {action === 'publish' && lintErrors > 0 ? (
              <span> (fix the {lintErrors} lint errors first)</span>
            ) : null}
          </form>
        ))}
      </section>

      {props.schedule &&
      (props.schedule.pending || (props.schedule.allowed && a.state === 'approved' && current)) ? (
        <section aria-labelledby="schedule-heading">
          <h2 id="schedule-heading">Scheduled publishing</h2>
          {props.schedule.pending ? (
            <>
              <p>
                Revision #{props.schedule.pending.revisionId} will be published at{' '}
                <strong>{props.schedule.pending.publishAt.slice(0, 16).replace('T', ' ')} UTC</strong>{' '}
                (scheduled by {props.schedule.pending.createdBy}).
              </p>
              {props.schedule.allowed ? (
                <form method="post" action={`/editor/answers/${a.id}/schedule/cancel`}>
                  <CsrfField token={session.csrfToken} />
                  <button type="submit">Cancel the schedule</button>
                </form>
              ) : null}
            </>
          ) : (
            <form method="post" action={`/editor/answers/${a.id}/schedule`} class="filters">
              <CsrfField token={session.csrfToken} />
              <input type="hidden" name="revision_id" value={String(current!.id)} />
              <div class="field">
                <label for="publish-at">Publish at</label>
                <input type="datetime-local" id="publish-at" name="publish_at" required />
              </div>
              <div class="field">
                <label for="publish-tz">Time zone</label>
                <input type="text" id="publish-tz" name="tz" value="UTC" list="time-zones" required />
                <datalist id="time-zones">
                  {[
                    'UTC',
                    'Europe/London',
                    'Europe/Berlin',
                    'America/New_York',
                    'America/Chicago',
                    'America/Los_Angeles',
                    'Asia/Kolkata',
                    'Australia/Sydney',
                  ].map((z) => (
                    <option value={z} />
                  ))}
                </datalist>
              </div>
              <div class="field">
                <button type="submit">Schedule publication</button>
              </div>
            </form>
          )}
        </section>
      ) : null}

      <ProblemList title="Lint messages" items={props.lint} />

      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">Comments</h2>
        {a.comments.length === 0 ? <p>No comments yet.</p> : null}
        <ul>
          {a.comments.map((c) => (
            <li>
              <strong>{c.author}</strong>{' '}
              {c.kind === 'request_changes'
                ? 'requested changes'
                : c.kind === 'approve'
                  ? 'approved'
                  : 'commented'}{' '}
              on revision #{c.revisionId ?? '—'} ({c.createdAt.slice(0, 16).replace('T', ' ')}): {c.body}
            </li>
          ))}
        </ul>
      </section>
      {props.feedback}

      {current ? (
        <section aria-labelledby="preview-heading" class="preview">
          <h2 id="preview-heading">Working revision #{current.id}</h2>
          <p>
            <strong>Short answer:</strong> {current.answer.tldr}
          </p>
          {raw(renderMarkdown(current.answer.body, current.answer.sources))}
          <p class="status">Content hash {current.hash}</p>
        </section>
      ) : null}
    </EditorLayout>
  );
}
