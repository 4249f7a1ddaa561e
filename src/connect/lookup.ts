/**
 * Code lookup over the published content, in memory: a map from (system, code) to conditions,
 * built once from a site snapshot, plus the ask engine's focus dictionary for display names.
 * Rules: the exact code; for ICD-10-CM, its parents (E11.65 → E11.6 → E11); when no code
 * matches, the display name through focus detection (condition names and synonyms only, never
 * the full-text answer search); nothing → an empty result that says so.
 */
import {
  ASPECTS,
  CODE_SYSTEM_INFO,
  type CodeSystem,
  codePairs,
  icd10Parents,
  type Reviewer,
} from '../content/index.js';
import { FocusDictionary } from '../search/index.js';
import {
  answerLastChange,
  answerPath,
  badgeFor,
  badgeText,
  conditionPath,
  type SiteConfig,
  type SiteSnapshot,
} from '../site/index.js';
import type { AnswerView, ConditionRecord } from '../store/index.js';
import type { ConnectRequest } from './request.js';
import type {
  CodeRef,
  ConnectAnswer,
  ConnectCondition,
  ConnectMatch,
  ConnectResult,
  ConnectReview,
} from './schema.js';

/** At most this many conditions in one response (MedlinePlus Connect returns up to three). */
export const MAX_CONDITIONS = 5;
/** A display name must name a condition at least this specifically (0..1, see FocusDictionary). */
export const MIN_FOCUS_STRENGTH = 0.3;

const ASPECT_ORDER = new Map<string, number>(ASPECTS.map((a, i) => [a, i]));
const REVIEW_ORDER: Record<ConnectReview['kind'], number> = {
  reviewed: 0,
  'awaiting-review': 1,
  imported: 2,
};

interface Entry {
  condition: Omit<ConnectCondition, 'answers' | 'summary'>;
  answers: ConnectAnswer[];
  summaryText: string;
}

/** The latest of ISO dates (they compare as strings; Math.max would give NaN). */
export function latestDate(dates: readonly string[], fallback = '1970-01-01'): string {
  let latest = fallback;
  for (const d of dates) if (d > latest) latest = d;
  return latest;
}

function codeRef(system: CodeSystem, code: string): CodeRef {
  return { system, oid: CODE_SYSTEM_INFO[system].oid ?? null, code };
}

function reviewOf(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): ConnectReview {
  const badge = badgeFor(view, reviewers, config);
  return {
    kind: badge.kind,
    reviewed: badge.kind === 'reviewed',
    text: badgeText(badge),
    lastReviewed: badge.kind === 'reviewed' ? badge.reviewed : null,
  };
}

export class ConnectIndex {
  private readonly byCode = new Map<string, string[]>();
  private readonly entries = new Map<string, Entry>();
  private readonly focus: FocusDictionary;

  constructor(
    records: Iterable<ConditionRecord>,
    answersByCondition: ReadonlyMap<string, readonly AnswerView[]>,
    reviewers: ReadonlyMap<string, Reviewer>,
    config: SiteConfig,
  ) {
    const focusConditions: { slug: string; name: string; synonyms: string[] }[] = [];
    for (const r of records) {
      const views = answersByCondition.get(r.slug) ?? [];
      const answers = views.map(
        (v): ConnectAnswer => ({
          question: v.revision.answer.question,
          url: `${config.baseUrl}${answerPath(v.conditionSlug, v.slug)}`,
          aspect: v.aspect,
          audience: v.revision.answer.audience,
          tldr: v.revision.answer.tldr,
          updated: answerLastChange(v, reviewers, config),
          review: reviewOf(v, reviewers, config),
        }),
      );
      const codes = codePairs(r.codes).map(({ system, code }) => codeRef(system, code));
      for (const { system, code } of codes) {
        const key = `${system}:${code}`;
        const list = this.byCode.get(key);
        if (list) list.push(r.slug);
        else this.byCode.set(key, [r.slug]);
      }
      // When the condition's content last changed for a reader: its newest answer (or review), else the row.
      const updated = answers.length ? latestDate(answers.map((a) => a.updated)) : r.updatedAt.slice(0, 10);
      this.entries.set(r.slug, {
        condition: {
          slug: r.slug,
          name: r.name,
          url: `${config.baseUrl}${conditionPath(r.slug)}`,
          synonyms: r.synonyms,
          codes,
          updated,
        },
        answers,
        summaryText: r.summary.trim(),
      });
      focusConditions.push({ slug: r.slug, name: r.name, synonyms: r.synonyms });
    }
    // A condition holding many answers (or reviewed ones) comes first when several share a code.
    for (const list of this.byCode.values())
      list.sort((a, b) => this.rank(a) - this.rank(b) || a.localeCompare(b));
    this.focus = new FocusDictionary(focusConditions);
  }

