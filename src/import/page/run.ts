/**
 * The importer's file shell: read pages, draft answers, write them into a content folder without
 * overwriting anything unless asked, and audit each original page. Reading and writing happen
 * here; recognising and drafting are pure (draft.ts).
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import {
  type Condition,
  decodeUtf8,
  parseCondition,
  SlugSchema,
  serialiseCondition,
} from '../../content/index.js';
import { auditPage, type LintMessage, pageParts } from '../../lint/index.js';
import { draftFromPage, type PageDraft, type PageDraftOptions, type PageImportProblem } from './draft.js';
import { htmlPageMeta } from './html-meta.js';

export type PageKind = 'html' | 'text';

/** A file or folder that cannot be read or written: the command cannot run (exit 2). */
export class PageIoError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'PageIoError';
  }
}

export interface ImportPagesOptions extends Omit<PageDraftOptions, 'collection' | 'knownConditions'> {
  /** The content folder drafts are written into: `<out>/<condition>/<aspect>.md`. */
  out: string;
  /** Replace an existing answer file (condition.md is never replaced). */
  force?: boolean;
  /** Options for the audit of each original page (lint configuration, "today"). */
  audit?: (file: string) => Parameters<typeof auditPage>[2];
}

interface Base {
  input: string;
  /** The audit of the original page: its defects, as `medbrief audit` reports them. */
  messages: LintMessage[];
}

export type PageImportOutcome =
  | (Base & {
      status: 'written';
      draft: PageDraft;
      answerFile: string;
      /** condition.md, when this import created it. */
      conditionFile?: string;
      overwritten: boolean;
    })
  | (Base & {
      status: 'exists';
      draft: PageDraft;
      answerFile: string;
      /** The input whose draft took this file earlier in the same run, if any. */
      takenBy?: string;
    })
  | (Base & { status: 'not-recognised'; problem: PageImportProblem });

const HTML_FILE = /\.html?$/i;

/** The pages to import: the file itself, or every .html/.htm file under a folder (sorted). */
export function listPageFiles(path: string, kind: PageKind): string[] {
  if (!existsSync(path)) throw new PageIoError(`${path} does not exist`, 'check the path');
  if (!statSync(path).isDirectory()) return [path];
  if (kind === 'text') {
    throw new PageIoError(
      `${path} is a folder`,
      '`import text` takes one page file; use `import html <dir>` for a folder of HTML pages',
    );
  }
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (HTML_FILE.test(name)) out.push(p);
    }
  };
  walk(path);
  if (!out.length)
    throw new PageIoError(`no .html or .htm files in ${path}`, 'pass an HTML file or a folder holding some');
  return out;
}

function readPage(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new PageIoError(`cannot read ${file}: ${(err as Error).message}`);
  }
  const text = decodeUtf8(bytes, file);
  if (typeof text !== 'string') throw new PageIoError(text.message, text.hint);
  return text;
}

/** Conditions already in the content folder (unreadable ones are `medbrief validate`'s business). */
export function readKnownConditions(out: string): Condition[] {
  if (!existsSync(out)) return [];
  const known: Condition[] = [];
  for (const name of readdirSync(out).sort()) {
    const file = join(out, name, 'condition.md');
    if (!SlugSchema.safeParse(name).success || !existsSync(file)) continue;
    const r = parseCondition(readFileSync(file, 'utf8'), name, file);
    if (r.ok) known.push(r.value);
  }
  return known;
}

function writeNew(file: string, text: string): boolean {
  try {
    writeFileSync(file, text, { encoding: 'utf8', flag: 'wx' });
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new PageIoError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

function replaceFile(file: string, text: string): void {
  // Temp file + rename: an interrupted write never leaves half an answer.
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, file);
  } catch (err) {
    throw new PageIoError(`cannot write ${file}: ${(err as Error).message}`);
  }
}

/** Imports pages one by one; an unrecognised page is reported and the others still imported. */
export function importPages(
  files: readonly string[],
  kind: PageKind,
  options: ImportPagesOptions,
): PageImportOutcome[] {
  const known = readKnownConditions(options.out);
  const takenBy = new Map<string, string>();
  const outcomes: PageImportOutcome[] = [];
  for (const input of files) {
    const text = readPage(input);
    const messages = auditPage(text, input, options.audit?.(input) ?? {});
    const isHtml = kind === 'html' || HTML_FILE.test(extname(input));
    const head = isHtml ? htmlPageMeta(text) : {};
    const result = draftFromPage(pageParts(text, input), {
      collection: kind,
      publisher: options.publisher ?? head.siteName,
      url: options.url ?? head.url,
      condition: options.condition,
      aspect: options.aspect,
      knownConditions: known,
    });
    if (!result.ok) {
      outcomes.push({ status: 'not-recognised', input, messages, problem: result.problem });
      continue;
    }
    const { draft } = result;
    const dir = join(options.out, draft.condition.slug);
    const answerFile = join(dir, `${draft.answer.aspect}.md`);
    const earlier = takenBy.get(answerFile);
    if (earlier) {
      outcomes.push({ status: 'exists', input, messages, draft, answerFile, takenBy: earlier });
      continue;
    }
    try {
      mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new PageIoError(`cannot create ${dir}: ${(err as Error).message}`);
    }
    let overwritten = false;
    if (!writeNew(answerFile, draft.text)) {
      if (!options.force) {
        outcomes.push({ status: 'exists', input, messages, draft, answerFile });
        continue;
      }
      replaceFile(answerFile, draft.text);
      overwritten = true;
    }
    takenBy.set(answerFile, input);
    const conditionPath = join(dir, 'condition.md');
    const conditionFile = writeNew(conditionPath, serialiseCondition(draft.condition))
      ? conditionPath
      : undefined;
    if (conditionFile && !known.some((c) => c.slug === draft.condition.slug)) known.push(draft.condition);
    outcomes.push({ status: 'written', input, messages, draft, answerFile, conditionFile, overwritten });
  }
  return outcomes;
}
