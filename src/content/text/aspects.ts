/**
 * The one home of the words that say which kind of question is asked (an "aspect" of a
 * condition: causes, treatment, …). Search reads a consumer's message with QUESTION_TYPES;
 * the linter (src/lint/detect/aspects.ts) checks that a page's question and title agree with
 * ASPECT_SIGNALS; both use COMPATIBLE_ASPECTS to decide whether two aspects answer each other.
 *
 * QUESTION_TYPES is richer than our aspects on purpose: people ask about medicines (dosage,
 * maker, price, storage, ingredients), doctors and costs, which no page of ours answers. Such a
 * type maps to `aspect: null` — "no aspect of ours fits" — and search abstains honestly.
 */
import type { Aspect } from '../schema.js';

/** Question types that are about a medicine itself (MedQuAD's answered folders hold no drug pages). */
const DRUG_TYPE_NAMES = [
  'side-effects',
  'interactions',
  'dosage',
  'manufacturer',
  'cost',
  'availability',
  'storage',
  'ingredients',
] as const;

/** What a consumer asks, in a vocabulary richer than our aspects. */
export const QUESTION_TYPE_NAMES = [
  'what-is',
  'cause',
  'contagion',
  'symptoms',
  'diagnosis',
  'test',
  'treatment',
  'prognosis',
  'inheritance',
  'susceptibility',
  'frequency',
  'prevention',
  'complications',
  'living-with',
  'research',
  'see-doctor',
  ...DRUG_TYPE_NAMES,
  'find-provider',
  'other',
] as const;
export type QuestionType = (typeof QUESTION_TYPE_NAMES)[number];

export interface QuestionTypeCue {
  type: QuestionType;
  /** 3 = an unambiguous template ("how is X treated"), 2 = a strong word ("cure"), 1 = a hint. */
  weight: number;
  name: string;
  re: RegExp;
}

/** The aspect of ours that answers each question type; null = none of our pages answers it. */
export const TYPE_ASPECT: Record<QuestionType, Aspect | null> = {
  'what-is': 'overview',
  cause: 'causes',
  contagion: 'causes',
  symptoms: 'symptoms',
  diagnosis: 'diagnosis',
  test: 'diagnosis',
  treatment: 'treatment',
  prognosis: 'outlook',
  inheritance: 'inheritance',
  susceptibility: 'risk-factors',
  frequency: 'frequency',
  prevention: 'prevention',
  complications: 'complications',
  'living-with': 'living-with',
  research: 'research',
  'see-doctor': 'when-to-see-a-doctor',
  'side-effects': null,
  interactions: null,
  dosage: null,
  manufacturer: null,
  cost: null,
  availability: null,
  storage: null,
  ingredients: null,
  'find-provider': null,
  other: null,
};

export const DRUG_TYPES: ReadonlySet<QuestionType> = new Set(DRUG_TYPE_NAMES);

const cue = (type: QuestionType, weight: number, name: string, re: RegExp): QuestionTypeCue => ({
  type,
  weight,
  name,
  re,
});

