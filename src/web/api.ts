/** The JSON API over the content model: the same shapes as the zod types in src/content. */
import { Hono } from 'hono';
import type { Reviewer } from '../content/index.js';
import type { SiteConfig } from '../site/index.js';
import { answerPath, badgeFor, badgeText, conditionPath } from '../site/index.js';
import type { AnswerView, Store } from '../store/index.js';

export function answerJson(view: AnswerView, reviewers: ReadonlyMap<string, Reviewer>, config: SiteConfig) {
  const badge = badgeFor(view, reviewers, config);
  return {
    id: `${view.conditionSlug}/${view.slug}`,
    url: `${config.baseUrl}${answerPath(view.conditionSlug, view.slug)}`,
    condition: view.conditionSlug,
    slug: view.slug,
    aspect: view.aspect,
    answer: view.revision.answer,
    revision: { id: view.revision.id, hash: view.revision.hash, createdAt: view.revision.createdAt },
    review: { ...badge, text: badgeText(badge) },
    updated: view.updated,
    origin: view.origin,
  };
}

export function apiRoutes(store: Store, config: SiteConfig, reviewers: () => Promise<Map<string, Reviewer>>) {
  const api = new Hono();

  api.get('/conditions', async (c) => {
    const conditions = await store.listConditions();
    return c.json({
      conditions: conditions.map((x) => ({ ...x, url: `${config.baseUrl}${conditionPath(x.slug)}` })),
    });
  });

  api.get('/conditions/:slug', async (c) => {
    const condition = await store.findCondition(c.req.param('slug'));
    if (!condition) return notFound(c.req.path);
    const map = await reviewers();
    const answers = await store.listPublishedAnswers(condition.slug);
    const { id: _id, ...model } = condition;
    return c.json({
      condition: model,
      url: `${config.baseUrl}${conditionPath(condition.slug)}`,
      answers: answers.map((a) => {
        const badge = badgeFor(a, map, config);
        return {
          id: `${a.conditionSlug}/${a.slug}`,
          slug: a.slug,
          aspect: a.aspect,
          question: a.revision.answer.question,
          url: `${config.baseUrl}${answerPath(a.conditionSlug, a.slug)}`,
          review: { kind: badge.kind, text: badgeText(badge) },
        };
      }),
    });
  });

  api.get('/conditions/:slug/:answer', async (c) => {
    const condition = await store.findCondition(c.req.param('slug'));
    const view = condition ? await store.getPublishedAnswer(condition.slug, c.req.param('answer')) : null;
    if (!view) return notFound(c.req.path);
    return c.json(answerJson(view, await reviewers(), config));
  });

  return api;
}

/** An RFC 9457 problem document. */
export function problem(status: number, title: string, detail: string, instance?: string): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title, status, detail, instance }), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

function notFound(path: string): Response {
  return problem(404, 'Not Found', `Nothing is published at ${path}.`, path);
}
