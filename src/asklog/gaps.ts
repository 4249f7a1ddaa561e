/**
 * The gap queue: questions the site could not answer, or answered weakly, grouped by condition ×
 * aspect over a period, with the previous period of the same length for the trend. Editors'
 * decisions apply here: "not in scope" hides a group, "merge into" moves its questions into
 * another group, "draft started" keeps it listed with a link to the draft.
 */
import { ASPECT_LABELS, type Aspect } from '../content/index.js';
import { answerPath } from '../site/model.js';
import { publishedAnswerByRef, type Store } from '../store/index.js';
import { csvCell } from '../workflow/audit-export.js';
import { type AskLogRepo, type GapDecision, hourBucket } from './repo.js';
import { type AskChannel, type AskLogRow, UNKNOWN } from './types.js';

/** An answer whose top score is below this is a weak answer (the abstain threshold is 0.5). */
export const WEAK_SCORE = 0.6;
export const MAX_EXAMPLES = 5;

export type Trend = 'new' | 'up' | 'down' | 'steady';

export interface GapGroup {
  focus: string;
  aspect: string;
  /** The condition, when the store has it (by slug or synonym). */
  condition: { slug: string; name: string } | null;
  count: number;
  unanswered: number;
  weak: number;
  /** Count in the period of the same length just before. */
  previous: number;
  trend: Trend;
  channels: Partial<Record<AskChannel, number>>;
  /** Up to five scrubbed questions, newest first, no repeats. */
  examples: string[];
  nearest: { ref: string; question: string; path: string }[];
  decision: GapDecision | null;
  /** Groups merged into this one. */
  mergedFrom: string[];
}

export interface GapQuery {
  since: Date;
  until?: Date;
  weakScore?: number;
  /** Also list groups marked "not in scope" (exports do). */
  includeHidden?: boolean;
}

export interface GapReport {
  since: string;
  until: string;
  total: number;
  groups: GapGroup[];
}

export const groupKey = (focus: string, aspect: string) => `${focus}|${aspect}`;

export function isGap(row: AskLogRow, weakScore = WEAK_SCORE): boolean {
  return row.outcome === 'abstained' || row.answerRef === null || (row.score ?? 0) < weakScore;
}

export function aspectLabel(aspect: string): string {
  return ASPECT_LABELS[aspect as Aspect] ?? (aspect === UNKNOWN ? 'Unknown aspect' : aspect);
}

export async function gapReport(repo: AskLogRepo, store: Store, query: GapQuery): Promise<GapReport> {
  const until = query.until ?? new Date();
  const span = until.getTime() - query.since.getTime();
  const previousSince = new Date(query.since.getTime() - span);
  const weak = query.weakScore ?? WEAK_SCORE;
  const [rows, decisions] = await Promise.all([
    repo.listAsks({ since: hourBucket(previousSince), until: nextHour(until) }),
    repo.listDecisions(),
  ]);
  const byKey = new Map(decisions.map((d) => [groupKey(d.focus, d.aspect), d]));
  const resolve = (key: string): string => {
    let k = key;
    for (let i = 0; i < 5; i++) {
      const d = byKey.get(k);
      if (d?.status !== 'merged' || !d.targetFocus || !d.targetAspect) break;
      k = groupKey(d.targetFocus, d.targetAspect);
    }
    return k;
  };
  const start = hourBucket(query.since);
  const groups = new Map<string, GapGroup>();
  const refs = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (!isGap(row, weak)) continue;
    const own = groupKey(row.focus, row.aspect);
    const key = resolve(own);
    let g = groups.get(key);
    if (!g) {
      const [focus, aspect] = key.split('|') as [string, string];
      g = {
        focus,
        aspect,
        condition: null,
        count: 0,
        unanswered: 0,
        weak: 0,
        previous: 0,
        trend: 'new',
        channels: {},
        examples: [],
        nearest: [],
        decision: byKey.get(key) ?? null,
        mergedFrom: [],
      };
      groups.set(key, g);
    }
    if (own !== key && !g.mergedFrom.includes(own)) g.mergedFrom.push(own);
    if (row.hour < start) {
      g.previous++;
      continue;
    }
    g.count++;
    if (row.outcome === 'abstained' || row.answerRef === null) g.unanswered++;
    else g.weak++;
    g.channels[row.channel] = (g.channels[row.channel] ?? 0) + 1;
    if (row.answerRef) {
      const m = refs.get(key) ?? new Map<string, number>();
      m.set(row.answerRef, (m.get(row.answerRef) ?? 0) + 1);
      refs.set(key, m);
    }
  }
  // examples: newest first, distinct
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row.hour < start || !isGap(row, weak)) continue;
    const g = groups.get(resolve(groupKey(row.focus, row.aspect)));
    if (g && g.examples.length < MAX_EXAMPLES && !g.examples.includes(row.question))
      g.examples.push(row.question);
  }
  const visible = [...groups.values()].filter(
    (g) =>
      g.count > 0 &&
      (query.includeHidden || (g.decision?.status !== 'not_in_scope' && g.decision?.status !== 'merged')),
  );
  const conditions = new Map<string, Awaited<ReturnType<Store['findCondition']>>>();
  for (const g of visible) {
    g.trend = trend(g.count, g.previous);
    if (g.focus !== UNKNOWN) {
      if (!conditions.has(g.focus)) conditions.set(g.focus, await store.findCondition(g.focus));
      const c = conditions.get(g.focus);
      if (c) g.condition = { slug: c.slug, name: c.name };
    }
    g.nearest = await nearestAnswers(store, g, refs.get(groupKey(g.focus, g.aspect)));
  }
  visible.sort(
    (a, b) =>
      Number(a.decision?.status === 'drafted') - Number(b.decision?.status === 'drafted') ||
      b.count - a.count ||
      groupKey(a.focus, a.aspect).localeCompare(groupKey(b.focus, b.aspect)),
  );
  return {
    since: query.since.toISOString(),
    until: until.toISOString(),
    total: visible.reduce((n, g) => n + g.count, 0),
    groups: visible,
  };
}

