import type { Reviewer } from '../../content/index.js';
import type { SiteConfig } from '../config.js';
import { Layout } from '../layout.js';
import { ABOUT_REVIEW_PATH, reviewerPath } from '../model.js';

export interface AboutReviewPageProps {
  config: SiteConfig;
  reviewers: readonly Reviewer[];
}

function months(n: number): string {
  return n % 12 === 0 ? `${n / 12} ${n === 12 ? 'year' : 'years'}` : `${n} months`;
}

/** "About our medical review": the policy in plain words, the review interval, and who reviews. */
export function AboutReviewPage({ config, reviewers }: AboutReviewPageProps) {
  const anyDemo = reviewers.some((r) => r.demo);
  return (
    <Layout
      config={config}
      title="About our medical review"
      path={ABOUT_REVIEW_PATH}
      description={`How ${config.siteName} answers are checked by clinicians, how often, and what the review labels on each page mean.`}
    >
      <h1>About our medical review</h1>
      <p>
        Every answer on {config.siteName} shows its review status in a box near the end of the page. This page
        explains what those labels mean and who does the reviews.
      </p>
      <h2>What "Medically reviewed" means</h2>
      <p>
        A clinician on our review team has read the exact text you see, checked it against its sources, and
        approved it. We record which version of the text they approved. If anyone changes the answer
        afterwards, even by one word, the page no longer says "Medically reviewed". It says "awaiting medical
        review" until a clinician approves the new text.
      </p>
      <p>
        A reviewer never approves an answer they wrote themselves. Every edit and every approval is kept in an
        audit log.
      </p>
      <h2>How often answers are reviewed</h2>
      <p>
        Each reviewed answer is checked again within {months(config.reviewIntervalMonths)} of its last review.
        Some conditions, where advice changes quickly, are reviewed more often. The page shows the date of the
        next review. If that date has passed, the page says so.
      </p>
      <h2>Three dates, never mixed up</h2>
      <ul>
        <li>
          <strong>Last updated</strong>: when the text last changed.
        </li>
        <li>
          <strong>Medically reviewed on</strong>: when a clinician approved this exact text.
        </li>
        <li>
          <strong>Next review due</strong>: when it will be checked again.
        </li>
      </ul>
      <h2>Answers from other publishers</h2>
      <p>
        Some answers come from trusted public sources such as the US National Institutes of Health. These
        pages name the original publisher, link to the original, and say "Not yet reviewed by our medical
        team" until one of our clinicians has reviewed them.
      </p>
      <h2 id="reviewers-heading">Our reviewers</h2>
      {anyDemo ? (
        <p class="status">
          This is a demonstration site. Accounts marked "demo" are not real clinicians, and the demo content
          has not been reviewed by a real clinician.
        </p>
      ) : null}
      {reviewers.length === 0 ? (
        <p>No reviewers are listed yet.</p>
      ) : (
        <ul class="reviewers">
          {reviewers.map((r) => (
            <li>
              <a href={reviewerPath(r.id)}>{r.name}</a>, {r.credentials}
            </li>
          ))}
        </ul>
      )}
      <h2>Important</h2>
      <p class="disclaimer">{config.disclaimer}</p>
    </Layout>
  );
}
