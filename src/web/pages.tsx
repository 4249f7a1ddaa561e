/** Public HTML routes. Synonym slugs redirect permanently to the canonical condition URL. */
import { Hono } from 'hono';
import type { Reviewer } from '../content/index.js';
import {
  AnswerPage,
  ConditionPage,
  HomePage,
  renderDocument,
  SITE_CSS,
  type SiteConfig,
} from '../site/index.js';
import type { Store } from '../store/index.js';

export function pageRoutes(
  store: Store,
  config: SiteConfig,
  reviewers: () => Promise<Map<string, Reviewer>>,
) {
  const pages = new Hono();

  pages.get('/assets/site.css', (c) =>
    c.body(SITE_CSS, 200, {
      'content-type': 'text/css; charset=utf-8',
      'cache-control': 'public, max-age=3600',
    }),
  );

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
    return c.html(
      await renderDocument(<AnswerPage config={config} view={view} reviewers={await reviewers()} />),
    );
  });

  return pages;
}
