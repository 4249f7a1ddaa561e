/**
 * Parsing and serialising content files. Parse → serialise → parse yields the same model.
 */
import { stringify } from 'yaml';
import type { z } from 'zod';
import { CODE_SYSTEM_INFO, codePairs, LEGACY_CODE_KEYS } from './codes.js';
import { ContentError, type ContentProblem } from './errors.js';
import { locateKey, type ParsedYaml, parseYaml, splitFrontMatter, zodProblems } from './frontmatter.js';
import {
  type Answer,
  AnswerFrontMatterSchema,
  type Condition,
  ConditionFrontMatterSchema,
  type Reviewer,
  ReviewersFileSchema,
} from './schema.js';

export interface ParsedAnswer {
  answer: Answer;
  file: string;
  /** 1-based line of the first body line in the file, for mapping body positions. */
  bodyLine: number;
}

export type ParseResult<T> =
  | { ok: true; value: T /** Accepted, but worth changing (old field names). */; warnings?: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

const FOOTNOTE_REF = /\[\^([^\]\s[]{1,100})\]/g;
/** A footnote definition `[^id]: text` starts a line; a reference before a colon mid-line is still a reference. */
const FOOTNOTE_DEFINITION = /^\s{0,3}\[\^[^\]\s[]{1,100}\]:/;

/** Footnote references `[^id]` in a Markdown body, with their 0-based line and column. */
export function footnoteReferences(body: string): { id: string; line: number; column: number }[] {
  const refs: { id: string; line: number; column: number }[] = [];
  let inFence = false;
  body.split('\n').forEach((text, line) => {
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    if (inFence) return;
    for (const m of text.matchAll(FOOTNOTE_REF)) {
      if (m.index === text.search(/\S/) && FOOTNOTE_DEFINITION.test(text)) continue;
      refs.push({ id: m[1]!, line, column: m.index ?? 0 });
    }
  });
  return refs;
}

/**
 * The rule that binds footnotes to sources, for every form an answer is written in (a file, the
 * editor's form): which sources repeat an id already used (their index), and which footnote
 * references name no source. `ids` are the distinct source ids, in order.
 */
export function sourceIdProblems(answer: Pick<Answer, 'sources' | 'body'>): {
  duplicates: { index: number; id: string }[];
  brokenFootnotes: { id: string; line: number; column: number }[];
  ids: string[];
} {
  const ids = new Set<string>();
  const duplicates: { index: number; id: string }[] = [];
  answer.sources.forEach((s, index) => {
    if (ids.has(s.id)) duplicates.push({ index, id: s.id });
    ids.add(s.id);
  });
  const brokenFootnotes = footnoteReferences(answer.body).filter((ref) => !ids.has(ref.id));
  return { duplicates, brokenFootnotes, ids: [...ids] };
}

/** How to fix a footnote no source has: name the ids there are, or say where a source goes. */
export function brokenFootnoteHint(id: string, ids: readonly string[], whereSourcesGo: string): string {
  return ids.length
    ? `use one of the source ids (${ids.join(', ')}) or add a source with id "${id}"`
    : `add a source with id "${id}" ${whereSourcesGo}`;
}

function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.path[0] === 'aspect') return 'unknown-aspect';
  if (issue.code === 'invalid_type' && issue.message.includes('undefined')) return 'missing-field';
  return 'front-matter-invalid';
}

export function parseAnswer(text: string, file = '<answer>'): ParseResult<ParsedAnswer> {
  const split = splitFrontMatter(text, file);
  if ('code' in split) return { ok: false, problems: [split] };
  const yaml = parseYaml(split.yaml, file, split.yamlLine);
  if ('code' in yaml) return { ok: false, problems: [yaml] };
  const result = AnswerFrontMatterSchema.safeParse(yaml.data ?? {});
  if (!result.success) {
    return { ok: false, problems: zodProblems(result.error, yaml, file, split.yamlLine, issueCode) };
  }
  const answer: Answer = { ...result.data, body: split.body };
  const { duplicates, brokenFootnotes, ids } = sourceIdProblems(answer);
  const problems: ContentProblem[] = [
    ...duplicates.map((d) => ({
      code: 'duplicate-source-id',
      message: `source id "${d.id}" is used twice`,
      file,
      line: split.yamlLine,
      column: 1,
      hint: 'give every source a unique id',
    })),
    ...brokenFootnotes.map((ref) => ({
      code: 'broken-footnote',
      message: `footnote [^${ref.id}] does not match any source`,
      file,
      line: split.bodyLine + ref.line,
      column: ref.column + 1,
      hint: brokenFootnoteHint(ref.id, ids, 'under "sources:" in the front matter'),
    })),
  ];
  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { answer, file, bodyLine: split.bodyLine } };
}

