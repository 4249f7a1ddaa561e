import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { ReviewBadge, Reviewer } from '../../content/index.js';
import type { AnswerView, ConditionRecord } from '../../store/index.js';
import type { SiteConfig } from '../config.js';
import { answerJsonLd, serializeJsonLd } from '../jsonld.js';
import { Breadcrumbs, Layout } from '../layout.js';
import { renderMarkdown, sourceAnchor } from '../markdown.js';
import { answerPath, badgeFor, badgeText, formatDate, publisherName, reviewerPath } from '../model.js';

export interface AnswerPageProps {
  config: SiteConfig;
  view: AnswerView;
  reviewers: ReadonlyMap<string, Reviewer>;
  /** The answer's condition, for synonyms and codes in the structured data. */
  condition?: ConditionRecord | null;
  /** Extra <head> content. */
  head?: Child;
  /** Shown after the answer on the served site (the page-feedback form); static exports have none. */
  feedback?: Child;
}

/**
 * The answer page, in this order: question (h1), TL;DR once, body, numbered sources, review box,
 * "Last updated" as its own fact, disclaimer.
 */
export function AnswerPage({ config, view, reviewers, condition, head, feedback }: AnswerPageProps) {
  const a = view.revision.answer;
  const badge = badgeFor(view, reviewers, config);
  const jsonLd = serializeJsonLd(answerJsonLd({ view, badge, condition, config }));
  return (
    <Layout
      config={config}
      title={a.question}
      path={answerPath(view.conditionSlug, view.slug)}
      description={a.tldr}
      ogType="article"
      head={
        <>
          <script type="application/ld+json">{raw(jsonLd)}</script>
          {head}
        </>
      }
    >
      <Breadcrumbs
        trail={[
          { href: '/', label: 'Conditions' },
          { href: `/conditions/${view.conditionSlug}`, label: view.conditionName },
        ]}
      />
      <AnswerArticle config={config} view={view} badge={badge} feedback={feedback} />
    </Layout>
  );
}

/**
 * The answer itself (question, TL;DR, body, sources, review box, last updated, disclaimer): the
 * public page and the editor's preview render this same component.
 */
export function AnswerArticle({
  config,
  view,
  badge,
  feedback,
}: {
  config: SiteConfig;
  view: AnswerView;
  badge: ReviewBadge;
  /** The public page's feedback form (the editor's preview has none). */
  feedback?: Child;
}) {
  const a = view.revision.answer;
  return (
    <article>
      <h1>{a.question}</h1>
      <section class="tldr" aria-labelledby="tldr-heading">
        <h2 id="tldr-heading">Short answer</h2>
        <p>{a.tldr}</p>
        {a.tldr_derived ? (
          <p class="status">This summary was taken from the first sentences of the answer below.</p>
        ) : null}
      </section>
      <div class="body">{raw(renderMarkdown(a.body, a.sources))}</div>
      {a.sources.length ? (
        <section aria-labelledby="sources-heading">
          <h2 id="sources-heading">Sources</h2>
          <ol class="sources">
            {a.sources.map((s, i) => (
              <li id={sourceAnchor(i)}>
                <a href={s.url}>{s.title}</a>
                {s.publisher ? `. ${s.publisher}` : ''}. Accessed {formatDate(s.accessed)}.
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <section
        class={`review ${badge.kind === 'reviewed' ? 'reviewed' : badge.kind === 'imported' ? 'imported' : 'awaiting'}`}
        aria-labelledby="review-heading"
      >
        <h2 id="review-heading">Medical review</h2>
        <p>{badgeText(badge)}</p>
        {badge.kind === 'reviewed' && badge.reviewer.demo ? (
          <p class="status">This is a demonstration account, not a real clinician.</p>
        ) : null}
        {badge.kind === 'reviewed' && badge.overdue ? (
          <p class="status">This answer is past its review date. We are checking it again.</p>
        ) : null}
        {badge.kind === 'reviewed' ? (
          <p>
            <a href={reviewerPath(badge.reviewer.id)}>About {badge.reviewer.name}</a> ·{' '}
            <a href="/about/medical-review">How we review answers</a>
          </p>
        ) : null}
        {badge.kind === 'imported' && badge.url && /^https?:\/\//i.test(badge.url) ? (
          <p>
            <a href={badge.url}>Read the original on {publisherName(badge.publisher)}</a>
          </p>
        ) : null}
      </section>
      <p class="facts">Last updated: {formatDate(view.updated)}</p>
      {feedback}
      <p class="disclaimer">
        <strong>Medical disclaimer:</strong> {config.disclaimer}
      </p>
    </article>
  );
}
