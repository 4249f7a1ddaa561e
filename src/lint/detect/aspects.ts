/**
 * Which aspect (question type) a question or title asks about, from its wording. Returns every
 * aspect it signals; an empty set means "cannot tell" (for instance "What is X?", which any
 * overview answers), and rules stay silent then.
 */
const SIGNALS: [string, RegExp][] = [
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
const COMPATIBLE: Record<string, string[]> = {
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

export function aspectsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const [aspect, re] of SIGNALS) if (re.test(text)) found.add(aspect);
  return found;
}

/** True when an answer about `stated` plainly does not answer something asking about `asked`. */
export function aspectsConflict(asked: Set<string>, stated: string): boolean {
  if (!asked.size || asked.has(stated)) return false;
  const ok = COMPATIBLE[stated] ?? [];
  return ![...asked].some((a) => ok.includes(a) || (COMPATIBLE[a] ?? []).includes(stated));
}
