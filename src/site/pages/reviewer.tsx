import type { Reviewer } from '../../content/index.js';
import type { SiteConfig } from '../config.js';
import { Breadcrumbs, Layout } from '../layout.js';
import { ABOUT_REVIEW_PATH, formatDate, reviewerPath } from '../model.js';

/** One answer a reviewer approved, in the revision that is published now. */
export interface ReviewedAnswerLink {
  question: string;
  path: string;
  conditionName: string;
  reviewed: string;
}

export interface ReviewerPageProps {
  config: SiteConfig;
  reviewer: Reviewer;
  reviewed: readonly ReviewedAnswerLink[];
}

/** A reviewer's profile: name, credentials, bio, and the published answers they approved. */
export function ReviewerPage({ config, reviewer, reviewed }: ReviewerPageProps) {
  return (
    <Layout
      config={config}
      title={reviewer.name}
      path={reviewerPath(reviewer.id)}
      description={`${reviewer.name}, ${reviewer.credentials}: medical reviewer at ${config.siteName}.`}
    >
      <Breadcrumbs
        trail={[
          { href: ABOUT_REVIEW_PATH, label: 'About our medical review' },
          { href: reviewerPath(reviewer.id), label: reviewer.name },
        ]}
        here
      />
      <h1>{reviewer.name}</h1>
      <p class="credentials">{reviewer.credentials}</p>
      {reviewer.demo ? <p class="status">This is a demonstration account, not a real clinician.</p> : null}
      {reviewer.bio ? <p>{reviewer.bio}</p> : null}
      <h2>Answers reviewed</h2>
      {reviewed.length === 0 ? (
        <p>No published answer currently carries this reviewer's approval.</p>
      ) : (
        <ul class="answers">
          {reviewed.map((r) => (
            <li>
              <a href={r.path}>{r.question}</a>
              <br />
              <span class="status">
                {r.conditionName} · reviewed {formatDate(r.reviewed)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
