/** `medbrief import <dir>`: a content folder into the store, in one transaction. */
import type { Command } from 'commander';
import { ContentError } from '../../content/index.js';
import { loadContentFolder } from '../../import/markdown/index.js';
import type { ImportReport, Store } from '../../store/index.js';
import { importBundle } from '../../workflow/index.js';
import { openCliStore } from '../shared.js';

/** Validates the folder completely, then imports it atomically; throws ContentError on any problem. */
export async function importContentFolder(
  store: Store,
  dir: string,
  actor = 'import',
): Promise<ImportReport> {
  const known = (await store.listReviewers()).map((r) => r.id);
  const { bundle, problems } = loadContentFolder(dir, { knownReviewers: known });
  if (problems.length) throw new ContentError(problems);
  return importBundle(store, bundle, { actor });
}

export function formatImportReport(r: ImportReport): string {
  const line = (name: string, c: ImportReport['answers']) =>
    `  ${name.padEnd(11)} ${c.added} added, ${c.updated} updated, ${c.unchanged} unchanged`;
  return [
    line('conditions', r.conditions),
    line('answers', r.answers),
    line('reviewers', r.reviewers),
    `  approvals   ${r.approvals} recorded`,
  ].join('\n');
}

export async function runImport(dir: string | undefined, opts: { db: string; actor: string }, cmd: Command) {
  if (!dir) {
    cmd.help({ error: true });
    return;
  }
  const store = await openCliStore(opts.db);
  try {
    const report = await importContentFolder(store, dir, opts.actor);
    console.log(`Imported ${dir}:\n${formatImportReport(report)}`);
  } finally {
    await store.close();
  }
}
