/**
 * `medbrief export <dir>`: the published site back to a content folder that `medbrief import`
 * reads to the same state. Each published answer's `review:` block is stamped from the approval
 * bound to its exact content hash (reviewer, reviewed, next_review, revision), so importing the
 * folder into a fresh store gives the same hashes and the same review badges.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Answer, serialiseAnswer, serialiseCondition, serialiseReviewers } from '../../content/index.js';
import { safeJoin } from '../../site/index.js';
import type { AnswerView, Store } from '../../store/index.js';
import { openCliStore } from '../shared.js';

/** The answer as a file: its published content, with a review block only if one is bound to it. */
export function answerForExport(view: AnswerView): Answer {
  const { review: _stale, ...content } = view.revision.answer;
  const bound = view.approvals
    .filter((a) => a.hash === view.revision.hash)
    .sort((x, y) => (x.reviewed < y.reviewed ? 1 : x.reviewed > y.reviewed ? -1 : 0))[0];
  if (!bound) return content as Answer;
  return {
    ...(content as Answer),
    review: {
      reviewer: bound.reviewerId,
      reviewed: bound.reviewed,
      next_review: bound.nextReview,
      revision: view.revision.hash,
    },
  };
}

/** Every file of the content folder, by relative path. */
export async function exportContentFiles(store: Store): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const reviewers = await store.listReviewers();
  if (reviewers.length) files.set('reviewers.yaml', serialiseReviewers(reviewers));
  for (const summary of await store.listConditions()) {
    const c = await store.findCondition(summary.slug);
    if (!c) continue;
    const { id: _id, createdAt: _c, updatedAt: _u, ...condition } = c;
    files.set(`${c.slug}/condition.md`, serialiseCondition(condition));
  }
  const pageSize = 1000;
  for (let offset = 0; ; offset += pageSize) {
    const views = await store.allPublishedAnswers({ limit: pageSize, offset });
    for (const v of views) files.set(`${v.conditionSlug}/${v.slug}.md`, serialiseAnswer(answerForExport(v)));
    if (views.length < pageSize) break;
  }
  return files;
}

export function writeContentFiles(dir: string, files: Map<string, string>): void {
  const root = resolve(dir);
  for (const [path, text] of files) {
    // Paths come from slugs in the database: refuse any that would land outside the folder.
    const target = safeJoin(root, path);
    mkdirSync(dirname(target), { recursive: true });
    // Write then rename: an interrupted export never leaves a half-written file.
    writeFileSync(`${target}.tmp`, text);
    renameSync(`${target}.tmp`, target);
  }
}

export async function runExport(dir: string, opts: { db: string }) {
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const files = await exportContentFiles(store);
    writeContentFiles(dir, files);
    const answers = [...files.keys()].filter((p) => p.endsWith('.md') && !p.endsWith('/condition.md')).length;
    console.log(`Exported ${answers} published answers and ${files.size - answers} other files to ${dir}`);
  } finally {
    await store.close();
  }
}
