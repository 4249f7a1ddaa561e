/**
 * Public HTML routes, plus the files crawlers read (sitemap, robots.txt, feed). Synonym slugs
 * redirect permanently to the canonical condition URL.
 */
import { Hono } from 'hono';
import type { Reviewer } from '../content/index.js';
import {
  AboutReviewPage,
  AnswerPage,
  AskPage,
  answersReviewedBy,
  atomFeed,
  ConditionPage,
  HomePage,
  ReviewerPage,
  renderDocument,
  robotsTxt,
  SEARCH_JS,
  SITE_CSS,
  type SiteConfig,
  searchIndexDoc,
  sitemapEntries,
  sitemapFiles,
} from '../site/index.js';
import { publishedAnswerByRef, type Store } from '../store/index.js';
import { type AskFn, askView, type HitLookup } from './ask.js';
import { FeedbackForm } from './gaps/pages.js';
import { publishedCache } from './published.js';
import { staticAsset } from './static-asset.js';

export interface PageRouteOptions {
  /** The question-answering engine for /ask (src/search). */
  ask: AskFn;
}

const ASSET_MAX_AGE = 3600;
const ASSET_CACHE = `public, max-age=${ASSET_MAX_AGE}`;
const PAGE_CACHE = 'public, max-age=60';

export function pageRoutes(
  store: Store,
  config: SiteConfig,
  reviewers: () => Promise<Map<string, Reviewer>>,
  options: PageRouteOptions,
) {
  const pages = new Hono();
  const published = publishedCache(store);
  const publishedHit: HitLookup = async (answerId) => {
    const view = await publishedAnswerByRef(store, answerId);
    if (!view) return null;
    const d = searchIndexDoc(view, [], await reviewers(), config);
    return { question: d.question, path: d.path, conditionName: d.condition, tldr: d.tldr, review: d.review };
  };

  pages.get('/assets/site.css', staticAsset(SITE_CSS, 'css', ASSET_MAX_AGE));
  pages.get('/assets/search.js', staticAsset(SEARCH_JS, 'js', ASSET_MAX_AGE));

  pages.get('/', async (c) =>
    c.html(await renderDocument(<HomePage config={config} conditions={await store.listConditions()} />)),
  );
  pages.get('/conditions', (c) => c.redirect('/', 301));

  pages.get('/conditions/:slug', async (c) => {
    const slug = c.req.param('slug');
    const condition = await store.findCondition(slug);
    if (!condition) return c.notFound();
    if (condition.slug !== slug) return c.redirect(`/conditions/${condition.slug}`, 301);
    const answers = await store.listPublishedAnswers(condition.slug);
    return c.html(
      await renderDocument(
        <ConditionPage
          config={config}
          condition={condition}
          answers={answers}
          reviewers={await reviewers()}
        />,
      ),
    );
  });

  pages.get('/conditions/:slug/:answer', async (c) => {
    const slug = c.req.param('slug');
    const answerSlug = c.req.param('answer');
    const condition = await store.findCondition(slug);
    if (!condition) return c.notFound();
    if (condition.slug !== slug) return c.redirect(`/conditions/${condition.slug}/${answerSlug}`, 301);
    const view = await store.getPublishedAnswer(condition.slug, answerSlug);
    if (!view) return c.notFound();
    const feedback = (
      <FeedbackForm
        revisionId={view.revision.id}
        path={`/conditions/${condition.slug}/${answerSlug}`}
        thanks={c.req.query('feedback') === 'thanks'}
      />
    );
    return c.html(
      await renderDocument(
        <AnswerPage
          config={config}
          view={view}
          reviewers={await reviewers()}
          condition={condition}
          feedback={feedback}
        />,
      ),
    );
  });

  pages.get('/about/medical-review', async (c) =>
    c.html(
      await renderDocument(<AboutReviewPage config={config} reviewers={[...(await reviewers()).values()]} />),
    ),
  );

  pages.get('/reviewers/:id', async (c) => {
    const map = await reviewers();
    const reviewer = map.get(c.req.param('id'));
    if (!reviewer) return c.notFound();
    const reviewed = answersReviewedBy(reviewer.id, (await published()).answers, map, config);
    return c.html(
      await renderDocument(<ReviewerPage config={config} reviewer={reviewer} reviewed={reviewed} />),
    );
  });

  pages.get('/ask', async (c) => {
    const explain = ['1', 'true', 'yes'].includes((c.req.query('explain') ?? '').toLowerCase());
    const view = await askView(c.req.query('q') ?? '', options.ask, publishedHit, { explain });
    return c.html(await renderDocument(<AskPage config={config} view={view} />));
  });

  pages.get('/sitemap.xml', async (c) => {
    const site = await published();
    const files = sitemapFiles(
      sitemapEntries(site.conditions, site.answers, await reviewers(), config),
      config,
    );
    return c.body(files.get('sitemap.xml')!, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': PAGE_CACHE,
    });
  });
  pages.get('/:part{sitemap-[0-9]+\\.xml}', async (c) => {
    const site = await published();
    const files = sitemapFiles(
      sitemapEntries(site.conditions, site.answers, await reviewers(), config),
      config,
    );
    const xml = files.get(c.req.param('part'));
    if (!xml) return c.notFound();
    return c.body(xml, 200, {
      'content-type': 'application/xml; charset=utf-8',
      'cache-control': PAGE_CACHE,
    });
  });
  pages.get('/robots.txt', (c) =>
    c.body(robotsTxt(config), 200, {
      'content-type': 'text/plain; charset=utf-8',
      'cache-control': ASSET_CACHE,
    }),
  );
  pages.get('/feed.xml', async (c) =>
    c.body(atomFeed((await published()).answers, await reviewers(), config), 200, {
      'content-type': 'application/atom+xml; charset=utf-8',
      'cache-control': PAGE_CACHE,
    }),
  );

  return pages;
}
