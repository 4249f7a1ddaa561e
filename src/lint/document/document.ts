/**
 * The neutral document every rule reads, whether it came from a Markdown answer or an audited page.
 * All spans are offsets into `text` (the analysed text); `toSource` maps them back to the input.
 */
import type { ContentProblem } from '../../content/index.js';

export type DocKind = 'markdown' | 'page';

export interface Span {
  start: number;
  end: number;
}

export interface TextUnit extends Span {
  /** `doc.text.slice(start, end)`. */
  text: string;
}

export type PartName = 'header' | 'title' | 'tldr' | 'question' | 'body' | 'disclaimer' | 'sources';

export type BlockKind = 'paragraph' | 'list-item' | 'heading' | 'blockquote' | 'table';

export interface Paragraph extends TextUnit {
  kind: BlockKind;
  part: PartName;
  /** Index of the first sentence of this paragraph in `doc.sentences`. */
  firstSentence: number;
  sentenceCount: number;
  /** Length of a leading label such as "TL;DR:" that is not part of the prose. */
  labelLength: number;
}

export interface Sentence extends TextUnit {
  paragraph: number;
  part: PartName;
}

export interface SourceEntry {
  id?: string;
  title?: string;
  url?: string;
  accessed?: string;
  span: Span;
}

export interface CitationRef {
  id: string;
  span: Span;
}

export interface ReviewInfo {
  /** Where the page or answer says it was reviewed ("Medically reviewed …"), if it says so. */
  claim?: Span;
  reviewer?: string;
  reviewed?: string;
  nextReview?: string;
  revision?: string;
  /** Where the review metadata is (front matter `review:` or the page's review line). */
  span?: Span;
}

export interface DatedSpan {
  value: string;
  span: Span;
}

/**
 * What kind of text a document is: a short answer (one question, a TL;DR, a body that fits a
 * phone screen or two) or a full page (a condition page, leaflet or fact sheet). Word budgets
 * apply to short answers only.
 */
export type PageType = 'short-answer' | 'full-page';

export interface LintDocument {
  file: string;
  kind: DocKind;
  /** Markdown answers are short answers; a page is one when it says so or has a TL;DR. */
  pageType: PageType;
  /** The analysed text: the whole Markdown file, or a page's text (HTML tags removed). */
  text: string;
  /** The input as given (after line-ending normalisation). */
  source: string;
  /** Maps an offset in `text` to an offset in `source`. */
  toSource(offset: number): number;
  title?: TextUnit;
  header?: TextUnit;
  question?: TextUnit;
  tldr?: TextUnit;
  disclaimer?: TextUnit;
  /** The body region (for Markdown: after the front matter). */
  body: Span;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  /** Sources listed (front matter `sources:` or a page's references list). */
  sources: SourceEntry[];
  /** Footnote-style references in the text (`[^id]`, `[1]`). */
  citations: CitationRef[];
  review?: ReviewInfo;
  updated?: DatedSpan;
  /** Aspect stated in front matter (Markdown answers). */
  aspect?: string;
  /** Words of the topic (condition slug, question focus): never jargon on their own page. */
  topicWords: string[];
  /** Raw front matter, as parsed leniently (Markdown answers). */
  frontMatter?: Record<string, unknown>;
  /** The content hash of the answer as it is now, when the answer is valid. */
  contentHash?: string;
  /** Answer was imported and its TL;DR derived by a program. */
  tldrDerived?: boolean;
  /** What the strict content schema says about a Markdown answer (empty when it is valid). */
  contentProblems?: ContentProblem[];
}
