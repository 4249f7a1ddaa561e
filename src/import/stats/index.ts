/** `medbrief stats` output: the counts from `store.stats()` as an aligned table. */
import type { Store, StoreStats } from '../../store/index.js';

export type { StoreStats };

export function collectStats(store: Store): Promise<StoreStats> {
  return store.stats();
}

export function formatStats(s: StoreStats): string {
  const lines = [
    `conditions             ${fmt(s.conditions)}`,
    `synonyms               ${fmt(s.synonyms)}`,
    `answers                ${fmt(s.answers)} (${fmt(s.published)} published)`,
    `  imported             ${fmt(s.imported)} (${fmt(s.importedNotReviewed)} not yet reviewed here)`,
    `  medically reviewed   ${fmt(s.reviewed)}`,
  ];
  for (const [collection, n] of Object.entries(s.importedDocuments)) {
    lines.push(`imported documents     ${fmt(n)} (${collection})`);
  }
  if (s.origins.answer || s.origins.duplicate) {
    lines.push(
      `imported records       ${fmt(s.origins.answer + s.origins.duplicate)} (${fmt(s.origins.duplicate)} linked as duplicates)`,
    );
  }
  lines.push(
    '',
    ...table('answers by aspect', s.byAspect),
    '',
    ...table('answers by publisher', s.byPublisher),
  );
  if (Object.keys(s.qtypes).length) lines.push('', ...table('imported records by MedQuAD qtype', s.qtypes));
  return lines.join('\n');
}

const fmt = (n: number) => n.toLocaleString('en-US');

function table(title: string, rows: Record<string, number>): string[] {
  const entries = Object.entries(rows).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!entries.length) return [];
  const width = Math.max(...entries.map(([k]) => k.length));
  return [title, ...entries.map(([k, v]) => `  ${k.padEnd(width)}  ${fmt(v).padStart(7)}`)];
}
