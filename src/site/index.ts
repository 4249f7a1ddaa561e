export { SEARCH_JS, SITE_CSS } from './assets.js';
export { DEFAULT_DISCLAIMER, defaultSiteConfig, type SiteConfig } from './config.js';
export {
  answerLastChange,
  atomFeed,
  FEED_SIZE,
  robotsTxt,
  SITEMAP_LIMIT,
  type SitemapEntry,
  sitemapEntries,
  sitemapFiles,
  sitemapXml,
} from './discovery.js';
export * from './export/index.js';
export { answerJsonLd, publisherJsonLd, reviewerJsonLd, serializeJsonLd } from './jsonld.js';
export { Layout, LinkList } from './layout.js';
export { markdownToText, renderMarkdown, sourceAnchor } from './markdown.js';
export * from './model.js';
export { AboutReviewPage } from './pages/about-review.js';
export { AnswerArticle, AnswerPage } from './pages/answer.js';
export { type AskHit, AskPage, type AskView } from './pages/ask.js';
export { ConditionPage } from './pages/condition.js';
export { ErrorPage } from './pages/error.js';
export { HomePage } from './pages/home.js';
export { type ReviewedAnswerLink, ReviewerPage } from './pages/reviewer.js';
export { renderDocument } from './render.js';
export { SearchForm } from './search-form.js';
export {
  type SearchHit,
  type SearchIndex,
  type SearchIndexDoc,
  searchDocs,
  searchIndexDoc,
  searchWords,
} from './search-index.js';
export { xmlEscape } from './xml.js';
