/**
 * The labelled lint corpus (test/lint/corpus): real published pages (US government public-domain
 * and NHS OGL pages, each with URL, publisher, licence and date in a header) and pages written
 * with seeded defects or written clean. Each page has an `.expect` file listing every message that
 * should appear (rule id and line). This module reads the corpus, audits every page and scores
 * the messages against the labels: precision and recall per rule and overall, with each false
 * positive and miss listed. Used by `npm run lint:corpus` and by the regression test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditPage, type LintMessage } from '../../../src/lint/index.js';

export const CORPUS_DIR = join(import.meta.dirname, '..', 'corpus');
/** "Today" for date rules, so the scores do not drift with the calendar. */
export const CORPUS_TODAY = '2026-12-02';
/** A grade, not a defect a reader can label: left out of the scores. */
export const UNSCORED_RULES = new Set(['readability']);

/**
 * `held-out-r5` pages were labelled before the fifth round's rule changes and their messages are
 * not used to change a rule (docs/lint-corpus.md); earlier held-out pages are now `tuned`.
 */
export const SPLITS = ['tuned', 'held-out-r5', 'written-seeded', 'written-clean'] as const;
export type Split = (typeof SPLITS)[number];

export interface CorpusPage {
  id: string;
  group: 'real' | 'written';
  split: Split;
  url: string;
  /** The page text (after the header). */
  text: string;
  /** Rules not scored on this page, with the header's reason. */
  skip: Set<string>;
  expected: { ruleId: string; line: number; note: string }[];
}

