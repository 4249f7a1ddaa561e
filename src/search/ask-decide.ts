/**
 * Stage 4 of ask(): answer or abstain. Rules first — questions no page of ours answers whatever
 * the score (a medicine's maker, dose or price; a doctor's address; words no answer has ever
 * used) — then the calibrated confidence of the top answer (src/search/confidence.ts) against
 * the threshold chosen on the tune part.
 */
import { DRUG_TYPES } from '../content/text/aspects.js';
import type { Candidates } from './ask-candidates.js';
import type { AskParts, ParsedQuery } from './ask-parse.js';
import { type Ranked, round4 } from './ask-rerank.js';
import type { ConfidenceInput } from './confidence.js';
import type { ParsedMessage } from './message.js';
import { termsOfWords } from './text.js';
import type { AbstainReason, AskResult, AskResultItem, ParsedMessageView, RedFlagNotice } from './types.js';

export const NO_ANSWER_MESSAGE = "We don't have a reviewed answer to that question yet.";
/** Words about medicines and products where the message asks ("pill", "dose", "supplement"). */
const MEDICINE_WORDS =
  /^(medicines?|medications?|meds|drugs?|pills?|tablets?|capsules?|caplets?|doses?|dosage|mg|mcg|prescriptions?|prescribed|supplements?|products?|vitamins?|ingredients?|generic|brand|pharmacy|pharmacist|creams?|patch|ointment|syrup)$/;
/** Coverage of the question by a condition's answer above which that condition is "related". */
const STRONG_OVERLAP = 0.45;

const ABSTAIN_DETAIL: Partial<Record<NonNullable<AbstainReason>, string>> = {
  'drug-only':
    'Our answers are about health conditions; we have no reviewed pages about individual medicines (their makers, doses, prices, storage or ingredients). A pharmacist can answer this.',
  'no-aspect': 'None of our answers is about that kind of question.',
  'non-health': 'That does not look like a question about health.',
  'not-covered': 'We have no reviewed answers about that topic yet.',
  'not-english': 'Please ask in English; we only have answers in English for now.',
  empty: 'Type a question in words.',
};

/** What the engine read in the message, as results show it (focus without internal strength noise). */
export function publicParsed(p: ParsedMessage): ParsedMessageView {
  return {
    subject: p.subject,
    question: p.question,
    otherQuestions: p.otherQuestions,
    focus:
      p.focus.kind === 'condition'
        ? { kind: 'condition', slug: p.focus.slug!, name: p.focus.name!, phrase: p.focus.phrase ?? '' }
        : { kind: p.focus.kind, ...(p.focus.phrase ? { phrase: p.focus.phrase } : {}) },
    type: p.type,
    aspect: p.aspect,
    noAspect: p.noAspect,
  };
}

export function abstention(
  reason: AbstainReason,
  redFlag: RedFlagNotice | null,
  nearest: AskResult['nearestConditions'] = [],
  parsed?: ParsedMessage,
): AskResult {
  return {
    abstained: true,
    reason,
    redFlag,
    results: [],
    nearestConditions: nearest,
    message: NO_ANSWER_MESSAGE,
    ...(reason && ABSTAIN_DETAIL[reason] ? { detail: ABSTAIN_DETAIL[reason] } : {}),
    ...(parsed ? { parsed: publicParsed(parsed) } : {}),
  };
}

/**
 * The message is about a medicine, not a condition: the parser found a medicine as its focus
 * (no condition named anywhere), or it asks a medicine-only kind of thing (maker, dose, price,
 * storage, ingredients) that no aspect of ours answers, or it is about a medicine named where it asks.
 */
export function isDrugOnly(p: ParsedMessage): boolean {
  return (
    p.aboutMedicine || p.focus.kind === 'drug' || (p.noAspect && p.type !== null && DRUG_TYPES.has(p.type))
  );
}

/** The confidence model's inputs for the top answer (null when there is none). */
export function confidenceInput(
  parts: AskParts,
  q: ParsedQuery,
  c: Candidates,
  r: Ranked,
): ConfidenceInput | null {
  const top = r.scored[0];
  if (!top) return null;
  const second = r.scored[1];
  const sp = r.parts.get(top.answerId)!;
  const p = q.parsed;
  // Words no answer has ever used, in a message that names no condition of ours ("laptop").
  const asked = [...new Set(termsOfWords(q.mainWords))];
  const unknown = c.focusStrength.size === 0 ? asked.filter((t) => !parts.index.has(t)).length : 0;
  return {
    top: top.score,
    margin: second ? top.score - second.score : top.score,
    coverage: sp.coverage,
    focusCondition: p.focus.kind === 'condition' ? 1 : 0,
    topOnFocus: sp.focusScore,
    aspectFit: sp.aspectFit,
    entailment: sp.entailment,
    drugNamed: p.drugs.length > 0 ? 1 : 0,
    drugType: p.type !== null && DRUG_TYPES.has(p.type) ? 1 : 0,
    medicineWords: q.mainWords.some((w) => MEDICINE_WORDS.test(w)) ? 1 : 0,
    noAspect: p.noAspect ? 1 : 0,
    noType: p.type === null ? 1 : 0,
    unknownShare: asked.length > 0 ? unknown / asked.length : 0,
  };
}

