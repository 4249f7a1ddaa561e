/**
 * The static site as a list of output files, each with a key over everything its content depends
 * on. Pages are rendered by the same components the server uses; a file is rendered only when its
 * key differs from the last build's.
 */
import { ASPECTS, type Reviewer } from '../../content/index.js';
import type { AnswerView, ConditionRecord, ConditionSummary, Store } from '../../store/index.js';
import { SEARCH_JS, SITE_CSS } from '../assets.js';
import type { SiteConfig } from '../config.js';
import { atomFeed, robotsTxt, sitemapEntries, sitemapFiles } from '../discovery.js';
import {
  ABOUT_REVIEW_PATH,
  answerPath,
  answersReviewedBy,
  badgeFor,
  conditionPath,
  reviewerPath,
} from '../model.js';
import { AboutReviewPage } from '../pages/about-review.js';
import { AnswerPage } from '../pages/answer.js';
import { AskPage } from '../pages/ask.js';
import { ConditionPage } from '../pages/condition.js';
import { ErrorPage } from '../pages/error.js';
import { HomePage } from '../pages/home.js';
import { ReviewerPage } from '../pages/reviewer.js';
import { renderDocument } from '../render.js';
import { type SearchIndex, searchIndexDoc } from '../search-index.js';
import { keyOf, rendererFingerprint } from './fingerprint.js';
import { fileForPath } from './paths.js';

export interface OutputFile {
  /** Path inside the output folder, e.g. "conditions/asthma/index.html". */
  path: string;
  /** Changes whenever the content would change. */
  key: string;
  render(): string | Promise<string>;
}

/** A file whose content is cheap to make: its key is the content itself. */
export function literalFile(path: string, content: string): OutputFile {
  return { path, key: keyOf(content), render: () => content };
}

/** Everything the export reads from the store, loaded once. */
export interface SiteSnapshot {
  conditions: ConditionSummary[];
  records: Map<string, ConditionRecord>;
  answers: AnswerView[];
  byCondition: Map<string, AnswerView[]>;
  reviewers: Map<string, Reviewer>;
}

export async function loadSnapshot(store: Store, batch = 2000): Promise<SiteSnapshot> {
  const conditions = await store.listConditions();
  const records = new Map<string, ConditionRecord>();
  for (const c of conditions) {
    const r = await store.findCondition(c.slug);
    if (r) records.set(c.slug, r);
  }
  const answers: AnswerView[] = [];
  for (let offset = 0; ; offset += batch) {
    const page = await store.allPublishedAnswers({ limit: batch, offset });
    answers.push(...page);
    if (page.length < batch) break;
  }
  const byCondition = new Map<string, AnswerView[]>();
  for (const c of conditions) byCondition.set(c.slug, []);
  for (const a of answers) byCondition.get(a.conditionSlug)?.push(a);
  // Hubs list answers in aspect-vocabulary order, as the store's listPublishedAnswers does.
  const order = new Map<string, number>(ASPECTS.map((a, i) => [a, i]));
  for (const list of byCondition.values()) {
    list.sort(
      (x, y) => (order.get(x.aspect) ?? 99) - (order.get(y.aspect) ?? 99) || x.slug.localeCompare(y.slug),
    );
  }
  const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
  return { conditions, records, answers, byCondition, reviewers };
}

function configKey(config: SiteConfig) {
  const { today: _t, ...rest } = config;
  return { ...rest, renderer: rendererFingerprint() };
}

/** The HTML pages, feeds and assets of the public site. */
export function sitePlan(snap: SiteSnapshot, config: SiteConfig): OutputFile[] {
  const base = configKey(config);
  const files: OutputFile[] = [];
  const page = (path: string, key: unknown, render: () => ReturnType<typeof renderDocument>) =>
    files.push({ path: fileForPath(path), key: keyOf(base, key), render });

  page('/', snap.conditions, () => renderDocument(<HomePage config={config} conditions={snap.conditions} />));
  const reviewerList = [...snap.reviewers.values()];
  page(ABOUT_REVIEW_PATH, reviewerList, () =>
    renderDocument(<AboutReviewPage config={config} reviewers={reviewerList} />),
  );
  for (const r of reviewerList) {
    const reviewed = answersReviewedBy(r.id, snap.answers, snap.reviewers, config);
    page(reviewerPath(r.id), [r, reviewed], () =>
      renderDocument(<ReviewerPage config={config} reviewer={r} reviewed={reviewed} />),
    );
  }
  for (const summary of snap.conditions) {
    const condition = snap.records.get(summary.slug);
    if (!condition) continue;
    const { createdAt: _c, updatedAt: _u, id: _id, ...model } = condition;
    const answers = snap.byCondition.get(summary.slug) ?? [];
    const hubKey = answers.map((a) => [
      a.slug,
      a.aspect,
      a.revision.answer.question,
      badgeFor(a, snap.reviewers, config),
    ]);
    page(conditionPath(summary.slug), [model, hubKey], () =>
      renderDocument(
        <ConditionPage config={config} condition={condition} answers={answers} reviewers={snap.reviewers} />,
      ),
    );
    for (const view of answers) {
      const badge = badgeFor(view, snap.reviewers, config);
      page(
        answerPath(view.conditionSlug, view.slug),
        [model, view.revision.hash, view.revision.answer, view.updated, view.origin, badge],
        () =>
          renderDocument(
            <AnswerPage config={config} view={view} reviewers={snap.reviewers} condition={condition} />,
          ),
      );
    }
  }
  page('/ask', null, () =>
    renderDocument(
      <AskPage
        config={config}
        clientSide
        view={{ query: '', urgent: null, hits: [], abstained: false, nearest: [] }}
      />,
    ),
  );
  files.push({
    path: '404.html',
    key: keyOf(base, 404),
    render: () => renderDocument(<ErrorPage config={config} status={404} path="/404" />),
  });

  for (const [name, xml] of sitemapFiles(
    sitemapEntries(snap.conditions, snap.answers, snap.reviewers, config),
    config,
  )) {
    files.push(literalFile(name, xml));
  }
  files.push(literalFile('robots.txt', robotsTxt(config)));
  files.push(literalFile('feed.xml', atomFeed(snap.answers, snap.reviewers, config)));
  files.push(literalFile('assets/site.css', SITE_CSS));
  files.push(literalFile('assets/search.js', SEARCH_JS));
  const index: SearchIndex = {
    version: 1,
    docs: snap.answers.map((v) =>
      searchIndexDoc(v, snap.records.get(v.conditionSlug)?.synonyms ?? [], snap.reviewers, config),
    ),
  };
  files.push(literalFile('search-index.json', JSON.stringify(index)));
  return files;
}
