/**
 * Finding statistics in a sentence: percentages, "N in M", rates "per 100,000", relative measures
 * ("N times more likely", "N-fold", "doubles the risk", odds/hazard ratios) and population counts
 * ("about 200,000 people"). Bare numbers are not statistics: gestational weeks, ages, time spans
 * ("the first 30 days"), doses and dates are left alone.
 */
import { ANY_NUM, APPROX, NUM, PERCENT, RANGE, WORD_NUM } from './numbers.js';

export type StatisticKind = 'percent' | 'frequency' | 'rate' | 'relative' | 'count';

export interface Statistic {
  kind: StatisticKind;
  /** Offsets within the sentence. */
  start: number;
  end: number;
  text: string;
  /** A relative measure (compares two risks) rather than an absolute figure. */
  relative: boolean;
}

const RISK_NOUN = '(?:risk|risks|chance|chances|odds|likelihood|rate|rates|incidence|probability|hazard)';
const POSSESSIVE =
  "(?:(?:the|your|their|a|his|her|its|one's|a person's|a woman's|a man's|a child's|a baby's)\\s+)?";

const RELATIVE: RegExp[] = [
  new RegExp(
    `\\b${APPROX}${RANGE}[\\s-]*times\\s+(?:more|less|higher|lower|greater|as|the\\s+${RISK_NOUN}|the\\s+(?:normal|average|usual|general))\\b`,
    'gi',
  ),
  new RegExp(`\\b${APPROX}${RANGE}[\\s-]*fold\\b`, 'gi'),
  /\b(?:twice|three times|thrice|half)\s+as\s+(?:likely|many|common|high|much|often|frequent)\b/gi,
  new RegExp(
    `\\b(?:doubles?|doubled|doubling|triples?|tripled|tripling|quadruples?|quadrupled|halves|halved|halving)\\s+${POSSESSIVE}(?:\\w+\\s+)?${RISK_NOUN}\\b`,
    'gi',
  ),
  // A ratio with its value ("a risk ratio of 2.31", "hazard ratio 0.7"), then the bare words.
  new RegExp(
    `\\b(?:odds|hazard|risk|rate|incidence)\\s+ratios?(?:\\s+(?:\\([A-Za-z]{2,3}\\)\\s+)?(?:\\w+\\s+){0,4}?(?:of|was|were|is|=|:)\\s*(?:about\\s+|around\\s+|approximately\\s+)?${NUM})?`,
    'gi',
  ),
  /\brelative\s+risks?\b|\brisk\s+reduction\b/gi,
  /\b(?:a?OR|RR|HR|IRR)\s*[=:]\s*\d/g,
  // Multipliers and "-fold" words: "2.5x higher", "3x the risk", "a 3x increased risk",
  // "raises the risk 3x", "threefold".
  new RegExp(
    `\\b${APPROX}${NUM}\\s?[x×]\\s+(?:higher|lower|more|less|greater|as|the|increased|reduced|raised|lowered|${RISK_NOUN})\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:increases?|increased|raises?|raised|multipl(?:y|ies|ied)|boosts?|boosted)\\s+${POSSESSIVE}(?:\\w+\\s+)?${RISK_NOUN}\\s+(?:by\\s+)?(?:about\\s+|around\\s+|up\\s+to\\s+)?${NUM}\\s?[x×](?![A-Za-z0-9])`,
    'gi',
  ),
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred)[\s-]?fold\b/gi,
  // A percentage change of anything: "decreased attacks by 61%", "cut deaths by a third".
  new RegExp(
    `\\b(?:increases?|increased|raises?|raised|reduces?|reduced|lowers?|lowered|cuts?|decreases?|decreased|drops?|dropped|fell|falls?|rose|rises?)\\s+(?:[\\w-]+\\s+){0,4}?by\\s+${APPROX}(?:${PERCENT}|a\\s+(?:third|quarter|half|fifth)|half)`,
    'gi',
  ),
  new RegExp(
    `\\b(?:increases?|increased|raises?|raised|reduces?|reduced|lowers?|lowered|cuts?|decreases?|decreased)\\s+(?:\\w+\\s+){0,4}?${RISK_NOUN}\\s+(?:[\\w-]+\\s+){0,6}?by\\s+${APPROX}${PERCENT}`,
    'gi',
  ),
  // "30% higher risk", "a 20 percent reduction in the rate", "49% more likely".
  new RegExp(
    `\\b${APPROX}${PERCENT}\\s+(?:(?:higher|lower|greater|increased|reduced|more|less|decreased|increase|reduction|decrease|rise|drop)\\s+(?:in\\s+)?(?:the\\s+)?${RISK_NOUN}|(?:more|less)\\s+likely\\b)`,
    'gi',
  ),
];