/**
 * Condition hubs the question actually matched: a condition it names, or one whose answers
 * cover a large share of the question's words. Never filler: an unrelated question gets none.
 */
function nearestConditions(parts: AskParts, c: Candidates, r: Ranked): { slug: string; name: string }[] {
  const out: { slug: string; name: string }[] = [];
  const push = (slug: string) => {
    if (out.length < 3 && !out.some((o) => o.slug === slug)) {
      out.push({ slug, name: parts.conditionNames.get(slug) ?? slug });
    }
  };
  for (const slug of c.focusSlugs) push(slug);
  for (const s of r.scored.slice(0, 10)) {
    if ((r.parts.get(s.answerId)?.coverage ?? 0) >= STRONG_OVERLAP) push(s.condition);
  }
  return out;
}

export interface DecideOptions {
  limit: number;
  threshold: number;
  explain: boolean;
  truncated: boolean;
  redFlag: RedFlagNotice | null;
}

export function decideStage(
  parts: AskParts,
  q: ParsedQuery,
  c: Candidates,
  r: Ranked,
  o: DecideOptions,
): AskResult {
  const { parsed } = q;
  const top: AskResultItem | undefined = r.scored[0];
  const nearest = nearestConditions(parts, c, r);
  const input = confidenceInput(parts, q, c, r);
  const confidence = input ? round4(parts.confidence.probability(input)) : null;
  const explain: AskResult['explain'] = o.explain
    ? {
        analysedText: [...q.mainWords, ...q.expansion].join(' '),
        corrections: q.corrections.map((x) => ({ from: x.from, to: x.to, via: x.via })),
        layTerms: q.layTerms,
        focus: q.focusMatches.slice(0, 10).map((f) => ({ ...f, strength: round4(f.strength) })),
        aspect: q.user.aspect,
        terms: [...q.queryTerms.keys()],
        truncated: o.truncated,
        work: {
          chars: q.text.length,
          words: q.allWords.length,
          corrections: q.corrections.length,
          postings: c.work,
          candidates: c.bm25.size,
        },
        threshold: o.threshold,
        modelWeights: parts.model.weights(),
        confidence: {
          value: confidence,
          features: input
            ? (Object.fromEntries(Object.entries(input).map(([k, v]) => [k, round4(v)])) as Record<
                string,
                number
              >)
            : {},
          weights: parts.confidence.weights(),
        },
      }
    : undefined;
  const done = (res: AskResult): AskResult => ({
    ...res,
    confidence,
    ...(explain ? { explain } : {}),
  });

  // Questions no page of ours answers, whatever the score: a medicine's maker, dose or price,
  // or a doctor's address. The condition hubs they name are still offered.
  if (isDrugOnly(parsed)) return done(abstention('drug-only', o.redFlag, nearest, parsed));
  if (parsed.noAspect) return done(abstention('no-aspect', o.redFlag, nearest, parsed));
  // Nothing health-related named or asked (no condition, medicine, test or procedure; few health words).
  if (parsed.focus.kind === 'non-health' && c.focusStrength.size === 0)
    return done(abstention('non-health', o.redFlag, nearest, parsed));
  // A question that names no condition we know, but uses words no answer of ours has ever used
  // ("what causes gout?" on a site without gout), is about something we do not cover: another
  // condition's page must not answer it, however well its question type fits.
  const offTopic = top !== undefined && c.focusStrength.size === 0 && parts.unknownMass(q.mainWords) > 0;
  if (!top || confidence === null || confidence < o.threshold || offTopic) {
    const reason: AbstainReason = !top
      ? 'no-match'
      : parsed.focus.kind === 'non-health'
        ? 'non-health'
        : parsed.focus.kind === 'condition'
          ? 'low-confidence'
          : 'not-covered';
    return done(abstention(reason, o.redFlag, nearest, parsed));
  }
  return done({
    abstained: false,
    reason: null,
    redFlag: o.redFlag,
    results: r.scored.slice(0, o.limit),
    nearestConditions: nearest,
    parsed: publicParsed(parsed),
  });
}