  static fromSnapshot(snap: SiteSnapshot, config: SiteConfig): ConnectIndex {
    return new ConnectIndex(snap.records.values(), snap.byCondition, snap.reviewers, config);
  }

  private rank(slug: string): number {
    const e = this.entries.get(slug);
    if (!e) return 0;
    const reviewed = e.answers.filter((a) => a.review.reviewed).length;
    return -(reviewed * 1000 + e.answers.length);
  }

  /** Every stored (system, code), for the static export. */
  codes(): { system: CodeSystem; code: string }[] {
    return [...this.byCode.keys()].map((k) => {
      const i = k.indexOf(':');
      return { system: k.slice(0, i) as CodeSystem, code: k.slice(i + 1) };
    });
  }

  get size(): number {
    return this.entries.size;
  }

  lookup(
    req: Pick<ConnectRequest, 'system' | 'code' | 'displayName' | 'recipient' | 'language'>,
  ): ConnectResult {
    const notes: string[] = [];
    let match: ConnectMatch = { kind: 'none', code: null, tried: [], message: '' };
    let slugs: string[] = [];
    if (req.system && req.code) {
      const candidates = [req.code, ...(req.system === 'icd10cm' ? icd10Parents(req.code) : [])];
      for (const code of candidates) {
        match.tried.push(code);
        const found = this.byCode.get(`${req.system}:${code}`);
        if (found?.length) {
          slugs = found;
          const name = CODE_SYSTEM_INFO[req.system].name;
          match = {
            kind: code === req.code ? 'exact' : 'parent',
            code: codeRef(req.system, code),
            tried: match.tried,
            message:
              code === req.code
                ? `${name} ${code} matched.`
                : `No condition has ${name} ${req.code}; showing its parent code ${code}.`,
          };
          break;
        }
      }
    }
    if (!slugs.length && req.displayName) {
      const found = this.focus
        .detectText(req.displayName)
        .filter((f) => f.strength >= MIN_FOCUS_STRENGTH && this.entries.has(f.slug));
      if (found.length) {
        slugs = found.map((f) => f.slug);
        match = {
          kind: 'display-name',
          code: null,
          tried: match.tried,
          message: req.code
            ? 'No condition has this code; matched by the display name instead.'
            : 'Matched by the display name.',
        };
      }
    }
    if (!slugs.length) {
      match.message = req.code
        ? 'No condition has this code (nor a parent code), and the display name named none.'
        : 'The display name names no condition we hold.';
      if (!req.displayName) match.message = 'No condition has this code (nor a parent code).';
    }
    if (req.language !== 'en')
      notes.push(`Content is available in English only (requested: ${req.language}).`);
    if (slugs.length > MAX_CONDITIONS)
      notes.push(`${slugs.length} conditions matched; the first ${MAX_CONDITIONS} are shown.`);
    const conditions = slugs.slice(0, MAX_CONDITIONS).map((s) => this.conditionFor(s, req.recipient));
    if (conditions.some((c) => c.answers.some((a) => a.review.kind === 'imported'))) {
      notes.push(
        'Answers with review.kind "imported" come from their publisher and are not yet reviewed by our medical team.',
      );
    }
    return {
      request: {
        system: req.system,
        oid: req.system ? (CODE_SYSTEM_INFO[req.system].oid ?? null) : null,
        code: req.code,
        displayName: req.displayName,
        informationRecipient: req.recipient,
        language: req.language,
      },
      language: 'en',
      match,
      conditions,
      notes,
    };
  }

  private conditionFor(slug: string, recipient: 'PAT' | 'PROV'): ConnectCondition {
    const e = this.entries.get(slug)!;
    const preferred = recipient === 'PROV' ? 'professional' : 'patient';
    const answers = [...e.answers].sort(
      (a, b) =>
        REVIEW_ORDER[a.review.kind] - REVIEW_ORDER[b.review.kind] ||
        (a.audience === preferred ? 0 : 1) - (b.audience === preferred ? 0 : 1) ||
        (ASPECT_ORDER.get(a.aspect) ?? 99) - (ASPECT_ORDER.get(b.aspect) ?? 99) ||
        a.url.localeCompare(b.url),
    );
    const overview = answers.find((a) => a.aspect === 'overview');
    const summary = overview
      ? { text: overview.tldr, from: overview.url, review: overview.review }
      : e.summaryText
        ? { text: e.summaryText, from: null, review: null }
        : null;
    return { ...e.condition, summary, answers };
  }
}