export function readCorpus(dir = CORPUS_DIR): CorpusPage[] {
  const pages: CorpusPage[] = [];
  for (const group of ['real', 'written'] as const) {
    for (const f of readdirSync(join(dir, group)).sort()) {
      if (!f.endsWith('.txt')) continue;
      const id = f.slice(0, -4);
      const raw = readFileSync(join(dir, group, f), 'utf8');
      const cut = raw.indexOf('\n---\n');
      if (cut < 0) throw new Error(`${group}/${f}: no "---" line after the header`);
      const header = raw.slice(0, cut);
      const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(header)?.[1]?.trim();
      const split = field('Split') as Split | undefined;
      if (!split || !SPLITS.includes(split))
        throw new Error(`${group}/${f}: header needs "Split: ${SPLITS.join('|')}"`);
      if (group === 'real' && !(field('URL') && field('Licence') && field('Retrieved')))
        throw new Error(`${group}/${f}: a real page needs URL, Licence and Retrieved in its header`);
      const skip = new Set(
        (field('Skip') ?? '')
          .replace(/\(.*\)/, '')
          .split(/[\s,]+/)
          .filter(Boolean),
      );
      const expected = readFileSync(join(dir, group, `${id}.expect`), 'utf8')
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#'))
        .map((l) => {
          const m = /^([a-z-]+)\s+(\d+)\s*(?:#\s*(.*))?$/.exec(l);
          if (!m) throw new Error(`${group}/${id}.expect: cannot read "${l}" (want "rule-id line  # note")`);
          return { ruleId: m[1]!, line: Number(m[2]), note: m[3] ?? '' };
        });
      pages.push({ id, group, split, url: field('URL') ?? '', text: raw.slice(cut + 5), skip, expected });
    }
  }
  return pages;
}

export interface Finding {
  page: string;
  split: Split;
  ruleId: string;
  line: number;
  /** The linter's message (false positives) or the label's note (misses). */
  text: string;
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface CorpusResult {
  pages: CorpusPage[];
  /** Per split, then per rule ('*' = all scored rules). */
  scores: Record<string, Record<string, Score>>;
  falsePositives: Finding[];
  misses: Finding[];
  /** Error-severity messages on clean pages (must be none). */
  cleanErrors: Finding[];
}

const score = (tp: number, fp: number, fn: number): Score => ({
  tp,
  fp,
  fn,
  precision: tp + fp ? tp / (tp + fp) : 1,
  recall: tp + fn ? tp / (tp + fn) : 1,
});

export function lintCorpusPage(page: CorpusPage): LintMessage[] {
  return auditPage(page.text, `${page.group}/${page.id}.txt`, { today: CORPUS_TODAY });
}

/** Groups scores are reported for: each split, all real pages, all written pages, everything. */
export const GROUPS: Record<string, (p: CorpusPage) => boolean> = {
  'real (tuned)': (p) => p.split === 'tuned',
  'real (held out, round 5)': (p) => p.split === 'held-out-r5',
  'real (all)': (p) => p.group === 'real',
  'written (seeded)': (p) => p.split === 'written-seeded',
  'written (clean)': (p) => p.split === 'written-clean',
  'written (all)': (p) => p.group === 'written',
};

export function runCorpus(pages = readCorpus()): CorpusResult {
  const counts = new Map<string, Map<string, [number, number, number]>>();
  const bump = (group: string, rule: string, i: 0 | 1 | 2) => {
    let g = counts.get(group);
    if (!g) {
      g = new Map();
      counts.set(group, g);
    }
    for (const r of [rule, '*']) {
      const c = g.get(r) ?? [0, 0, 0];
      c[i]++;
      g.set(r, c);
    }
  };
  const falsePositives: Finding[] = [];
  const misses: Finding[] = [];
  const cleanErrors: Finding[] = [];
  for (const page of pages) {
    const messages = lintCorpusPage(page);
    const groups = Object.entries(GROUPS)
      .filter(([, f]) => f(page))
      .map(([g]) => g);
    const scored = (rule: string) => !UNSCORED_RULES.has(rule) && !page.skip.has(rule);
    const open = page.expected.filter((e) => scored(e.ruleId)).map((e) => ({ ...e, matched: false }));
    for (const m of messages) {
      if (page.split === 'written-clean' && m.severity === 'error')
        cleanErrors.push({
          page: page.id,
          split: page.split,
          ruleId: m.ruleId,
          line: m.line,
          text: m.message,
        });
      if (!scored(m.ruleId)) continue;
      const hit = open.find((e) => !e.matched && e.ruleId === m.ruleId && e.line === m.line);
      if (hit) {
        hit.matched = true;
        for (const g of groups) bump(g, m.ruleId, 0);
      } else {
        falsePositives.push({
          page: page.id,
          split: page.split,
          ruleId: m.ruleId,
          line: m.line,
          text: m.message,
        });
        for (const g of groups) bump(g, m.ruleId, 1);
      }
    }
    for (const e of open) {
      if (e.matched) continue;
      misses.push({ page: page.id, split: page.split, ruleId: e.ruleId, line: e.line, text: e.note });
      for (const g of groups) bump(g, e.ruleId, 2);
    }
  }
  const scores: CorpusResult['scores'] = {};
  for (const g of Object.keys(GROUPS)) {
    scores[g] = {};
    for (const [rule, [tp, fp, fn]] of counts.get(g) ?? new Map()) scores[g]![rule] = score(tp, fp, fn);
    scores[g]!['*'] ??= score(0, 0, 0);
  }
  return { pages, scores, falsePositives, misses, cleanErrors };
}

const pct = (x: number) => `${(x * 100).toFixed(0)}%`;

/** The report printed by `npm run lint:corpus` and written to docs/lint-corpus.md. */
export function renderCorpusReport(r: CorpusResult): string {
  const out: string[] = [];
  const n = (f: (p: CorpusPage) => boolean) => r.pages.filter(f).length;
  out.push(
    `${n((p) => p.group === 'real')} real pages (${n((p) => p.split === 'tuned')} tuned on, ${n((p) => p.split === 'held-out-r5')} held out in round 5), ${n((p) => p.split === 'written-seeded')} written pages with seeded defects, ${n((p) => p.split === 'written-clean')} written clean pages. Scored: every rule except ${[...UNSCORED_RULES].join(', ')}; a message matches a label when rule id and line agree. Today = ${CORPUS_TODAY}.`,
    '',
    '| group | labels | messages | true | false pos. | missed | precision | recall |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const g of Object.keys(GROUPS)) {
    const s = r.scores[g]!['*']!;
    out.push(
      `| ${g} | ${s.tp + s.fn} | ${s.tp + s.fp} | ${s.tp} | ${s.fp} | ${s.fn} | ${pct(s.precision)} | ${pct(s.recall)} |`,
    );
  }
  out.push(
    '',
    'Per rule, all pages (real and written):',
    '',
    '| rule | true | false pos. | missed | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
  );
  const all = new Map<string, [number, number, number]>();
  for (const g of ['real (all)', 'written (all)']) {
    for (const [rule, s] of Object.entries(r.scores[g] ?? {})) {
      if (rule === '*') continue;
      const c = all.get(rule) ?? [0, 0, 0];
      all.set(rule, [c[0] + s.tp, c[1] + s.fp, c[2] + s.fn]);
    }
  }
  for (const [rule, [tp, fp, fn]] of [...all].sort(([a], [b]) => a.localeCompare(b))) {
    const s = score(tp, fp, fn);
    out.push(`| ${rule} | ${tp} | ${fp} | ${fn} | ${pct(s.precision)} | ${pct(s.recall)} |`);
  }
  const list = (title: string, items: Finding[]) => {
    out.push('', `${title} (${items.length}):`, '');
    if (!items.length) out.push('- none');
    for (const f of items) out.push(`- ${f.split} ${f.page}:${f.line} ${f.ruleId} — ${f.text}`);
  };
  list('False positives', r.falsePositives);
  list('Misses', r.misses);
  list('Errors on clean pages', r.cleanErrors);
  return `${out.join('\n')}\n`;
}
