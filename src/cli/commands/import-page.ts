/**
 * `medbrief import html <file|dir>` and `medbrief import text <file>`: existing published pages
 * as draft answers in a content folder, with the audit of each original page's defects.
 *
 * Exit codes: 0 every page became a draft (whatever the audit found: the import succeeded),
 * 1 a page could not be recognised (no question, no condition, no text), 2 the command could not
 * run (unreadable input, unwritable folder, an answer file already there without --force, bad
 * options).
 */
import { relative } from 'node:path';
import pc from 'picocolors';
import { ASPECTS, type Aspect, SlugSchema } from '../../content/index.js';
import {
  httpUrl,
  importPages,
  listPageFiles,
  type PageImportOutcome,
  PageIoError,
  type PageKind,
} from '../../import/page/index.js';
import { countBySeverity, type ResolvedConfig } from '../../lint/index.js';
import { CliError, EXIT_FAILURE, EXIT_OK, EXIT_PROBLEMS } from '../shared.js';
import { configFor, explicitConfig } from './lint.js';
import { checkFormat, printResults } from './lint-output.js';

export interface ImportPageCliOptions {
  out: string;
  condition?: string;
  aspect?: string;
  publisher?: string;
  url?: string;
  force?: boolean;
  format: string;
  config?: string;
  today?: string;
}

const shown = (p: string) => relative(process.cwd(), p) || p;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function checkOptions(opts: ImportPageCliOptions, files: string[]): { aspect?: Aspect; url?: string } {
  if (opts.condition && !SlugSchema.safeParse(opts.condition).success) {
    throw new CliError(
      `--condition "${opts.condition}" is not a slug`,
      EXIT_FAILURE,
      'use lower-case letters, digits and single hyphens, e.g. --condition sacral-agenesis',
    );
  }
  if (opts.aspect && !(ASPECTS as readonly string[]).includes(opts.aspect)) {
    throw new CliError(`unknown aspect "${opts.aspect}"`, EXIT_FAILURE, `use one of: ${ASPECTS.join(', ')}`);
  }
  let url: string | undefined;
  if (opts.url !== undefined) {
    url = httpUrl(opts.url);
    if (!url) throw new CliError(`--url "${opts.url}" is not an http(s) URL`, EXIT_FAILURE);
    if (files.length > 1) {
      throw new CliError(
        `--url names one page, but ${files.length} pages were found`,
        EXIT_FAILURE,
        "leave --url out: each HTML page's canonical link is used",
      );
    }
  }
  if (opts.publisher !== undefined && !opts.publisher.trim()) {
    throw new CliError('--publisher must not be empty', EXIT_FAILURE);
  }
  return { aspect: opts.aspect as Aspect | undefined, url };
}

/** What happened to one page, in a few lines (the audit is printed after, in the chosen format). */
function describe(o: PageImportOutcome): string[] {
  if (o.status === 'not-recognised') {
    return [`${pc.red('error')} ${shown(o.input)}: ${o.problem.message}`, `  hint: ${o.problem.hint}`];
  }
  if (o.status === 'exists') {
    const why = o.takenBy
      ? `the draft of ${shown(o.takenBy)} was written there in this run`
      : 'the file exists (not overwritten)';
    return [
      `${pc.red('error')} ${shown(o.input)} → ${shown(o.answerFile)}: ${why}`,
      o.takenBy
        ? '  hint: import the pages separately with --condition or --aspect'
        : '  hint: pass --force to replace it, or --condition/--aspect to file the page elsewhere',
    ];
  }
  const a = o.draft.answer;
  const facts = [
    `condition ${a.condition}${o.conditionFile ? ' (condition.md created)' : ''}`,
    `aspect ${a.aspect}`,
    a.updated ? `updated ${a.updated}` : 'no date',
  ];
  return [
    `${pc.green('✔')} ${shown(o.input)} → ${shown(o.answerFile)}${o.overwritten ? ' (replaced)' : ''}: draft, not reviewed`,
    `  ${facts.join(' · ')}`,
    ...o.draft.notes.map((n) => `  - ${n}`),
  ];
}

export function exitCodeFor(outcomes: readonly PageImportOutcome[]): number {
  if (outcomes.some((o) => o.status === 'exists')) return EXIT_FAILURE;
  if (outcomes.some((o) => o.status === 'not-recognised')) return EXIT_PROBLEMS;
  return EXIT_OK;
}

export async function runImportPage(
  kind: PageKind,
  path: string,
  opts: ImportPageCliOptions,
): Promise<number> {
  const format = checkFormat(opts.format);
  const explicit = explicitConfig(opts.config);
  const cache = new Map<string, ResolvedConfig>();
  let outcomes: PageImportOutcome[];
  try {
    const files = listPageFiles(path, kind);
    const { aspect, url } = checkOptions(opts, files);
    outcomes = importPages(files, kind, {
      out: opts.out,
      force: opts.force,
      condition: opts.condition,
      aspect,
      url,
      publisher: opts.publisher,
      audit: (file) => ({ config: configFor(file, explicit, cache), today: opts.today }),
    });
  } catch (err) {
    if (err instanceof PageIoError) throw new CliError(err.message, EXIT_FAILURE, err.hint);
    throw err;
  }
  // Machine formats keep stdout for the audit alone; the import summary goes to stderr.
  const say = format === 'stylish' ? (s: string) => console.log(s) : (s: string) => console.error(s);
  // Pages that were not imported are errors: they go to stderr whatever the format.
  for (const o of outcomes) (o.status === 'written' ? say : console.error)(describe(o).join('\n'));
  printResults(
    outcomes.map((o) => ({ file: o.input, messages: o.messages })),
    format,
  );
  const written = outcomes.filter((o) => o.status === 'written').length;
  const { errors, warnings } = countBySeverity(
    outcomes.map((o) => ({ file: o.input, messages: o.messages })),
  );
  const unrecognised = outcomes.filter((o) => o.status === 'not-recognised').length;
  const skipped = outcomes.filter((o) => o.status === 'exists').length;
  say(
    [
      `${plural(written, 'draft')} written from ${plural(outcomes.length, 'page')}`,
      unrecognised ? `${unrecognised} not recognised` : '',
      skipped ? `${skipped} not written (file exists)` : '',
    ]
      .filter(Boolean)
      .join(', ') +
      `. The audit found ${plural(errors + warnings, 'problem')} in the original ${outcomes.length === 1 ? 'page' : 'pages'} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}).`,
  );
  if (written) {
    say(
      pc.dim(
        `Next: \`medbrief lint ${shown(opts.out)}\` shows the defects the drafts still carry; send them to review with \`medbrief review\`.`,
      ),
    );
  }
  return exitCodeFor(outcomes);
}
