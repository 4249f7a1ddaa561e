/**
 * A published page's parts → a draft answer (and its condition, for a condition.md that does not
 * exist yet). Pure: no files, no clock. The draft never carries a review: a page's "Medically
 * reviewed" label names no reviewer we know and no revision anyone approved, so the answer starts
 * as an unreviewed draft and goes through `medbrief review` like any other.
 */
import {
  type Answer,
  type Aspect,
  type Condition,
  IsoDateSchema,
  type Origin,
  parseAnswer,
  serialiseAnswer,
  slugify,
} from '../../content/index.js';
import type { PageParts } from '../../lint/index.js';
import { classifyAspect } from '../../search/index.js';
import { deriveTldr } from '../medquad/index.js';
import { bodyMarkdown, escapeProse } from './body.js';
import { detectCondition } from './condition-name.js';

export interface PageDraftOptions {
  collection: 'html' | 'text';
  /** Who published the page; "unknown" when not given. */
  publisher?: string;
  /** Where the page was published (an http(s) URL). */
  url?: string;
  /** Condition slug chosen by the user, overriding the one detected from the page. */
  condition?: string;
  /** Aspect chosen by the user, overriding the one classified from the question. */
  aspect?: Aspect;
  /** Conditions already in the content folder: a page naming one of them (or a synonym) joins it. */
  knownConditions?: readonly Condition[];
}

export interface PageDraft {
  answer: Answer;
  /** The answer file's text (front matter + body); parses with parseAnswer. */
  text: string;
  /** The condition, for writing condition.md when the folder has none. */
  condition: Condition;
  /** What the importer did or could not do, in words, for the report. */
  notes: string[];
}

export type PageImportProblemCode = 'no-question' | 'no-condition' | 'no-content';

/** Why a page could not be turned into a draft; `hint` says what to do. */
export interface PageImportProblem {
  code: PageImportProblemCode;
  message: string;
  hint: string;
}

export type PageDraftResult = { ok: true; draft: PageDraft } | { ok: false; problem: PageImportProblem };

/** The question as a reader would write it: one line, no emphasis, capitalised, one "?". */
export function cleanPageQuestion(raw: string): string {
  let q = raw
    .replace(/\s+/g, ' ')
    .replace(/^[*_"“]+|[*_"”]+$/g, '')
    .trim();
  q = q.replace(/\s*\?[\s?]*$/, '?');
  if (!q.endsWith('?')) q = `${q.replace(/[.:;,!\s]+$/, '')}?`;
  return q.charAt(0).toUpperCase() + q.slice(1);
}

