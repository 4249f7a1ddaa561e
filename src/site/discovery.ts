/**
 * What crawlers and feed readers read: the list of public pages with their last change, the
 * sitemap, robots.txt and the Atom feed of new and re-reviewed answers. Pure functions over view
 * models; the web app and the static export serve the same strings.
 */
import type { Reviewer } from '../content/index.js';
import type { AnswerView, ConditionSummary } from '../store/index.js';
import type { SiteConfig } from './config.js';
import { ABOUT_REVIEW_PATH, answerPath, badgeFor, badgeText, conditionPath, reviewerPath } from './model.js';
import { xmlEscape } from './xml.js';

/** The most URLs one sitemap file may list (sitemaps.org protocol). */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapEntry {
  path: string;
  /** YYYY-MM-DD */
  lastmod?: string;
}

/** When an answer last changed for a reader: its text, or the review shown with it. */
export function answerLastChange(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
) {
  const badge = badgeFor(view, reviewers, config);
  const reviewed = badge.kind === 'reviewed' ? badge.reviewed : '';
  // biome-ignore lint/complexity/useMathMinMax: ISO dates compare as strings; Math.max would give NaN
  return reviewed > view.updated ? reviewed : view.updated;
}

function maxDate(dates: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const d of dates) if (!best || d > best) best = d;
  return best;
}

/** Every public page with its last change: home, about, reviewers, conditions and answers. */
export function sitemapEntries(
  conditions: readonly ConditionSummary[],
  answers: readonly AnswerView[],
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): SitemapEntry[] {
  const byCondition = new Map<string, string[]>();
  const answerEntries: SitemapEntry[] = answers.map((a) => {
    const lastmod = answerLastChange(a, reviewers, config);
    byCondition.set(a.conditionSlug, [...(byCondition.get(a.conditionSlug) ?? []), lastmod]);
    return { path: answerPath(a.conditionSlug, a.slug), lastmod };
  });
  const overall = maxDate(answerEntries.map((e) => e.lastmod!));
  return [
    { path: '/', lastmod: overall },
    { path: ABOUT_REVIEW_PATH },
    ...[...reviewers.values()].map((r) => ({ path: reviewerPath(r.id) })),
    ...conditions.map((c) => ({
      path: conditionPath(c.slug),
      lastmod: maxDate(byCondition.get(c.slug) ?? []),
    })),
    ...answerEntries,
  ];
}

export function sitemapXml(entries: readonly SitemapEntry[], config: SiteConfig): string {
  if (entries.length > SITEMAP_LIMIT) {
    throw new RangeError(`a sitemap lists at most ${SITEMAP_LIMIT} URLs; split with sitemapFiles()`);
  }
  const urls = entries.map(
    (e) =>
      `<url><loc>${xmlEscape(config.baseUrl + e.path)}</loc>${e.lastmod ? `<lastmod>${e.lastmod}</lastmod>` : ''}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/**
 * The sitemap as files: one `sitemap.xml` while the site fits in one, otherwise a sitemap index
 * at `sitemap.xml` pointing at `sitemap-1.xml`, `sitemap-2.xml`, …
 */
export function sitemapFiles(entries: readonly SitemapEntry[], config: SiteConfig): Map<string, string> {
  const files = new Map<string, string>();
  if (entries.length <= SITEMAP_LIMIT) {
    files.set('sitemap.xml', sitemapXml(entries, config));
    return files;
  }
  const parts: string[] = [];
  for (let i = 0; i < entries.length; i += SITEMAP_LIMIT) {
    const name = `sitemap-${parts.length + 1}.xml`;
    files.set(name, sitemapXml(entries.slice(i, i + SITEMAP_LIMIT), config));
    parts.push(name);
  }
  const index = parts.map((p) => `<sitemap><loc>${xmlEscape(`${config.baseUrl}/${p}`)}</loc></sitemap>`);
  files.set(
    'sitemap.xml',
    `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index.join('\n')}\n</sitemapindex>\n`,
  );
  return files;
}

export function robotsTxt(config: SiteConfig): string {
  // Search results pages are thin and endless; the API is for integrators, not crawlers.
  return `User-agent: *\nDisallow: /ask\nDisallow: /api/\n\nSitemap: ${config.baseUrl}/sitemap.xml\n`;
}

/** How many entries the feed carries: readers only want what is recent. */
export const FEED_SIZE = 50;

/**
 * Atom feed of new and re-reviewed answers, newest first. An answer's entry keeps its id (the
 * answer URL) and moves up with a new `updated` whenever its text changes or it is reviewed again.
 */
export function atomFeed(
  answers: readonly AnswerView[],
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
  size = FEED_SIZE,
): string {
  const entries = answers
    .map((view) => ({ view, changed: answerLastChange(view, reviewers, config) }))
    .sort((x, y) => (x.changed === y.changed ? x.view.id - y.view.id : x.changed < y.changed ? 1 : -1))
    .slice(0, size);
  const feedUpdated = entries[0]?.changed ?? config.today();
  const body = entries.map(({ view, changed }) => {
    const a = view.revision.answer;
    const url = config.baseUrl + answerPath(view.conditionSlug, view.slug);
    const badge = badgeFor(view, reviewers, config);
    const term = badge.kind === 'reviewed' && badge.reviewed >= view.updated ? 'reviewed' : 'updated';
    return [
      '<entry>',
      `<id>${xmlEscape(url)}</id>`,
      `<title>${xmlEscape(a.question)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `<updated>${changed}T00:00:00Z</updated>`,
      `<category term="${term}" label="${term === 'reviewed' ? 'Medically reviewed' : 'New or updated'}"/>`,
      `<category term="${xmlEscape(view.conditionSlug)}" label="${xmlEscape(view.conditionName)}"/>`,
      `<summary type="text">${xmlEscape(`${a.tldr} (${badgeText(badge)})`)}</summary>`,
      '</entry>',
    ].join('');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    `<id>${xmlEscape(`${config.baseUrl}/`)}</id>`,
    `<title>${xmlEscape(`${config.siteName}: new and re-reviewed answers`)}</title>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(`${config.baseUrl}/feed.xml`)}"/>`,
    `<link rel="alternate" type="text/html" href="${xmlEscape(`${config.baseUrl}/`)}"/>`,
    `<updated>${feedUpdated}T00:00:00Z</updated>`,
    `<author><name>${xmlEscape(config.siteName)}</name><uri>${xmlEscape(`${config.baseUrl}/`)}</uri></author>`,
    ...body,
    '</feed>',
    '',
  ].join('\n');
}