function nextHour(d: Date): string {
  return hourBucket(new Date(d.getTime() + 3_600_000));
}

export function trend(count: number, previous: number): Trend {
  if (previous === 0) return 'new';
  if (count >= previous * 1.25) return 'up';
  if (count <= previous * 0.8) return 'down';
  return 'steady';
}

/** Answers the group's questions got (most often first), then published answers of the condition. */
async function nearestAnswers(
  store: Store,
  g: GapGroup,
  refs: Map<string, number> | undefined,
): Promise<GapGroup['nearest']> {
  const out: GapGroup['nearest'] = [];
  const seen = new Set<string>();
  const ordered = [...(refs ?? new Map()).entries()].sort((a, b) => b[1] - a[1]).map(([r]) => r);
  for (const ref of ordered.slice(0, 3)) {
    const view = await publishedAnswerByRef(store, ref);
    if (view) {
      out.push({
        ref,
        question: view.revision.answer.question,
        path: answerPath(view.conditionSlug, view.slug),
      });
      seen.add(ref);
    }
  }
  if (g.condition && out.length < 3) {
    const answers = await store.listPublishedAnswers(g.condition.slug);
    answers.sort((x, y) => Number(y.aspect === g.aspect) - Number(x.aspect === g.aspect));
    for (const v of answers) {
      const ref = `${v.conditionSlug}/${v.slug}`;
      if (out.length >= 3) break;
      if (seen.has(ref)) continue;
      out.push({ ref, question: v.revision.answer.question, path: answerPath(v.conditionSlug, v.slug) });
    }
  }
  return out;
}

export const GAP_COLUMNS = [
  'condition',
  'aspect',
  'condition_exists',
  'count',
  'unanswered',
  'weak',
  'previous',
  'trend',
  'examples',
  'nearest',
  'status',
  'reason',
] as const;

function flat(g: GapGroup): Record<(typeof GAP_COLUMNS)[number], unknown> {
  return {
    condition: g.condition?.slug ?? g.focus,
    aspect: g.aspect,
    condition_exists: g.condition ? 'yes' : 'no',
    count: g.count,
    unanswered: g.unanswered,
    weak: g.weak,
    previous: g.previous,
    trend: g.trend,
    examples: g.examples.join(' | '),
    nearest: g.nearest.map((n) => n.ref).join(' '),
    status: g.decision?.status ?? 'open',
    reason: g.decision?.reason ?? '',
  };
}

/** RFC 4180 CSV; cells a spreadsheet would run as a formula (= + - @) are neutralised. */
export function gapsToCsv(report: GapReport): string {
  const lines = [GAP_COLUMNS.join(',')];
  for (const g of report.groups) {
    const row = flat(g);
    lines.push(GAP_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function gapsToJson(report: GapReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Plain text for the terminal (`medbrief gaps`). */
export function gapsToText(report: GapReport): string {
  if (report.groups.length === 0) {
    return `No unanswered or weakly answered questions from ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}.\n`;
  }
  const lines = [
    `${report.total} unanswered or weakly answered question(s), ${report.since.slice(0, 10)} to ${report.until.slice(0, 10)}:`,
  ];
  for (const g of report.groups) {
    const name = g.condition ? g.condition.name : `${g.focus} (no such condition yet)`;
    const status = g.decision ? ` [${g.decision.status.replace(/_/g, ' ')}]` : '';
    lines.push(
      `  ${String(g.count).padStart(4)}  ${name} × ${aspectLabel(g.aspect)}  (${g.unanswered} unanswered, ${g.weak} weak; previous period ${g.previous}, ${g.trend})${status}`,
    );
    for (const e of g.examples.slice(0, 3)) lines.push(`          “${e.replace(/\s+/g, ' ').slice(0, 100)}”`);
  }
  return `${lines.join('\n')}\n`;
}