const humanise = (slug: string) => {
  const s = slug.replace(/-/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
};

/** A known condition whose name or synonyms include one of `names` (case-insensitive). */
function findKnown(names: string[], known: readonly Condition[]): Condition | undefined {
  const wanted = new Set(names.map((n) => n.toLowerCase()));
  return known.find(
    (c) => wanted.has(c.name.toLowerCase()) || c.synonyms.some((s) => wanted.has(s.toLowerCase())),
  );
}

function conditionFor(
  parts: PageParts,
  options: PageDraftOptions,
  notes: string[],
): Condition | PageImportProblem {
  const known = options.knownConditions ?? [];
  const detected = detectCondition(parts);
  if (options.condition) {
    const slug = options.condition;
    const existing = known.find((c) => c.slug === slug);
    if (existing) return existing;
    if (detected && slugify(detected.name) === slug) {
      return { slug, name: detected.name, synonyms: detected.synonyms, summary: '' };
    }
    const synonyms = detected ? [detected.name, ...detected.synonyms] : [];
    return { slug, name: humanise(slug), synonyms, summary: '' };
  }
  if (!detected) {
    return {
      code: 'no-condition',
      message: 'no condition name found in the question or the title',
      hint: 'pass --condition <slug>, e.g. --condition sacral-agenesis',
    };
  }
  const match = findKnown([detected.name, ...detected.synonyms], known);
  if (match) {
    notes.push(
      match.slug === slugify(detected.name)
        ? `condition "${detected.name}" found in the ${detected.from}: ${match.slug} is already in the content folder`
        : `"${detected.name}" (found in the ${detected.from}) is filed under the existing condition ${match.slug} (${match.name}), which shares a name with it`,
    );
    return match;
  }
  const slug = slugify(detected.name);
  if (!slug) {
    return {
      code: 'no-condition',
      message: `the condition name "${detected.name}" gives no usable slug`,
      hint: 'pass --condition <slug>',
    };
  }
  notes.push(
    `condition "${detected.name}" found in the ${detected.from}` +
      (detected.synonyms.length ? ` (the page also calls it: ${detected.synonyms.join(', ')})` : ''),
  );
  return { slug, name: detected.name, synonyms: detected.synonyms, summary: '' };
}

function sourcesSection(parts: PageParts): string {
  const lines = parts.sources
    .filter((s) => s.title || s.url)
    .map((s) => `- ${escapeProse([s.title, s.url].filter(Boolean).join(' — '))}`);
  return lines.length ? `## Sources named on the original page\n\n${lines.join('\n')}\n` : '';
}

export function draftFromPage(parts: PageParts, options: PageDraftOptions): PageDraftResult {
  if (!parts.question) {
    const seen = [
      parts.title && `a title ("${parts.title}")`,
      parts.tldr && 'a TL;DR',
      parts.body.length && `${parts.body.length} body paragraphs`,
    ].filter(Boolean);
    return {
      ok: false,
      problem: {
        code: 'no-question',
        message: `no question found${seen.length ? ` (the page has ${seen.join(', ')})` : ''}`,
        hint: 'a page must ask its question in a line of its own ending in "?" (or after "Question:"); add it to the page and import again',
      },
    };
  }
  const notes: string[] = [];
  const condition = conditionFor(parts, options, notes);
  if ('code' in condition) return { ok: false, problem: condition };

  const question = cleanPageQuestion(parts.question);
  const aspect = options.aspect ?? classifyAspect(question).top ?? 'overview';
  if (!options.aspect && !classifyAspect(question).top) {
    notes.push(
      'the question asks no specific kind of question: filed as "overview" (use --aspect to choose)',
    );
  }

  const body = bodyMarkdown(parts.body, parts.tldr);
  let tldr = parts.tldr;
  let tldrDerived = false;
  if (!tldr) {
    const prose = body.kept
      .filter((b) => b.kind === 'paragraph' || b.kind === 'list-item')
      .map((b) => ({ kind: b.kind === 'list-item' ? ('li' as const) : ('p' as const), text: b.text }));
    tldr = deriveTldr(prose) || undefined;
    tldrDerived = Boolean(tldr);
    if (tldr)
      notes.push('the page has no TL;DR: one was taken from its first sentences (tldr_derived: true)');
  }
  if (!tldr) {
    return {
      ok: false,
      problem: {
        code: 'no-content',
        message: 'the page has a question but no TL;DR and no body text',
        hint: 'check that the file is the whole page; for HTML, that the text is not loaded by a script',
      },
    };
  }
  if (parts.tldrCount > 1) notes.push(`the TL;DR is printed ${parts.tldrCount} times: kept once`);
  if (body.repeatsDropped) {
    notes.push(
      `${body.repeatsDropped} repeated ${body.repeatsDropped === 1 ? 'paragraph' : 'paragraphs'} dropped (the text is kept once)`,
    );
  }
  if (body.emptyLists) {
    notes.push(
      `${body.emptyLists} ${body.emptyLists === 1 ? 'sentence introduces a list' : 'sentences introduce lists'} the page left empty: kept as text for the editor`,
    );
  }
  const updated =
    parts.updated?.iso && IsoDateSchema.safeParse(parts.updated.iso).success ? parts.updated.iso : undefined;
  if (parts.updated && !updated) {
    notes.push(`the page's date "${parts.updated.raw}" cannot be read unambiguously: "updated" left out`);
  }
  if (parts.reviewClaim) {
    const { text, reviewer, reviewed } = parts.reviewClaim;
    const who = reviewer ? ` (by ${reviewer}${reviewed ? ` on ${reviewed}` : ''})` : ' but names no reviewer';
    notes.push(
      `the page says "${text}"${who}: a claim on a page is not a review here, so the draft has no review block`,
    );
  }
  const sources = sourcesSection(parts);
  if (sources) {
    notes.push(
      'the sources listed on the page are kept at the end of the body: move them into "sources:" to cite them',
    );
  }

  const origin: Origin = {
    collection: options.collection,
    publisher: options.publisher?.trim() || 'unknown',
  };
  if (options.url) origin.url = options.url;
  const answer: Answer = {
    question,
    condition: condition.slug,
    aspect,
    tldr: tldr.replace(/\s+/g, ' ').trim(),
    ...(tldrDerived ? { tldr_derived: true } : {}),
    audience: 'patient',
    ...(updated ? { updated } : {}),
    sources: [],
    origin,
    body: [body.markdown, sources].filter(Boolean).join('\n'),
  };
  const text = serialiseAnswer(answer);
  const check = parseAnswer(text, `${condition.slug}/${aspect}.md`);
  if (!check.ok) {
    // The draft is built from the schema's own types; failing here is a bug in this importer.
    throw new Error(
      `draft for ${parts.file} does not parse: ${check.problems.map((p) => p.message).join('; ')}`,
    );
  }
  return { ok: true, draft: { answer, text, condition, notes } };
}
