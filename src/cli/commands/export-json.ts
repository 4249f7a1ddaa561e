/** `medbrief export-json`: every condition and published answer as one JSON document. */
import { writeFileSync } from 'node:fs';
import { defaultSiteConfig } from '../../site/index.js';
import type { Store } from '../../store/index.js';
import { answerJson } from '../../web/index.js';
import { openCliStore } from '../shared.js';

export async function exportJson(store: Store, baseUrl: string) {
  const config = defaultSiteConfig({ baseUrl });
  const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
  const conditions = [];
  for (const summary of await store.listConditions()) {
    const c = await store.findCondition(summary.slug);
    if (!c) continue;
    const { id: _id, createdAt: _c, updatedAt: _u, ...model } = c;
    const answers = (await store.listPublishedAnswers(c.slug)).map((v) => answerJson(v, reviewers, config));
    conditions.push({ ...model, answers });
  }
  return { generatedAt: new Date().toISOString(), reviewers: [...reviewers.values()], conditions };
}

export async function runExportJson(opts: { db: string; out?: string; baseUrl: string }) {
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const json = `${JSON.stringify(await exportJson(store, opts.baseUrl.replace(/\/+$/, '')), null, 2)}\n`;
    if (opts.out) {
      writeFileSync(opts.out, json);
      console.error(`Wrote ${opts.out}`);
    } else process.stdout.write(json);
  } finally {
    await store.close();
  }
}
