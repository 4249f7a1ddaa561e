/**
 * A medical disclaimer, recognised by meaning: a small vocabulary of the ways pages say "this is
 * general information, not advice for you; see a professional" (src/lint/terms/disclaimer.yaml,
 * editable). Any one pattern is enough.
 */
import { alternation, readTermsFile, termsList } from '../terms/files.js';

const FILE = 'disclaimer.yaml';

export interface DisclaimerVocabulary {
  advice: string[];
  advice_qualifiers: string[];
  professionals: string[];
  professional_qualifiers: string[];
  patterns: string[];
  examples: string[];
  not_disclaimers: string[];
}

export function readDisclaimerVocabulary(data: Record<string, unknown>): DisclaimerVocabulary {
  const list = (key: keyof DisclaimerVocabulary) => termsList(data, key, FILE);
  return {
    advice: list('advice'),
    advice_qualifiers: list('advice_qualifiers'),
    professionals: list('professionals'),
    professional_qualifiers: list('professional_qualifiers'),
    patterns: list('patterns'),
    examples: list('examples'),
    not_disclaimers: list('not_disclaimers'),
  };
}

/** The patterns with {advice} and {who} expanded; a pattern that does not compile is a clear error. */
export function compileDisclaimerPatterns(v: DisclaimerVocabulary): RegExp[] {
  const advice = `(?:${alternation(v.advice_qualifiers)}\\s+){0,2}${alternation(v.advice)}`;
  const who = `(?:${alternation(v.professional_qualifiers)}\\s+)?${alternation(v.professionals)}s?`;
  return v.patterns.map((p, i) => {
    const source = p.replaceAll('{advice}', `(?:${advice})`).replaceAll('{who}', `(?:${who})`);
    try {
      return new RegExp(source, 'iu');
    } catch (e) {
      throw new Error(
        `src/lint/terms/${FILE}: pattern ${i + 1} ("${p}") is not a valid regular expression: ${(e as Error).message}`,
      );
    }
  });
}

export const DISCLAIMER_VOCABULARY = readDisclaimerVocabulary(readTermsFile(FILE));
export const DISCLAIMER_PATTERNS: readonly RegExp[] = compileDisclaimerPatterns(DISCLAIMER_VOCABULARY);

export function isDisclaimer(line: string): boolean {
  return DISCLAIMER_PATTERNS.some((re) => re.test(line));
}
