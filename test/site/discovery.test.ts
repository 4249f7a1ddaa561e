import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  atomFeed,
  robotsTxt,
  SITEMAP_LIMIT,
  sitemapEntries,
  sitemapFiles,
  sitemapXml,
} from '../../src/site/index.js';
import type { AnswerView, ConditionSummary } from '../../src/store/index.js';
import { fixtureApp, fixtureConfig, fixtureStore } from './fixture.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (n) => ['url', 'entry', 'link', 'category', 'sitemap'].includes(n),
});
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('sitemap, feed and robots.txt', () => {
  let answers: AnswerView[];
  let conditions: ConditionSummary[];
  let reviewers: Map<string, import('../../src/content/index.js').Reviewer>;
  const config = fixtureConfig();
  beforeAll(async () => {
    const store = await fixtureStore();
    answers = await store.allPublishedAnswers();
    conditions = await store.listConditions();
    reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
  });

  it('sitemap.xml is a well-formed sitemaps.org urlset with absolute locs and YYYY-MM-DD lastmods', () => {
    const xml = sitemapXml(sitemapEntries(conditions, answers, reviewers, config), config);
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml);
    expect(doc.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const urls = doc.urlset.url as { loc: string; lastmod?: string }[];
    expect(urls.length).toBe(answers.length + conditions.length + reviewers.size + 2);
    for (const u of urls) {
      expect(u.loc.startsWith('https://medbrief.example/')).toBe(true);
      if (u.lastmod !== undefined) expect(u.lastmod).toMatch(ISO_DATE);
    }
    const causes = urls.find((u) => u.loc.endsWith('/conditions/sacral-agenesis/causes'));
    // The later of "updated" and the bound review date.
    expect(causes?.lastmod).toBe('2026-12-02');
  });

  it('splits into a sitemap index beyond the protocol limit', () => {
    const many = Array.from({ length: SITEMAP_LIMIT + 5 }, (_, i) => ({ path: `/p/${i}` }));
    const files = sitemapFiles(many, config);
    expect([...files.keys()].sort()).toEqual(['sitemap-1.xml', 'sitemap-2.xml', 'sitemap.xml']);
    const index = parser.parse(files.get('sitemap.xml')!);
    expect(index.sitemapindex.sitemap.map((s: { loc: string }) => s.loc)).toEqual([
      'https://medbrief.example/sitemap-1.xml',
      'https://medbrief.example/sitemap-2.xml',
    ]);
    expect(parser.parse(files.get('sitemap-2.xml')!).urlset.url).toHaveLength(5);
  });

  it('the Atom feed has the required elements, newest first, and marks reviews', () => {
    const xml = atomFeed(answers, reviewers, config, 10);
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parser.parse(xml);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://medbrief.example/');
    expect(feed.updated).toMatch(RFC3339);
    expect(feed.author.name).toBe('MedBrief');
    expect(feed.link.find((l: Record<string, string>) => l['@rel'] === 'self')['@href']).toBe(
      'https://medbrief.example/feed.xml',
    );
    expect(feed.entry).toHaveLength(10);
    const dates = feed.entry.map((e: { updated: string }) => e.updated);
    expect(dates).toEqual([...dates].sort().reverse());
    for (const e of feed.entry) {
      expect(e.id).toMatch(/^https:\/\/medbrief\.example\/conditions\//);
      expect(e.title).toMatch(/\?$/);
      expect(e.updated).toMatch(RFC3339);
      expect(['reviewed', 'updated']).toContain(e.category[0]['@term']);
    }
  });

  it('escapes markup in feed text', () => {
    const hostile = answers.slice(0, 1).map((a) => ({
      ...a,
      revision: { ...a.revision, answer: { ...a.revision.answer, question: 'Is <b>x</b> & "y" ok?' } },
    }));
    const xml = atomFeed(hostile, reviewers, config);
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<b>');
    expect(xml).toContain('<title>Is &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot; ok?</title>');
    expect(parser.parse(xml).feed.entry[0].title).toBe('Is <b>x</b> & "y" ok?');
  });

  it('robots.txt points at the sitemap and keeps crawlers off search results and the API', () => {
    const txt = robotsTxt(config);
    expect(txt).toContain('Sitemap: https://medbrief.example/sitemap.xml');
    expect(txt).toMatch(/^Disallow: \/ask$/m);
  });

  it('the server serves them with XML and text media types', async () => {
    const { app } = await fixtureApp();
    const sm = await app.request('/sitemap.xml');
    expect(sm.headers.get('content-type')).toContain('application/xml');
    expect(XMLValidator.validate(await sm.text())).toBe(true);
    const feed = await app.request('/feed.xml');
    expect(feed.headers.get('content-type')).toContain('application/atom+xml');
    expect((await app.request('/robots.txt')).status).toBe(200);
    const home = await (await app.request('/')).text();
    expect(home).toContain('<link rel="alternate" type="application/atom+xml"');
    expect(home).toContain('<link rel="canonical" href="https://medbrief.example/"');
  });
});
