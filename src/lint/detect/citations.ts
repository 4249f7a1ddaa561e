/**
 * What counts as a citation inside a sentence: a document-link marker ("[PDF-3.5MB]"), a footnote ([^id], [1], superscript, or a number
 * printed straight after the full stop as pages copied from print do: "some disability.2"), an
 * author–year reference ("(Smith 2019)", "(Smith et al., 2019)", "(WHO, 2020)"), a link or URL,
 * or a named source ("according to the CDC", "a 2019 study in The Lancet"). A generic authority
 * ("according to experts") is not a citation — that is what `unattributed-claim` reports.
 */

const GENERIC_AUTHORITY =
  /^(?:researchers?|experts?|studies|study|scientists?|doctors?|physicians?|clinicians?|specialists?|research|evidence|data|some|many|most|recent|several|various|numerous|health|medical|our|their|his|her|this|these|those|one|it)\b/i;

const PATTERNS: RegExp[] = [
  /\[\^[^\]\s[]{1,100}\]/, // Markdown footnote
  /\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]/, // [1], [1, 2], [1–3]
  /[¹²³⁴⁵⁶⁷⁸⁹⁰]/, // superscript
  /\p{Ll}[.!?]\d{1,2}(?=\s|$|\p{Lu})/u, // a footnote number printed after the full stop ("disability.2")
  /\((?:see\s+)?\p{Lu}[\p{L}'’-]+(?:\s+et\s+al\.?|\s+(?:and|&)\s+\p{Lu}[\p{L}'’-]+)?,?\s+(?:19|20)\d\d[a-z]?(?:\s*[;,][^)]{0,80})?\)/u, // (Smith 2019)
  /\(\s*(?:source|sources|ref|reference|see)\s*[:.]\s*[^)]{3,}\)/i,
  /https?:\/\/\S+|\bwww\.\S+\.\S+/,
  /\[[^\][]{1,500}\]\((?:https?:\/\/|#|\/)[^()]{0,2000}\)/, // Markdown link
  // A document-link marker as pages copied from the web print it: "[PDF]", "[PDF-3.5MB]",
  // "[PDF - 2 MB]", "(PDF, 400 KB)": the words before it link to the source document.
  /[[(]\s*PDF(?:\s*[-–,:]?\s*\d+(?:\.\d+)?\s*[KMG]i?B)?(?:\s*[-–,]\s*\d+\s+pages?)?\s*[\])]/i,
];

/** "according to the Centers for Disease Control", "according to NHS guidance". */
const ACCORDING_TO =
  /\b(?:according to|as reported by|data from|figures from|guidance from|a report by)\s+(?:the\s+|a\s+|an\s+)?((?:(?:19|20)\d\d\s+)?[\p{L}\p{N}][\p{L}\p{N}&'’.-]*)/giu;
/** "a 2019 study published in The Lancet", "a review by the Cochrane Collaboration". */
const NAMED_STUDY =
  /\b(?:study|review|trial|report|analysis|meta-analysis|survey|guideline|guidance)\s+(?:published\s+)?(?:in|by|from)\s+(?:the\s+)?(\p{Lu}[\p{L}&'’.-]*)/gu;

export function hasCitation(sentence: string): boolean {
  if (PATTERNS.some((p) => p.test(sentence))) return true;
  for (const m of sentence.matchAll(ACCORDING_TO)) {
    const who = m[1]!;
    if (/^\p{Lu}/u.test(who) && !GENERIC_AUTHORITY.test(who)) return true;
    if (/^(?:19|20)\d\d$/.test(who)) return true;
  }
  for (const m of sentence.matchAll(NAMED_STUDY)) if (!GENERIC_AUTHORITY.test(m[1]!)) return true;
  return false;
}