/** Like parseAnswer but throws a ContentError listing every problem. */
export function parseAnswerOrThrow(text: string, file?: string): Answer {
  const r = parseAnswer(text, file);
  if (!r.ok) throw new ContentError(r.problems);
  return r.value.answer;
}

export function parseCondition(text: string, slug: string, file = '<condition>'): ParseResult<Condition> {
  const split = splitFrontMatter(text, file);
  if ('code' in split) return { ok: false, problems: [split] };
  const yaml = parseYaml(split.yaml, file, split.yamlLine);
  if ('code' in yaml) return { ok: false, problems: [yaml] };
  const result = ConditionFrontMatterSchema.safeParse(yaml.data ?? {});
  if (!result.success) return { ok: false, problems: zodProblems(result.error, yaml, file, split.yamlLine) };
  const fm = result.data;
  if (fm.slug && fm.slug !== slug) {
    return {
      ok: false,
      problems: [
        {
          code: 'slug-mismatch',
          message: `slug "${fm.slug}" does not match the folder name "${slug}"`,
          file,
          line: split.yamlLine,
          column: 1,
          hint: `rename the folder to "${fm.slug}" or remove the slug field`,
        },
      ],
    };
  }
  const warnings = legacyCodeWarnings(yaml, file, split.yamlLine);
  return {
    ok: true,
    value: { ...fm, slug, summary: split.body.trim() },
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Old code-system names under `codes:` still load; each gets a warning saying what to write instead. */
function legacyCodeWarnings(yaml: ParsedYaml, file: string, firstLine: number): ContentProblem[] {
  const codes = (yaml.data as { codes?: unknown } | null)?.codes;
  if (!codes || typeof codes !== 'object' || Array.isArray(codes)) return [];
  const out: ContentProblem[] = [];
  for (const key of Object.keys(codes)) {
    const system = LEGACY_CODE_KEYS[key];
    if (!system) continue;
    const { line, column } = locateKey(yaml, ['codes', key], firstLine);
    out.push({
      code: 'code-system-renamed',
      message: `code system "codes.${key}" is an old name, read as "${system}" (${CODE_SYSTEM_INFO[system].name})`,
      file,
      line,
      column,
      hint: `rename "${key}:" to "${system}:"`,
    });
  }
  return out;
}

export function parseReviewers(text: string, file = 'reviewers.yaml'): ParseResult<Reviewer[]> {
  const yaml = parseYaml(text.replace(/\r\n?/g, '\n'), file, 1);
  if ('code' in yaml) return { ok: false, problems: [yaml] };
  const result = ReviewersFileSchema.safeParse(yaml.data ?? []);
  if (!result.success) return { ok: false, problems: zodProblems(result.error, yaml, file, 1) };
  return { ok: true, value: result.data };
}

/** Front matter keys in the order a person reads them; unknown keys cannot exist (strict schema). */
const ANSWER_KEY_ORDER = [
  'question',
  'condition',
  'aspect',
  'slug',
  'tldr',
  'tldr_derived',
  'audience',
  'updated',
  'origin',
  'sources',
  'review',
  'lint',
] as const;

function ordered(obj: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    out[k] = v;
  }
  return out;
}

function frontMatterFile(data: Record<string, unknown>, body: string): string {
  const yaml = stringify(data, { lineWidth: 100, minContentWidth: 40 });
  return `---\n${yaml}---\n${body}`;
}

/** Serialises an answer as Markdown with YAML front matter, keys in a stable order. */
export function serialiseAnswer(answer: Answer): string {
  const { body, ...fm } = answer;
  const data = ordered(fm, ANSWER_KEY_ORDER);
  if (data.audience === 'patient') delete data.audience; // the default
  return frontMatterFile(data, body);
}

export function serialiseCondition(condition: Condition): string {
  const { summary, slug: _slug, ...fm } = condition;
  const data = ordered(fm, ['name', 'synonyms', 'codes', 'review_interval_months']);
  // One code is written as a scalar, several as a list (both read back the same).
  if (condition.codes) {
    data.codes = Object.fromEntries(
      codePairs(condition.codes)
        .map((p) => p.system)
        .filter((s, i, all) => all.indexOf(s) === i)
        .map((s) => {
          const list = condition.codes![s]!;
          return [s, list.length === 1 ? list[0] : list];
        }),
    );
  }
  return frontMatterFile(data, summary ? `${summary}\n` : '');
}

export function serialiseReviewers(reviewers: Reviewer[]): string {
  return stringify(
    reviewers.map((r) => ordered(r, ['id', 'name', 'credentials', 'demo', 'bio'])),
    {
      lineWidth: 100,
    },
  );
}
