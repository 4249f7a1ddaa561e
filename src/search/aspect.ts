/**
 * Aspect (question type) classification from the user's own words. A rule table rather than a
 * learned model: the cues are few, well known, and must be readable by a medical reviewer; the
 * RQE model then learns how much an aspect (dis)agreement matters.
 */
import { ASPECTS, type Aspect } from '../content/index.js';

export type AspectScores = Partial<Record<Aspect, number>>;

export interface AspectGuess {
  /** Best aspect, or null when nothing in the text asks a specific kind of question. */
  top: Aspect | null;
  /** Normalised scores (sum 1) over the aspects with any cue; empty when none. */
  scores: AspectScores;
  /** The cues that fired, for --explain. */
  cues: string[];
}

interface Cue {
  aspect: Aspect;
  weight: number;
  re: RegExp;
  name: string;
}

const cue = (aspect: Aspect, weight: number, name: string, re: RegExp): Cue => ({ aspect, weight, re, name });

/**
 * Cues over lower-cased text. Weights: 3 = an unambiguous template ("how is X treated"),
 * 2 = a strong word ("cure", "hereditary"), 1 = a hint ("medicine", "pain").
 */
const CUES: Cue[] = [
  // overview: "what is X", "tell me about", "information on"
  cue(
    'overview',
    2,
    'what-is',
    /\bwhat\s+(is|are)\s+(\(are\)\s+)?(a\s+|an\s+|the\s+)?(?!the\s+(cause|symptom|sign|treatment|outlook|prognosis|risk|chance|best|stage|complication|side|life|survival|difference|cure|test))\w/,
  ),
  cue('overview', 2, 'whats', /\bwhats\s+(a\s+|an\s+)?\w/),
  cue(
    'overview',
    2,
    'info-about',
    /\b(information|info|learn|know more|read|literature|facts|explain|overview)\s+(about|on|regarding|for|of)\b/,
  ),
  cue(
    'overview',
    1,
    'tell-me-about',
    /\btell me (more )?about\b|\bmeaning of\b|\bwhat does .{1,40} mean\b|\bdefin(e|ition)\b/,
  ),
  // causes
  cue(
    'causes',
    3,
    'what-causes',
    /\b(what|which)\s+(causes?|caused|triggers?)\b|\bcauses? of\b|\bwhy (do|does|did|would|is|am|are)\b/,
  ),
  cue(
    'causes',
    2,
    'cause-word',
    /\b(cause[sd]?|causing|reason|reasons|due to|result of|because of|triggers?|etiology|aetiology|how did i get|how do (you|people|i) get|where does .{1,30} come from|did my .{1,40} (do|cause))\b/,
  ),
  cue(
    'causes',
    2,
    'genetic-change',
    /\b(genetic changes?|gene mutations?|mutations? in|genes? (related|involved|responsible)|which genes?)\b/,
  ),
  cue('causes', 1, 'contagious', /\b(contagious|catch(ing)?|spread|transmit(ted)?|infectious)\b/),
  // symptoms
  cue('symptoms', 3, 'symptoms-of', /\b(symptoms?|signs?)\s+(of|for)\b|\bwhat are the (symptoms|signs)\b/),
  cue(
    'symptoms',
    2,
    'symptom-word',
    /\b(symptoms?|signs?|feel(s|ing)?( like)?|looks? like|how (do|would) i know if|how can i tell|is it normal to)\b/,
  ),
  cue(
    'symptoms',
    1,
    'sensation',
    /\b(pain|ache|aching|itch(y|ing)?|rash|swell(ing|ed)|numb(ness)?|tingl(e|ing)|dizz(y|iness)|tired(ness)?|fatigue|bleed(ing)?|lump|fever)\b/,
  ),
  // diagnosis
  cue(
    'diagnosis',
    3,
    'how-diagnosed',
    /\b(how (is|are|do|does|can|to) .{0,40}(diagnos|detect|test|found|confirm|screen)|how to diagnose)/,
  ),
  cue(
    'diagnosis',
    2,
    'test-word',
    /\b(diagnos(is|e|ed|ing)|tests?|testing|screening|scan|mri|x-?ray|blood work|biopsy|exam(s|ination)?|detect(ed)?|stages? of|staging|what stage)\b/,
  ),
  // treatment
  cue(
    'treatment',
    3,
    'how-treated',
    /\b(how (is|are|do|does|can|should|to|would) .{0,50}(treat|cure[d]?|manag|heal|fix|get rid|relie)|treatments? (for|of)|what are the treatments|is there (a|any) (cure|treatment|medicine|help|therapy))/,
  ),
  cue(
    'treatment',
    2,
    'treat-word',
    /\b(treat(ed|ing|ment|ments)?|cure[sd]?|curable|therap(y|ies)|medications?|medicines?|drugs?|surgery|operation|remed(y|ies)|get rid of|pills?|help with|what can i (do|take)|options?|manage|relief|relieve)\b/,
  ),
  // outlook
  cue(
    'outlook',
    3,
    'outlook',
    /\b(outlook|prognosis|life expectancy|survival rate|how long (will|do|does|can) .{0,40}(live|last|take)|go(es)? away|will (it|he|she|they|i) (get better|recover)|chances? of survival)\b/,
  ),
  cue(
    'outlook',
    2,
    'outlook-word',
    /\b(recover(y)?|fatal|deadly|die|dying|terminal|permanent|heal on its own|long[- ]term)\b/,
  ),
  // inheritance
  cue(
    'inheritance',
    3,
    'inherited',
    /\b(is .{0,40}(inherited|hereditary|genetic)|inherit(ed|ance)?|hereditary|runs? in (the |my )?famil(y|ies)|pass(ed)? (it )?(on|down) to|will my (kids|children|child|baby|son|daughter) (get|have)|genetic(ally)?)\b/,
  ),
  // frequency
  cue(
    'frequency',
    3,
    'how-many',
    /\b(how (many|common|rare|often|frequent)|how many people|prevalence|incidence|is it (rare|common))\b/,
  ),
  // prevention
  cue(
    'prevention',
    3,
    'prevent',
    /\b(prevent(ed|ing|ion)?|avoid(ed|ing)?|stop .{0,20}from (getting|happening)|reduce (the|my) (risk|chance)|lower (the|my) risk|vaccin(e|es|ation)|protect (myself|yourself|against))\b/,
  ),
  // complications
  cue(
    'complications',
    3,
    'complications',
    /\b(complications?|side effects?|lead to|leads to|result in|long[- ]term effects?|can it cause|damage)\b/,
  ),
  // risk factors
  cue(
    'risk-factors',
    3,
    'at-risk',
    /\b(who (is|are|gets?) (at risk|likely|affected)|risk factors?|at risk|more likely to (get|develop)|chances? of (getting|developing)|susceptib)/,
  ),
  // living with
  cue(
    'living-with',
    2,
    'living-with',
    /\b(living with|live with|cope|coping|diet|eat|food|exercise|lifestyle|support groups?|daily life|what to do (for|about)|self[- ]care|care for)\b/,
  ),
  // research
  cue(
    'research',
    3,
    'research',
    /\b(research|clinical trials?|studies|study|new (treatment|drug|therap)|latest|recent (therapy|treatment|advances)|experimental)\b/,
  ),
  // when to see a doctor
  cue(
    'when-to-see-a-doctor',
    3,
    'see-doctor',
    /\b(should i (see|go to|call) (a|my|the)? ?(doctor|gp|er|hospital)|when to (see|call) (a|the)? ?doctor|do i need (to see )?(a )?doctor|go to the (er|emergency))\b/,
  ),
];

