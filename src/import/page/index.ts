/**
 * Importing existing published pages (HTML or plain text) as draft answers, with the audit of the
 * original page's defects. Page recognition is the linter's (`pageParts`), not a second parser.
 */
export { type BodyResult, bodyMarkdown, escapeProse } from './body.js';
export {
  type DetectedCondition,
  detectCondition,
  focusOfQuestion,
  focusOfTitle,
  synonymsInText,
} from './condition-name.js';
export {
  cleanPageQuestion,
  draftFromPage,
  type PageDraft,
  type PageDraftOptions,
  type PageDraftResult,
  type PageImportProblem,
  type PageImportProblemCode,
} from './draft.js';
export { type HtmlPageMeta, htmlPageMeta, httpUrl } from './html-meta.js';
export {
  type ImportPagesOptions,
  importPages,
  listPageFiles,
  type PageImportOutcome,
  PageIoError,
  type PageKind,
  readKnownConditions,
} from './run.js';
