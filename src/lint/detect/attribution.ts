/**
 * Claims attributed to an unnamed authority: "researchers believe", "experts say", "studies
 * indicate", "clinical geneticists note", "it is widely thought that", "is generally considered".
 * Descriptions of research activity ("researchers are studying …") and care ("your doctor may
 * suggest …") are not claims and are not matched.
 */

import { alternation, readTermsFile, termsList } from '../terms/files.js';

interface Vocabulary {
  authorities: string[];
  modifiers: string[];
  verbs: string[];
  unnamed_sources: string[];
  source_verbs: string[];
  evidence_words: string[];
  support_phrases: string[];
}

const raw = readTermsFile('attribution.yaml');

/** The editable vocabularies (src/lint/terms/attribution.yaml). */
export const ATTRIBUTION_VOCABULARY: Vocabulary = {
  authorities: termsList(raw, 'authorities', 'attribution.yaml'),
  modifiers: termsList(raw, 'modifiers', 'attribution.yaml'),
  verbs: termsList(raw, 'verbs', 'attribution.yaml'),
  unnamed_sources: termsList(raw, 'unnamed_sources', 'attribution.yaml'),
  source_verbs: termsList(raw, 'source_verbs', 'attribution.yaml'),
  evidence_words: termsList(raw, 'evidence_words', 'attribution.yaml'),
  support_phrases: termsList(raw, 'support_phrases', 'attribution.yaml'),
};

const AUTHORITY = alternation(ATTRIBUTION_VOCABULARY.authorities);
const MODIFIERS = `(?:${alternation(ATTRIBUTION_VOCABULARY.modifiers)}\\s+){0,3}`;
const VERBS = alternation(ATTRIBUTION_VOCABULARY.verbs);
const UNNAMED = alternation(ATTRIBUTION_VOCABULARY.unnamed_sources);
const SOURCE_VERBS = alternation(ATTRIBUTION_VOCABULARY.source_verbs);
const EVIDENCE = alternation(ATTRIBUTION_VOCABULARY.evidence_words);
const SUPPORT = alternation(ATTRIBUTION_VOCABULARY.support_phrases);
/** "research has also shown", "studies now suggest", "experts have long argued". */
const ADVERB =
  '(?:now|also|generally|widely|increasingly|strongly|largely|often|broadly|long|consistently|repeatedly|clearly|recently|since)';

/** What the authority is about, before its verb: "Evidence from neuroscience, genetics, and
 * clinical investigation demonstrate", "research published last year shows" (a capitalised name
 * in between names the source and is left alone below). */
const ABOUT =
  "(?:(?:from|on|in|published|conducted)\\s+(?:(?!(?:is|are|was|were|be|been|but|that|which|who|because)\\b)[A-Za-z0-9'’-]+,?\\s+){1,8}?)?";

const PATTERNS: RegExp[] = [
  new RegExp(
    `\\b${MODIFIERS}${AUTHORITY}\\s+${ABOUT}(?:${ADVERB}\\s+)?(?:(?:have|has)\\s+(?:${ADVERB}\\s+)?)?${VERBS}\\b`,
    'gi',
  ),
  new RegExp(`\\baccording\\s+to\\s+${MODIFIERS}${AUTHORITY}\\b`, 'gi'),
  /\bit\s+is\s+(?:now\s+|generally\s+|widely\s+|commonly\s+|often\s+|increasingly\s+)?(?:believed|thought|known|accepted|recognised|recognized|suggested|understood|assumed|estimated|considered|agreed)\s+that\b/gi,
  /\b(?:is|are|was|were)\s+(?:generally|widely|commonly|often|usually|broadly)\s+(?:believed|thought|considered|accepted|regarded|recognised|recognized|agreed)\b(?!\s+(?:to\s+be\s+)?(?:between|below|above|from|under|over|at\s+least|less\s+than|more\s+than)?\s*\d)/gi,
  /\b(?:is|are|was|were)\s+(?:thought|believed)\s+to\s+(?:be|have|cause|help|play|affect|increase|reduce|lower|raise)\b/gi,
  new RegExp(
    `\\b(?:a|one|another)\\s+(?:(?:new|recent|large|small|big|major|landmark|published|single)\\s+){0,2}${UNNAMED}\\s+(?:has\\s+|have\\s+)?${SOURCE_VERBS}\\b`,
    'gi',
  ),
  // "There is some research to support the latter": evidence said to exist, with no name.
  new RegExp(
    `\\bthere\\s+(?:is|are|has\\s+been|have\\s+been)\\s+(?:now\\s+|also\\s+)?${MODIFIERS}${EVIDENCE}\\s+${SUPPORT}\\b`,
    'gi',
  ),
];