/** A quick test per relative form: the word (or sign) its pattern requires. */
const NEEDS = new Map<RegExp, RegExp>(
  RELATIVE.map((re) => {
    const src = re.source;
    const need = src.includes('times\\s+(?:more')
      ? /times/i
      : src.includes('fold')
        ? /fold/i
        : src.includes('[x×]')
          ? /\d\s?[x×]/i
          : src.includes('ratios?')
            ? /ratio/i
            : src.includes('as\\s+(?:likely')
              ? /twice|times|thrice|half/i
              : src.includes('\\s+by\\s+')
                ? /\bby\b/i
                : /./;
    return [re, need] as const;
  }),
);

const ABSOLUTE: { kind: StatisticKind; re: RegExp }[] = [
  { kind: 'percent', re: new RegExp(`\\b${APPROX}${PERCENT}`, 'gi') },
  {
    kind: 'frequency',
    re: new RegExp(
      `\\b${APPROX}(?:${RANGE}|an?)\\s+(?:in|out\\s+of|of\\s+every|in\\s+every)\\s+(?:every\\s+)?(?:${ANY_NUM}|a\\s+(?:hundred|thousand|million))\\b`,
      'gi',
    ),
  },
  {
    kind: 'frequency',
    re: /\b(?:(?:about|around|almost|nearly|roughly|over|more than|less than|up to|some)\s+)?(?:a|one|two)[\s-](?:third|quarter|fifth|tenth)s?\s+of\s+(?:all\s+)?(?:the\s+)?(?:[a-z-]+\s+){0,2}?(?:people|adults|children|men|women|babies|cases|patients|Americans|those|us)\b/gi,
  },
  {
    kind: 'rate',
    re: new RegExp(
      `\\b${APPROX}${RANGE}\\s+(?:[a-z-]+\\s+){0,3}?per\\s+(?:${NUM}|hundred|thousand|million)\\b`,
      'gi',
    ),
  },
];

const POPULATION =
  "(?:people|persons|individuals|cases|patients|babies|infants|newborns|births|children|kids|adults|women|men|Americans|deaths|families|boys|girls|adolescents|teens|teenagers|residents|pregnancies|veterans|survivors|adults|students|workers|people's)";
const COUNT = new RegExp(
  `\\b${APPROX}(${NUM}|${WORD_NUM})(\\s+(?:million|thousand|billion|hundred))?\\s+(?:[A-Za-z-]+\\s+){0,2}?${POPULATION}\\b`,
  'gi',
);

function isYear(n: string): boolean {
  return /^(?:1[89]|20)\d\d$/.test(n);
}

/** Cheap test first: most sentences hold no number and no relative wording at all. */
const MAYBE_STATISTIC =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|twice|thrice|half|double|doubles|doubled|doubling|triple|triples|tripled|tripling|quadruple|quadruples|quadrupled|halves|halved|halving|ratio|ratios|relative|reduction|thirds?|quarters?|fifths?|\w+fold)\b|%/i;

const cache = new Map<string, Statistic[]>();

export function findStatistics(sentence: string): Statistic[] {
  if (!MAYBE_STATISTIC.test(sentence)) return [];
  const hit = cache.get(sentence);
  if (hit) return hit;
  const found = computeStatistics(sentence);
  if (cache.size > 5_000) cache.clear();
  cache.set(sentence, found);
  return found;
}

const CONFIDENCE_AFTER = /^\s*(?:CI\b|C\.I\.|confidence\s+(?:interval|limits?|level))/i;

/** A measurement word: figures in such sentences are thresholds or reference ranges, not statistics. */
const MEASUREMENT =
  /\b(?:level|levels|reading|readings|result|results|score|hba1c|a1c|bmi|blood (?:pressure|sugar|glucose)|mmol|mg\/dl|mmhg|nmol|µmol|ng\/ml|iu)\b|\d\s?(?:mmol|mg\/dl|mmhg|nmol)/i;
/** Definition words: "is defined as … fewer than 200,000 people", "when it affects fewer than". */
const DEFINITION =
  /\b(?:defined?|defines|definition|is considered|are considered|counts? as|qualif(?:y|ies) as)\b/i;