/** Splits a consumer message into sentences; the subject line (before the first ". ") counts as one. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/**
 * Scores aspects. Sentences that are questions (end with "?" or start with a question word)
 * weigh double: in "My son was diagnosed last year. Is there a cure?" the diagnosis is context,
 * the cure is the question.
 */
export function classifyAspect(text: string): AspectGuess {
  const raw: AspectScores = {};
  const cues: string[] = [];
  const parts = sentences(text.toLowerCase());
  for (const s of parts) {
    const isQuestion =
      /\?\s*$/.test(s) ||
      /^(what|how|why|when|where|who|which|is|are|can|could|does|do|should|will|would|whats)\b/.test(s);
    const factor = isQuestion ? 2 : 1;
    for (const c of CUES) {
      if (c.re.test(s)) {
        raw[c.aspect] = (raw[c.aspect] ?? 0) + c.weight * factor;
        if (!cues.includes(c.name)) cues.push(c.name);
      }
    }
  }
  let total = 0;
  for (const a of ASPECTS) total += raw[a] ?? 0;
  if (total === 0) return { top: null, scores: {}, cues };
  const scores: AspectScores = {};
  let top: Aspect | null = null;
  let best = 0;
  for (const a of ASPECTS) {
    const v = raw[a];
    if (v === undefined) continue;
    scores[a] = v / total;
    if (v > best) {
      best = v;
      top = a;
    }
  }
  return { top, scores, cues };
}

/**
 * How well a stored answer's aspect fits the asked aspects: 1 for the top aspect, its score for
 * others. A general answer ("overview") partly fits a question that asks nothing specific.
 */
export function aspectFit(guess: AspectGuess, docAspect: Aspect): number {
  if (guess.top === null) return docAspect === 'overview' ? 0.6 : 0.15;
  if (guess.top === docAspect) return 1;
  return guess.scores[docAspect] ?? 0;
}
