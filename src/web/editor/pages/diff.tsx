/**
 * People-readable diffs: side by side (before | after) or inline, per field, per body paragraph,
 * and the sources as a table. Removed words are struck through and added words underlined (so
 * the change reads without colour), and every cell wraps at any width.
 */
import type { DiffOp, ReadableDiff } from '../../../workflow/index.js';

export type DiffMode = 'side' | 'inline';

function Ops({ ops, side }: { ops: readonly DiffOp[]; side: 'before' | 'after' | 'both' }) {
  return (
    <>
      {ops.map((o) =>
        o.op === 'equal' ? (
          o.text
        ) : o.op === 'delete' ? (
          side === 'after' ? null : (
            <del>{o.text}</del>
          )
        ) : side === 'before' ? null : (
          <ins>{o.text}</ins>
        ),
      )}
    </>
  );
}

const STATUS: Record<string, string> = {
  same: 'unchanged',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
};

function Row({
  label,
  status,
  ops,
  mode,
  hasBefore,
  hasAfter,
}: {
  label: string;
  status: string;
  ops: readonly DiffOp[];
  mode: DiffMode;
  hasBefore: boolean;
  hasAfter: boolean;
}) {
  return (
    <div class={`diff-row diff-${status}`}>
      <div class="diff-label">
        {label} <span class="diff-status">({STATUS[status]})</span>
      </div>
      {mode === 'side' ? (
        <>
          <div class={`diff-cell${hasBefore ? '' : ' empty'}`}>
            <span class="visually-hidden">Before: </span>
            {hasBefore ? <Ops ops={ops} side="before" /> : null}
          </div>
          <div class={`diff-cell${hasAfter ? '' : ' empty'}`}>
            <span class="visually-hidden">After: </span>
            {hasAfter ? <Ops ops={ops} side="after" /> : null}
          </div>
        </>
      ) : (
        <div class="diff-cell">
          <Ops ops={ops} side="both" />
        </div>
      )}
    </div>
  );
}

export function ReadableDiffView({
  diff,
  mode,
  title,
  showUnchanged = false,
}: {
  diff: ReadableDiff;
  mode: DiffMode;
  title: string;
  showUnchanged?: boolean;
}) {
  const fields = diff.fields.filter((f) => showUnchanged || f.status !== 'same');
  const sources = diff.sources.filter((s) => showUnchanged || s.status !== 'same');
  let para = 0;
  return (
    <section class={`readable-diff diff-${mode}`} aria-label={title}>
      <p>
        {diff.unchanged
          ? 'No differences.'
          : `${diff.inserted} word${diff.inserted === 1 ? '' : 's'} added, ${diff.deleted} removed.`}{' '}
        Removed text is <del>struck through</del>; added text is <ins>underlined</ins>.
      </p>
      {mode === 'side' ? (
        <div class="diff-row diff-head" aria-hidden="true">
          <div class="diff-label">Before | After</div>
        </div>
      ) : null}
      <h3>Fields</h3>
      {fields.length ? (
        fields.map((f) => (
          <Row
            label={f.label}
            status={f.status}
            ops={f.ops}
            mode={mode}
            hasBefore={f.before !== ''}
            hasAfter={f.after !== ''}
          />
        ))
      ) : (
        <p class="diff-same">No field changed.</p>
      )}
      <h3>Answer text, paragraph by paragraph</h3>
      {diff.body.map((p) => {
        if (p.after !== null) para++;
        if (p.status === 'same' && !showUnchanged) {
          return (
            <p class="diff-same">
              Paragraph {para} unchanged: “{(p.after ?? '').slice(0, 60)}
              {(p.after ?? '').length > 60 ? '…' : ''}”
            </p>
          );
        }
        return (
          <Row
            label={p.after === null ? 'Removed paragraph' : `Paragraph ${para}`}
            status={p.status}
            ops={p.ops}
            mode={mode}
            hasBefore={p.before !== null}
            hasAfter={p.after !== null}
          />
        );
      })}
      <h3>Sources</h3>
      {sources.length ? (
        <div class="table-scroll">
          <table>
            <caption class="visually-hidden">Sources compared</caption>
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Change</th>
                <th scope="col">Title</th>
                <th scope="col">URL</th>
                <th scope="col">Publisher</th>
                <th scope="col">Accessed</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr>
                  <th scope="row">{s.id}</th>
                  <td>{STATUS[s.status]}</td>
                  {s.cells.map((c) => (
                    <td>
                      <Ops ops={c.ops} side="both" />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="diff-same">No source changed.</p>
      )}
    </section>
  );
}

/** Links to switch between the two views (plain links: no script needed). */
export function DiffModeSwitch({ href, mode }: { href: (mode: DiffMode) => string; mode: DiffMode }) {
  return (
    <p class="tabs">
      <a class="button" href={href('side')} aria-current={mode === 'side' ? 'true' : undefined}>
        Side by side
      </a>
      <a class="button" href={href('inline')} aria-current={mode === 'inline' ? 'true' : undefined}>
        Inline
      </a>
    </p>
  );
}