/** Cues over lower-cased text, one sentence at a time. */
export const QUESTION_TYPES: readonly QuestionTypeCue[] = [
  // "what is X", "information on X"
  cue(
    'what-is',
    2,
    'what-is',
    /\bwhat\s+(is|are)\s+(\(are\)\s+)?(a\s+|an\s+|the\s+)?(?!the\s+(cause|symptom|sign|treatment|outlook|prognosis|risk|chance|best|stage|complication|side|life|survival|difference|cure|test|dos|price|cost|ingredient)|(causing|making|triggering|happening|going on|wrong)\b|((other|possible|common|main|usual|best|new|latest) )?(causes?|symptoms?|signs?|treatments?|side effects?|risks?|complications?|tests?|options?|cures?|remed(y|ies))\b)\w/,
  ),
  cue('what-is', 2, 'whats', /\bwhats\s+(a\s+|an\s+)?\w/),
  cue(
    'what-is',
    2,
    'info-about',
    /\b(information|info|learn|know more|read|literature|facts|explain|overview|anything)\s+(about|on|regarding|for|of)\b/,
  ),
  cue(
    'what-is',
    1,
    'tell-me-about',
    /\btell me (more )?about\b|\bmeaning of\b|\bwhat does .{1,40} mean\b|\bdefin(e|ition)\b|\bwhat kind of (disease|condition|disorder)\b/,
  ),
  // causes
  cue(
    'cause',
    3,
    'what-causes',
    /\b(what|which)\s+(could |can |might |would )?(causes?|caused|triggers?|leads? to|brings? on)\b|\bwhat(\s+is|'s|s)\s+(causing|making|triggering)\b|\bcauses? of\b|\bwhy (do|does|did|would|is|am|are|have|has)\b|\b(could|can|did|does|would|might) .{1,60} (cause|caused|trigger|bring on)\b/,
  ),
  cue(
    'cause',
    2,
    'cause-word',
    /\b(cause[sd]?|causing|reason|reasons|due to|result of|because of|triggers?|etiology|aetiology|how did i get|how do (you|people|i) get|where does .{1,30} come from|did my .{1,40} (do|cause)|related to|linked to|connection between|associated with)\b/,
  ),
  cue(
    'cause',
    2,
    'genetic-change',
    /\b(genetic changes?|gene mutations?|mutations? in|genes? (related|involved|responsible)|which genes?)\b/,
  ),
  cue(
    'contagion',
    3,
    'contagious',
    /\b(contagious|catch(ing)? it|spread(s|ing)? (to|from)?|transmit(ted|table)?|infectious|pass (it )?to (my|his|her|the)|can i give)\b/,
  ),
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
    /\b(pain|ache|aching|itch(y|ing)?|rash|swell(ing|ed)|numb(ness)?|tingl(e|es|ing)|dizz(y|iness)|tired(ness)?|fatigue|bleed(ing)?|lump|fever)\b/,
  ),
  // diagnosis and tests
  cue(
    'diagnosis',
    3,
    'how-diagnosed',
    /\b(how (is|are|do|does|can|to) .{0,40}(diagnos|detect|found|confirm|screen)|how to diagnose|do i have|could (it|this|i) (be|have))/,
  ),
  cue(
    'diagnosis',
    2,
    'diagnosis-word',
    /\b(diagnos(is|e|ed|ing)|screening|detect(ed)?|stages? of|staging|what stage)\b/,
  ),
  cue(
    'test',
    2,
    'test-word',
    /\b(tests?|testing|tested|scan|mri|x-?ray|blood work|biopsy|exam(s|ination)?|results? (of|from|show))\b/,
  ),
  // treatment
  cue(
    'treatment',
    3,
    'how-treated',
    /\b(how (is|are|do|does|can|should|to|would) .{0,50}(treat|cure[d]?|manag|heal|fix|get rid|relie|reverse)|treatments? (for|of)|what are the treatments|is there (a|any) (cure|treatment|medicine|help|therapy)|what (can|should) (i|we|he|she) (do|take)|how (to|can i|do i|can we|can you) (reduce|lower|control|stop|overcome|remove|improve|relieve|ease|cure|heal|fix|get over)|make (it|them|this|that) go away|(medicines?|medications?|drugs?|pills?|creams?|tablets?) (can|could|should) (i|we|he|she|they) (take|use))/,
  ),
  cue(
    'treatment',
    2,
    'treat-word',
    /\b(treat(ed|ing|ment|ments)?|cure[sd]?|curable|therap(y|ies)|medications?|medicines?|drugs?|pills?|surgery|operation|remed(y|ies)|get rid of|help with|options?|manage|relief|relieve|reverse|solutions?|suggestions?)\b/,
  ),
  // prognosis
  cue(
    'prognosis',
    3,
    'outlook',
    /\b(outlook|prognosis|life expectancy|survival rate|how long (will|do|does|can) .{0,40}(live|last|take)|go(es)? away|will (it|he|she|they|i) (get better|recover)|chances? of survival|lead to death|(can|will|could) .{0,40}(die|kill)|is (it|this) (fatal|deadly|terminal))\b/,
  ),
  cue(
    'prognosis',
    2,
    'outlook-word',
    /\b(recover(y)?|fatal|deadly|die|dying|death|terminal|permanent|heal on its own|long[- ]term|get worse|progress(ive|ion)?)\b/,
  ),
  // inheritance and susceptibility
  cue(
    'inheritance',
    3,
    'inherited',
    /\b(is .{0,40}(inherited|hereditary|genetic)|inherit(ed|ance)?|hereditary|heredit|runs? in (the |my )?famil(y|ies)|pass(ed)? (it )?(on|down) to|will my (kids|children|child|baby|son|daughter|grandchildren) (get|have)|genetic(ally)?|carrier)\b/,
  ),
  cue(
    'susceptibility',
    3,
    'at-risk',
    /\b(who (is|are|gets?) (at risk|likely|affected)|risk factors?|at risk|more likely to (get|develop)|chances? of (getting|developing|having)|susceptib|am i likely|my risk|increased risk)/,
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
  // complications: "what problems can X cause?" asks what X leads to, not what causes X; it
  // outweighs the cause cues that its "can … cause" also fires
  cue(
    'complications',
    6,
    'what-problems-cause',
    /\bwhat (other |health |kinds? of |sorts? of )?(problems|complications|issues|effects|damage|conditions|diseases)\s+(can|could|does|do|might|will|would)\b.{0,60}\b(cause|lead to|bring on|result in)\b/,
  ),
  cue(
    'complications',
    3,
    'complications',
    /\b(complications?|lead to|leads to|result in|long[- ]term effects?|can it cause|damage|affect (my|the|his|her) )/,
  ),
  // living with
  cue(
    'living-with',
    2,
    'living-with',
    /\b(living with|live with|cope|coping|diet|eat|food|foods|exercise|lifestyle|support groups?|daily life|what to do (for|about)|self[- ]care|care for|assistive)\b/,
  ),
  // research
  cue(
    'research',
    3,
    'research',
    /\b(research|clinical trials?|studies|study|new (treatment|drug|therap)|latest|recent (therapy|treatment|advances)|experimental|stem cell)\b/,
  ),
  // when to see a doctor
  cue(
    'see-doctor',
    3,
    'see-doctor',
    /\b(should i (see|go to|call) (a|my|the)? ?(doctor|gp|er|hospital)|when to (see|call) (a|the)? ?doctor|do i need (to see )?(a )?doctor|go to the (er|emergency))\b/,
  ),
  // questions about a medicine itself (no page of ours answers these)
  cue(
    'side-effects',
    3,
    'side-effects',
    /\b(side[- ]?effects?|adverse (effects?|reactions?)|reaction to (the |my |this )?(drug|medication|medicine|pill|shot|vaccine)|is .{1,40} a side effect)\b/,
  ),
  cue(
    'interactions',
    3,
    'interactions',
    /\b(interact(s|ion|ions)?|(take|taking|mix|combine|drink) .{1,40} (with|and|while) .{0,40}(alcohol|medication|medicine|pills?|drugs?|tablets?)|contraindicated|together with)\b/,
  ),
  cue(
    'dosage',
    3,
    'dosage',
    /\b(dos(e|es|age|ing)|how (much|many) .{0,30}(should|can|to) (i )?take|overdose|missed (a |my )?dose|how often (should|can) i take|max(imum)? (dose|amount))\b/,
  ),
  cue('dosage', 1, 'strength', /\b\d+\s?(mg|mcg|ml|milligrams?)\b/),
  cue(
    'manufacturer',
    3,
    'manufacturer',
    /\b(who (makes|made|manufactures?|produces|distributes)|manufactur(er|ers|es|ed|ing)|manufactur|maker of|what company|which company|brand name|generic (version|form|of)|discontinued|recall(ed)?)\b/,
  ),
  cue(
    'cost',
    3,
    'cost',
    /\b(price|prices|cost(s)?|how much (does|is|will) .{0,40}(cost|be)|afford|coupons?|insurance|medicare|medicaid|cheap(er)?|expensive|pay for)\b/,
  ),
  cue(
    'availability',
    2,
    'availability',
    /\b(where (can|do|could) i (buy|get|order|purchase|find) (the |this |it|some)|buy|purchase|order (it|the|some)|in stock|shortage|over the counter|prescription|pharmacy|walmart|walgreens|cvs)\b/,
  ),
  cue(
    'storage',
    3,
    'storage',
    /\b(stor(e|ed|ing|age)|refrigerat(e|ed|or)|fridge|room temperature|expir(e|ed|ation|y)|shelf life|thaw(ed|ing)?|potency|still (potent|good|effective|safe to (use|take)))\b/,
  ),
  cue(
    'ingredients',
    3,
    'ingredients',
    /\b(ingredients?|gluten|lactose[- ]free|dairy[- ]free|contain(s)? (any )?(gluten|lactose|dairy|milk|dye|latex|gelatin|alcohol|sugar|pork|peanut|soy)|gelatin|inactive|made (from|of|with)|(is it|is this|are they) from (pork|beef|cows?|pigs?|fish)|vegan|kosher|halal)\b/,
  ),
  cue(
    'find-provider',
    3,
    'find-provider',
    /\b((find|recommend|looking for|need|know of) (a |an |any )?(doctor|physician|specialist|surgeon|hospital|clinic|center|centre|expert)s?|who specializ|specialists? (in|for|near)|in my area|near me|where (can|do|could|should) (i|we) (go|get|be) (for|tested|treated|seen)|where can i get (it )?(tested|testing|treated|treatment))/,
  ),
];

/**
 * Aspect signals the linter checks a page's question and title against (deliberately strict:
 * only wording that plainly asks one aspect).
 */
export const ASPECT_SIGNALS: readonly [Aspect, RegExp][] = [
  [
    'causes',
    /\b(?:what causes|causes? of|caused by|why do(?:es)?|why (?:did|is|are)|what leads to|how do(?:es)? (?:you|people|someone|one) (?:get|catch)|genetic changes?|what triggers|reasons? for)\b|\bcauses?\b/i,
  ],
  ['symptoms', /\b(?:symptoms?|signs?|what does .{1,40} (?:feel|look) like|how do (?:i|you) know if)\b/i],
  [
    'diagnosis',
    /\b(?:diagnos\w*|how (?:is|are) .{1,60} (?:detected|tested|identified|found|confirmed)|tests? (?:for|to)|exams? and tests?|screening|stages? of)\b/i,
  ],
  [
    'treatment',
    /\b(?:treat\w*|therap\w*|manag\w*|medications?|medicines?|surgery|cure for|how (?:is|are) .{1,60} (?:treated|managed))\b/i,
  ],
  ['outlook', /\b(?:outlook|prognosis|life expectancy|survival|will .{1,40} go away|recover\w*)\b/i],
  [
    'inheritance',
    /\b(?:inherit\w*|passed (?:down|on)|run in (?:the )?famil\w*|hereditary|is .{1,60} genetic)\b/i,
  ],
  [
    'frequency',
    /\b(?:how (?:common|rare|many people)|prevalence|how often does|how many .{1,40} (?:affected|have))\b/i,
  ],
  ['prevention', /\b(?:prevent\w*|avoid (?:getting|it)|reduce (?:my|your|the) (?:risk|chance))\b/i],
  ['complications', /\b(?:complications?|what problems can|long-term effects?)\b/i],
  [
    'risk-factors',
    /\b(?:who is at risk|risk factors?|who (?:gets|is more likely|is likely)|susceptib\w*|at risk for)\b/i,
  ],
  ['research', /\b(?:research|clinical trials?|studies (?:are being done|on))\b/i],
  [
    'when-to-see-a-doctor',
    /\b(?:when (?:should|to) (?:i |you )?(?:see|call|contact)|see a doctor|emergency)\b/i,
  ],
  ['living-with', /\b(?:living with|live with|cope|coping|support groups?|daily life|considerations)\b/i],
];

/** Aspects that answer each other's questions closely enough not to be a mismatch. */
export const COMPATIBLE_ASPECTS: Readonly<Record<Aspect, readonly Aspect[]>> = {
  causes: ['risk-factors', 'inheritance', 'overview'],
  'risk-factors': ['causes', 'inheritance', 'prevention'],
  inheritance: ['causes', 'risk-factors'],
  treatment: ['living-with', 'outlook', 'research', 'prevention'],
  diagnosis: ['symptoms'],
  symptoms: ['diagnosis', 'when-to-see-a-doctor', 'complications', 'overview'],
  complications: ['outlook', 'symptoms'],
  outlook: ['complications', 'treatment'],
  'living-with': ['treatment', 'outlook'],
  research: ['treatment'],
  prevention: ['risk-factors', 'treatment'],
  'when-to-see-a-doctor': ['symptoms'],
  frequency: ['overview'],
  overview: [],
};

/** True when `a` and `b` are the same aspect or answer each other's questions (either way round). */
export function aspectsCompatible(a: Aspect, b: Aspect): boolean {
  return a === b || COMPATIBLE_ASPECTS[a].includes(b) || COMPATIBLE_ASPECTS[b].includes(a);
}