/** People who give care: "your doctor may suggest", "dentists recommend" are about care, not claims. */
const PROFESSION =
  /doctor|physician|clinician|specialist|professional|\bgps?\b|surgeon|dentist|midwi|therapist|nurse|pharmacist|dietitian|nutritionist|\w(?:olog|iatric|ician)\w*s?\b/i;

/** Who recommends care rather than vouching for a claim: a profession, or care guidance. */
const CARE_GIVER = new RegExp(`${PROFESSION.source}|\\bguid(?:ance|elines?)\\b`, 'i');

/** Subjects that describe someone's care, not an authority ("your doctor will check …"). */
const CARE_CONTEXT = /\b(?:your|a|the|their|his|her|our)\s+$/i;

export interface Attribution {
  start: number;
  end: number;
  text: string;
}

/** Cheap tests first: most sentences have none of the vocabulary's words (one regular
 * expression over stems); of those that do, the authority patterns need an authority word, the
 * unnamed-source pattern a source word, the passive patterns a passive verb. Built from the
 * vocabulary file, so a word a clinician adds there is looked for here too. */
const PASSIVE_WORDS =
  'believed|thought|known|accepted|recogni|suggested|understood|assumed|estimated|considered|agreed|regarded';
const MAYBE = new RegExp(
  `${alternation([...ATTRIBUTION_VOCABULARY.authorities, ...ATTRIBUTION_VOCABULARY.unnamed_sources].map((w) => w.replace(/(?:ies|es|s)$/i, '')))}|${PASSIVE_WORDS}`,
  'i',
);
const HAS_AUTHORITY = new RegExp(`\\b${AUTHORITY}\\b`, 'i');
const HAS_UNNAMED = new RegExp(`\\b${UNNAMED}\\b`, 'i');
const HAS_PASSIVE = new RegExp(PASSIVE_WORDS, 'i');
const HAS_THERE = /\bthere\s+(?:is|are|has|have)\b/i;

export function findUnattributed(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  if (!MAYBE.test(sentence)) return out;
  const authority = HAS_AUTHORITY.test(sentence);
  const unnamed = HAS_UNNAMED.test(sentence);
  const passive = HAS_PASSIVE.test(sentence);
  const there = HAS_THERE.test(sentence);
  PATTERNS.forEach((re, k) => {
    if (k < 2 ? !authority : k < 5 ? !passive : k < 6 ? !unnamed : !there) return;
    for (const m of sentence.matchAll(re)) {
      const start = m.index ?? 0;
      const before = sentence.slice(Math.max(0, start - 12), start);
      // "your doctor may suggest", "the data show" about a named data set are not anonymous claims.
      if (CARE_CONTEXT.test(before) && PROFESSION.test(m[0])) continue;
      // "Doctors recommend rest", "dentists recommend brushing twice a day", "guidelines recommend
      // 150 minutes of exercise a week" describe usual care; "experts recommend" appeals to authority.
      if (/\s+(?:\w+\s+)?recommends?$/i.test(m[0]) && CARE_GIVER.test(m[0].replace(/\s+\S+$/, ''))) continue;
      if (
        /^(?:the\s+)?(?:data|evidence|research|literature|science)\b/i.test(m[0]) &&
        /\b(?:this|these|our)\s+$/i.test(before)
      )
        continue;
      // "Data from the National Health Interview Survey show": the words in between name the source.
      if (/\s(?:from|on|in|into|about|published|by)\s/i.test(m[0]) && /\s\p{Lu}/u.test(m[0].slice(1)))
        continue;
      // "environmental health research considers what happens inside your body": the question a
      // field studies, not a claim made on its authority.
      if (
        /\bconsiders?$/i.test(m[0]) &&
        /^\s+(?:what|how|whether|why|which|when)\b/i.test(sentence.slice(start + m[0].length))
      )
        continue;
      if (out.some((o) => start < o.end && o.start < start + m[0].length)) continue;
      out.push({ start, end: start + m[0].length, text: m[0] });
    }
  });
  return out.sort((a, b) => a.start - b.start);
}
