/**
 * Which condition a page is about, from the words around its question: "What causes sacral
 * agenesis and caudal regression syndrome?" names "sacral agenesis" (and, because the page says
 * "sacral agenesis, also known as caudal regression syndrome", a synonym). A page is not a
 * dictionary lookup: the importer has no list of known conditions, so the name comes from the
 * question's frame, else from the page title, else the user passes --condition.
 */

export interface DetectedCondition {
  /** The name as the page writes it, first letter capitalised ("Sacral agenesis"). */
  name: string;
  /** Other names the page itself gives ("caudal regression syndrome"). */
  synonyms: string[];
  from: 'question' | 'title';
}

const ASPECT_NOUNS =
  '(?:main |common |usual |possible |early |first |warning |best |different |long-term |typical )?(?:causes?|symptoms?|signs?(?: and symptoms?)?|treatments?(?: options)?|therapies|complications?|risk factors?|risks?|outlook|prognosis|life expectancy|survival rate|chances? of survival|stages?|types?|tests?|effects?|genetic changes?|inheritance pattern|diagnosis|medications?|medicines?)';

/** Question frames; group 1 is the condition. Tried in order, the first match wins. */
const FRAMES: RegExp[] = [
  new RegExp(
    `^what (?:is|are) the ${ASPECT_NOUNS} (?:of|for|in|with|related to|associated with|linked to) (.+)$`,
    'i',
  ),
  /^how (?:to|do you|can you|can i|should you|should i) (?:diagnose|prevent|treat|manage|cure|test for|avoid|cope with|live with|get rid of) (.+)$/i,
  /^what (?:to do|can (?:i|you|we) do|should (?:i|you|we) do) (?:for|about) (.+)$/i,
  /^what (?:research|clinical trials|studies)(?: \(or clinical trials\))? (?:is|are) (?:being done|under way|available|there) (?:for|on|about|into) (.+)$/i,
  /^(?:do you have|where can i find|can you give me|i need|i want|i am looking for|i'm looking for|looking for) (?:any |some |more )?(?:information|info|facts|details) (?:about|on|regarding|for) (.+)$/i,
  /^what (?:causes|caused|triggers|leads to|is the cause of) (.+)$/i,
  /^how (?:is|are|can|should) (.+?) (?:be )?(?:treated|diagnosed|prevented|inherited|managed|caused|passed (?:on|down)|detected|tested|spread|cured|controlled)(?: (?:for|in) .+)?$/i,
  /^how (?:common|rare|serious|dangerous|likely|contagious) (?:is|are) (.+)$/i,
  /^how many (?:people|persons|children|kids|adults|babies|newborns|women|men|americans)(?: in \w+(?: \w+)?)? (?:are|is|get|have|develop) (?:affected by |diagnosed with |living with |born with )?(.+)$/i,
  /^what (?:percentage|proportion|fraction|share) of (?:people|children|adults|babies|newborns|the population) (?:has|have|get|develop|are affected by) (.+)$/i,
  /^how (?:do|does|can|should) (?:i|you|we|people|someone|one|doctors) (?:treat|prevent|manage|diagnose|test for|cope with|live with|get|catch|avoid) (.+)$/i,
  /^(?:who|which people) (?:is|are) (?:at (?:higher |increased )?risk (?:for|of)|more likely to (?:get|have|develop)|likely to (?:get|have|develop)) (.+)$/i,
  /^(?:who|which people) (?:gets?|develops?|has|have) (.+)$/i,
  /^(?:is|are) (.+?) (?:inherited|genetic|hereditary|contagious|infectious|curable|preventable|treatable|common|rare|serious|dangerous|fatal|painful|passed (?:on|down))(?: .+)?$/i,
  /^(?:can|could) (.+?) be (?:cured|treated|prevented|inherited|passed (?:on|down)|detected|diagnosed|reversed|managed)(?: .+)?$/i,
  /^(?:does|do|can) (.+?) (?:run in (?:the )?famil(?:y|ies)|go away|come back|spread|get worse|kill)(?: .+)?$/i,
  /^what (?:happens|should i expect|can i expect|to expect) (?:with|in|after|if (?:i|you|my \w+) (?:have|has|get|gets)) (.+)$/i,
  /^(?:when|why) (?:should|do|does|would) .{0,40}?(?:see a doctor|get help) (?:for|about) (.+)$/i,
  /^what (?:is|are) (?:a |an |the )?(.+)$/i,
  /^(?:tell me about|information (?:about|on)) (.+)$/i,
];

/** Qualifiers after the name that narrow the reader, not the condition ("… in children"). */
const TRAILING =
  /\s+(?:in|among|for|during|after) (?:children|kids|babies|infants|newborns|adults|older adults|teens|teenagers|women|men|pregnancy|pregnant women|the elderly|adolescents)$/i;

/** Who has it, before the name ("people with cystic fibrosis"): the reader, not the condition. */
const READER =
  /^(?:people|persons|those|someone|somebody|children|kids|adults|babies|infants|patients|women|men)\s+(?:with|who (?:have|has|get)|affected by|living with|diagnosed with)\s+/i;

function tidy(phrase: string): string {
  return phrase
    .replace(/[?!.\s]+$/, '')
    .replace(/^["“'‘(]+|["”'’)]+$/g, '')
    .replace(/^(?:the|a|an|my|your|his|her|their|our)\s+/i, '')
    .replace(READER, '')
    .replace(TRAILING, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The condition phrase a question's frame names, or null when no frame fits. */
export function focusOfQuestion(question: string): string | null {
  const q = question.replace(/\s+/g, ' ').trim().replace(/\?+$/, '').trim();
  for (const frame of FRAMES) {
    const m = frame.exec(q);
    const phrase = m?.[1] ? tidy(m[1]) : '';
    // A "name" of one letter or more than eight words is a sentence, not a condition.
    const words = phrase.split(' ').filter(Boolean).length;
    if (phrase.length >= 2 && words <= 8) return phrase;
  }
  return null;
}

/** "Spina bifida: causes", "Sacral agenesis – overview | Example Health" → the part naming the condition. */
export function focusOfTitle(title: string): string | null {
  const head = title.split(/\s+[|–—-]\s+|:\s+/)[0] ?? '';
  const phrase = tidy(head);
  const words = phrase.split(' ').filter(Boolean).length;
  return phrase.length >= 2 && words <= 8 ? phrase : null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Names the page gives as equivalent to `name`: "X, also known as Y", "X, or Y,", "X (Y)". */
export function synonymsInText(name: string, text: string): string[] {
  const n = escapeRe(name);
  const patterns = [
    new RegExp(
      `\\b${n},?\\s+(?:also\\s+(?:known\\s+as|called)|sometimes\\s+called|otherwise\\s+known\\s+as|or)\\s+([^,.;:()]+?)\\s*[,.;)]`,
      'gi',
    ),
    new RegExp(`\\b${n}\\s+\\(([^()]{2,60})\\)`, 'gi'),
  ];
  const found: string[] = [];
  for (const re of patterns) {
    for (const m of text.matchAll(re)) {
      const s = tidy(m[1]!);
      const words = s.split(' ').length;
      // Skip clauses ("or a doctor may…") and abbreviations of the name itself; keep noun phrases.
      if (!s || words > 6 || /^(?:a|an|the|if|when|who|which|that)\b/i.test(s)) continue;
      if (/\b(?:is|are|was|were|may|can|will|has|have)\b/i.test(s)) continue;
      found.push(s);
    }
  }
  return dedupe(found, name);
}

function dedupe(names: string[], except: string): string[] {
  const seen = new Set([except.toLowerCase()]);
  const out: string[] = [];
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/**
 * The condition of a page: the question's focus, split at "and"/"or" only when the page itself
 * says the parts are one condition ("X and Y" where the text says "X, also known as Y"); else
 * the title's. Null when neither names one.
 */
export function detectCondition(page: {
  question?: string;
  title?: string;
  text: string;
}): DetectedCondition | null {
  const fromQuestion = page.question ? focusOfQuestion(page.question) : null;
  const fromTitle = !fromQuestion && page.title ? focusOfTitle(page.title) : null;
  const focus = fromQuestion ?? fromTitle;
  if (!focus) return null;
  const from = fromQuestion ? 'question' : 'title';
  const parts = focus
    .split(/\s*,\s*|\s+(?:and|or)\s+/i)
    .map(tidy)
    .filter(Boolean);
  if (parts.length > 1) {
    const [first, ...rest] = parts as [string, ...string[]];
    const synonyms = synonymsInText(first, page.text);
    const known = new Set(synonyms.map((s) => s.toLowerCase()));
    if (rest.every((r) => known.has(r.toLowerCase()))) {
      return { name: capitalise(first), synonyms: dedupe(synonyms, first), from };
    }
  }
  return { name: capitalise(focus), synonyms: synonymsInText(focus, page.text), from };
}