/** A definition by apposition: "rare diseases - diseases that affect fewer than 200,000 people". */
const APPOSITION_DEFINITION =
  /\b([a-z]{4,}?)(?:s|es)?\s*(?:[-–—(,]|\s-\s)\s*\1(?:s|es)?\s+(?:that|which)\s+(?:affects?|is|are|occurs?|happens?)\b/i;
const COMPARATIVE_BEFORE =
  /\b(?:fewer|less|more|greater|lower|higher)\s+than\s+$|\b(?:below|above|under|over|at least|at most|up to)\s+$/i;
const OF_THE_TIME_AFTER = /^\s+of\s+(?:the|your|their)\s+time\b/i;
const OR_MORE_AFTER = /^\)?\s*(?:or|and)\s+(?:higher|more|above|over|greater|lower|less|below|under)\b/i;

/** A figure that states a cut-off (diagnostic threshold, reference range, legal definition). */
function isThreshold(sentence: string, start: number, end: number, relative: boolean): boolean {
  if (relative) return false;
  const after = sentence.slice(end, end + 40);
  if (OR_MORE_AFTER.test(after)) return true;
  const before = sentence.slice(Math.max(0, start - 30), start);
  // A cut-off in a definition: "is defined as … fewer than 200,000 people", "rare diseases -
  // diseases that affect fewer than 200,000 people". The comparison is tested first (cheap).
  const comparison =
    COMPARATIVE_BEFORE.test(`${before} `) ||
    /^(?:fewer|less|more|below|above|under|over|at least)\b/i.test(sentence.slice(start, end));
  if (comparison && (DEFINITION.test(sentence) || APPOSITION_DEFINITION.test(sentence))) return true;
  // How often a symptom happens to one person, as a criterion: "loose stools at least 25 percent
  // of the time" defines a subtype; it counts no population.
  if (comparison && OF_THE_TIME_AFTER.test(sentence.slice(end, end + 20))) return true;
  return (
    MEASUREMENT.test(sentence) &&
    !/\b(?:people|adults|children|men|women|patients|cases|of those)\b/i.test(sentence.slice(start, end + 30))
  );
}

function computeStatistics(sentence: string): Statistic[] {
  const found: Statistic[] = [];
  const add = (kind: StatisticKind, m: RegExpMatchArray, relative: boolean) => {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    // The number of a name ("COVID-19 deaths", "SARS-CoV-2", "IL-6 levels"), not a figure.
    if (/\p{L}-$/u.test(sentence.slice(Math.max(0, start - 2), start))) return;
    if (found.some((f) => start < f.end && f.start < end)) return;
    // The level of a confidence interval ("95% CI", "95% confidence interval") is not a figure.
    if (CONFIDENCE_AFTER.test(sentence.slice(end, end + 25))) return;
    if (isThreshold(sentence, start, end, relative)) return;
    found.push({ kind, start, end, text: m[0], relative });
  };
  for (const re of RELATIVE) {
    // Each relative form has a word it cannot do without; most sentences have none of them.
    const needs = NEEDS.get(re);
    if (needs && !needs.test(sentence)) continue;
    for (const m of sentence.matchAll(re)) add('relative', m, true);
  }
  for (const { kind, re } of ABSOLUTE) for (const m of sentence.matchAll(re)) add(kind, m, false);
  for (const m of sentence.matchAll(COUNT)) {
    const n = m[1]!;
    const digits = n.replace(/,/g, '');
    const big = Boolean(m[2]) || /hundred|thousand|million|billion/i.test(n);
    if (isYear(digits) && !m[2]) continue;
    if (/^\d/.test(n) && Number(digits) < 10 && !big) continue;
    if (/^[a-z]/i.test(n) && !big) continue; // "two children" is not a statistic
    add('count', m, false);
  }
  return found.sort((a, b) => a.start - b.start);
}

/** An absolute figure or baseline that gives a relative measure its meaning. */
const BASELINE_WORDS =
  /\b(?:absolute\s+risk|baseline\s+risk|background\s+risk|overall\s+(?:risk|chance)|lifetime\s+risk|general\s+population\s+risk|(?:risk|chance)\s+(?:is|was|remains|stays)\s+(?:still\s+)?(?:low|small|very low|rare))\b/i;

export function hasBaseline(sentence: string): boolean {
  // An absolute risk: a percentage, "N in M" or a rate. A count of people ("29 million Americans
  // have diabetes") says how many have the factor, not how likely the outcome is.
  if (findStatistics(sentence).some((s) => !s.relative && s.kind !== 'count')) return true;
  if (BASELINE_WORDS.test(sentence) && /\d|\bone\b|\bfew\b/i.test(sentence)) return true;
  return (
    /\b(?:from|of)\s+(?:about\s+)?\d/.test(sentence) &&
    /\bto\s+(?:about\s+)?\d/.test(sentence) &&
    /%|\bin\b/.test(sentence)
  );
}
