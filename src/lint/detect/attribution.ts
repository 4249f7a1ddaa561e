/**
 * Claims attributed to an unnamed authority: "researchers believe", "experts say", "studies
 * indicate", "clinical geneticists note", "it is widely thought that", "is generally considered".
 * Descriptions of research activity ("researchers are studying …") and care ("your doctor may
 * suggest …") are not claims and are not matched.
 */

const AUTHORITY =
  '(?:researchers|scientists|experts|specialists|doctors|physicians|clinicians|geneticists|epidemiologists|investigators|authorities|professionals|health professionals|medical professionals|studies|research|evidence|data|trials|reports|surveys|analyses|literature|science|the science)';
const MODIFIERS =
  '(?:(?:some|many|most|several|recent|other|leading|medical|clinical|health|scientific|large|new|numerous|various|current|published|previous|independent|top|prominent|genetic|more|the)\\s+){0,3}';
const VERBS =
  '(?:believe|believes|believed|say|says|said|think|thinks|thought|suggest|suggests|suggested|indicate|indicates|indicated|show|shows|showed|shown|note|notes|noted|agree|agrees|agreed|report|reports|reported|estimate|estimates|estimated|consider|considers|claim|claims|argue|argue|argues|warn|warns|propose|proposes|hypothesi[sz]e|hypothesi[sz]es|suspect|suspects|recommend|recommends|confirm|confirms|confirmed|found|find|finds|have found|has found|have shown|has shown|have suggested|has suggested|demonstrate|demonstrates|demonstrated|point to|points to|link|links|linked|conclude|concluded|concludes|know|agree that)';

const PATTERNS: RegExp[] = [
  new RegExp(
    `\\b${MODIFIERS}${AUTHORITY}\\s+(?:now\\s+|also\\s+|generally\\s+|widely\\s+|increasingly\\s+|strongly\\s+|largely\\s+|often\\s+|broadly\\s+)?(?:have\\s+|has\\s+)?${VERBS}\\b`,
    'gi',
  ),
  new RegExp(`\\baccording\\s+to\\s+${MODIFIERS}${AUTHORITY}\\b`, 'gi'),
  /\bit\s+is\s+(?:now\s+|generally\s+|widely\s+|commonly\s+|often\s+|increasingly\s+)?(?:believed|thought|known|accepted|recognised|recognized|suggested|understood|assumed|estimated|considered|agreed)\s+that\b/gi,
  /\b(?:is|are|was|were)\s+(?:generally|widely|commonly|often|usually|broadly)\s+(?:believed|thought|considered|accepted|regarded|recognised|recognized|agreed)\b/gi,
];

/** Subjects that describe someone's care, not an authority ("your doctor will check …"). */
const CARE_CONTEXT = /\b(?:your|a|the|their|his|her|our)\s+$/i;

export interface Attribution {
  start: number;
  end: number;
  text: string;
}

const MAYBE =
  /researcher|scientist|expert|specialist|doctor|physician|clinician|geneticist|epidemiologist|investigator|authorit|professional|stud(?:y|ies)|research|evidence|data|trial|report|survey|analys|literature|science|believed|thought|known|accepted|recogni|suggested|understood|assumed|estimated|considered|agreed|regarded/i;

export function findUnattributed(sentence: string): Attribution[] {
  const out: Attribution[] = [];
  if (!MAYBE.test(sentence)) return out;
  for (const re of PATTERNS) {
    for (const m of sentence.matchAll(re)) {
      const start = m.index ?? 0;
      const before = sentence.slice(Math.max(0, start - 12), start);
      // "your doctor may suggest", "the data show" about a named data set are not anonymous claims.
      if (CARE_CONTEXT.test(before) && /doctor|physician|clinician|specialist|professional/i.test(m[0]))
        continue;
      // "Doctors recommend rest" describes usual care; "experts recommend" appeals to authority.
      if (/^(?:\w+\s+)*(?:doctors|physicians|clinicians|specialists)\s+(?:\w+\s+)?recommends?\b/i.test(m[0]))
        continue;
      if (
        /^(?:the\s+)?(?:data|evidence|research|literature|science)\b/i.test(m[0]) &&
        /\b(?:this|these|our)\s+$/i.test(before)
      )
        continue;
      if (out.some((o) => start < o.end && o.start < start + m[0].length)) continue;
      out.push({ start, end: start + m[0].length, text: m[0] });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
