/**
 * Reading a content folder: `reviewers.yaml`, `<condition>/condition.md`, `<condition>/<aspect>.md`.
 * Every file is checked and every problem reported (not just the first); nothing is returned
 * for import unless the whole folder is valid, so an import is all or nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  type Answer,
  type Condition,
  type ContentBundle,
  type ContentProblem,
  decodeUtf8,
  parseAnswer,
  parseCondition,
  parseReviewers,
  type Reviewer,
  SlugSchema,
} from '../../content/index.js';

export interface LoadedFolder {
  bundle: ContentBundle;
  problems: ContentProblem[];
  /** Accepted but worth changing (old code-system names); never stop an import. */
  warnings: ContentProblem[];
  /** Paths (relative to the folder) of every answer file read, by `condition/slug`. */
  files: Map<string, string>;
}

function readText(path: string, shown: string, problems: ContentProblem[]): string | null {
  const decoded = decodeUtf8(readFileSync(path), shown);
  if (typeof decoded === 'string') return decoded;
  problems.push(decoded);
  return null;
}

export interface LoadOptions {
  /** Reviewers already known (e.g. in the store), accepted in `review.reviewer`. */
  knownReviewers?: Iterable<string>;
}

export function loadContentFolder(dir: string, options: LoadOptions = {}): LoadedFolder {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const conditions: Condition[] = [];
  const answers: Answer[] = [];
  let reviewers: Reviewer[] = [];
  const files = new Map<string, string>();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    problems.push({
      code: 'not-a-folder',
      message: `content folder not found: ${dir}`,
      file: dir,
      line: 0,
      column: 0,
      hint: 'give the path of a folder holding <condition>/condition.md files (create one with `medbrief init <dir>`)',
    });
    return { bundle: { conditions, answers, reviewers }, problems, warnings, files };
  }
  const shown = (p: string) => relative(process.cwd(), p) || p;

  const reviewersFile = join(dir, 'reviewers.yaml');
  if (existsSync(reviewersFile)) {
    const text = readText(reviewersFile, shown(reviewersFile), problems);
    if (text !== null) {
      const r = parseReviewers(text, shown(reviewersFile));
      if (r.ok) reviewers = r.value;
      else problems.push(...r.problems);
    }
  }
  const reviewerIds = new Set([...reviewers.map((r) => r.id), ...(options.knownReviewers ?? [])]);
  const seenReviewers = new Set<string>();
  for (const r of reviewers) {
    if (seenReviewers.has(r.id)) {
      problems.push({
        code: 'duplicate-slug',
        message: `reviewer id "${r.id}" appears twice`,
        file: shown(reviewersFile),
        line: 0,
        column: 0,
        hint: 'give every reviewer a unique id',
      });
    }
    seenReviewers.add(r.id);
  }

  for (const name of readdirSync(dir).sort()) {
    const condDir = join(dir, name);
    if (!statSync(condDir).isDirectory() || name.startsWith('.')) continue;
    if (!SlugSchema.safeParse(name).success) {
      problems.push({
        code: 'bad-slug',
        message: `folder name "${name}" is not a valid condition slug`,
        file: shown(condDir),
        line: 0,
        column: 0,
        hint: 'use lower-case letters, digits and single hyphens, e.g. "sacral-agenesis"',
      });
      continue;
    }
    const condFile = join(condDir, 'condition.md');
    if (!existsSync(condFile)) {
      problems.push({
        code: 'condition-missing',
        message: `folder "${name}" has no condition.md`,
        file: shown(condDir),
        line: 0,
        column: 0,
        hint: `create ${name}/condition.md with at least "name:" in its front matter`,
      });
    } else {
      const text = readText(condFile, shown(condFile), problems);
      if (text !== null) {
        const r = parseCondition(text, name, shown(condFile));
        if (r.ok) {
          conditions.push(r.value);
          warnings.push(...(r.warnings ?? []));
        } else problems.push(...r.problems);
      }
    }
    for (const file of readdirSync(condDir).sort()) {
      if (!file.endsWith('.md') || file === 'condition.md') continue;
      const path = join(condDir, file);
      const text = readText(path, shown(path), problems);
      if (text === null) continue;
      const r = parseAnswer(text, shown(path));
      if (!r.ok) {
        problems.push(...r.problems);
        continue;
      }
      const a = r.value.answer;
      const slug = a.slug ?? a.aspect;
      const fileSlug = file.slice(0, -3);
      if (a.condition !== name) {
        problems.push({
          code: 'condition-mismatch',
          message: `"condition: ${a.condition}" does not match the folder "${name}"`,
          file: shown(path),
          line: lineOf(text, /^condition:/m),
          column: 1,
          hint: `move the file to ${a.condition}/ or set "condition: ${name}"`,
        });
        continue;
      }
      if (slug !== fileSlug) {
        problems.push({
          code: 'file-name-mismatch',
          message: `file name "${file}" does not match the answer's slug "${slug}"`,
          file: shown(path),
          line: 1,
          column: 1,
          hint: `rename the file to ${slug}.md, or set "slug: ${fileSlug}"`,
        });
        continue;
      }
      const key = `${name}/${slug}`;
      if (files.has(key)) {
        problems.push({
          code: 'duplicate-slug',
          message: `two files define the answer "${key}"`,
          file: shown(path),
          line: 1,
          column: 1,
          hint: `the other one is ${files.get(key)}; give one of them a different "slug:"`,
        });
        continue;
      }
      if (a.review && !reviewerIds.has(a.review.reviewer)) {
        problems.push({
          code: 'unknown-reviewer',
          message: `review.reviewer "${a.review.reviewer}" is not in reviewers.yaml`,
          file: shown(path),
          line: 1,
          column: 1,
          hint: reviewerIds.size
            ? `use one of: ${[...reviewerIds].join(', ')}, or add the reviewer to reviewers.yaml`
            : 'add the reviewer to reviewers.yaml',
        });
        continue;
      }
      files.set(key, shown(path));
      answers.push(a);
    }
  }
  return { bundle: { conditions, answers, reviewers }, problems, warnings, files };
}

/** 1-based line of the first match of a pattern in a text (1 when absent). */
function lineOf(text: string, pattern: RegExp): number {
  const m = pattern.exec(text);
  return m ? text.slice(0, m.index).split('\n').length : 1;
}
