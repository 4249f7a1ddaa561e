import { collectStats, formatStats } from '../../import/stats/index.js';
import { openCliStore } from '../shared.js';

export async function runStats(opts: { db: string; json?: boolean }) {
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const stats = await collectStats(store);
    console.log(opts.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
  } finally {
    await store.close();
  }
}
