import { normaliseQuotes } from '../document/from-page.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions, proseSentences } from './util.js';

const ABSOLUTE =
  /\b(?:always|never|100\s?%|100\s+percent|cures?|cured|curing|guarantee[sd]?|guaranteed|(?:completely|totally|perfectly|entirely|absolutely|100%)\s+(?:safe|harmless|effective|curable)|(?:completely|totally|fully|entirely|always)\s+(?:prevents?|cures?|eliminates?|protects?|stops?|reverses?)|risk[- ]free|no\s+side[- ]effects|zero\s+risk|no\s+risk\s+(?:at\s+all|whatsoever)|miracle|permanently\s+(?:cures?|fix(?:es)?|eliminates?))\b/gi;

/** Negation or hedging before the word: "there is no cure", "not always", "almost never". */
const NEGATED_BEFORE =
  /\b(?:no|not|nor|without|cannot|can't|isn't|aren't|doesn't|don't|won't|never|neither|lack|lacks|absence|search(?:ing)?\s+for|seek(?:ing)?|find(?:ing)?|develop(?:ing)?|toward|towards|hope|hopes|potential|possible|no\s+known|nearly|almost|not\s+always|rarely|does\s+not)\b[^.;:]{0,30}$/i;
const HEDGED_BEFORE =
  /\b(?:may|might|could|can\s+sometimes|sometimes|often|usually|in\s+some\s+cases|some|many|most|occasionally|rarely|almost|nearly|virtually|practically)\s+(?:\w+\s+){0,2}$/i;
/** Advice, not a claim: "always talk to your doctor", "never stop taking …", "is always recommended". */
const ADVICE_AFTER =
  /^\s+(?:be\s+)?(?:consult|talk|speak|ask|check|see|seek|follow|tell|read|call|wear|keep|take|use|wash|store|stop|start|give|share|ignore|delay|skip|leave|drive|mix|exceed|recommended|advised|advisable|a\s+good\s+idea|best|important|wise|worth|contact|get|make|carry|let)\b/i;
const ADVICE_BEFORE = /\b(?:should|must|please|you\s+should|we\s+recommend|is\s+recommended\s+to)\s+$/i;
/**
 * A negated verb whose purpose is the cure: "You can't take antibiotics or medicines to cure hand,
 * foot and mouth disease" (the negation is further from the word than NEGATED_BEFORE looks, but in
 * the same clause). Tested on the clause before "to", at most 80 characters.
 */
const NEGATED_PURPOSE_BEFORE =
  /\b(?:no|not|cannot|can't|don't|doesn't|won't|isn't|aren't|nothing|never)\b[^.;:!?,–—]{0,80}\bto\s+$/i;
const GUARANTEE_NEGATED = /\b(?:no|not|cannot|can't|without)\s+(?:\w+\s+){0,2}$/i;

/** The fix hint of every message (pinned by the examples). */
const HINT =
  'say how often or how likely ("most people", "about 9 in 10"), or cite the evidence for an absolute';

/** "Always", "never", "cure", "100%": medicine rarely allows absolutes. */
export const absoluteClaim: Rule<NoOptions> = {
  id: 'absolute-claim',
  severity: 'warn',
  options: NoOptions,
  docs: {
    summary:
      'An absolute medical claim: "always", "never", "100%", "cures", "guaranteed", "completely safe", "risk-free", "no side effects".',
    why: 'Outcomes in medicine are probabilities; absolute words promise what no treatment can, and readers who do not get the promised result stop trusting the rest. Honest negatives are fine and not reported ("there is no cure", "not always", "almost never"), and neither is advice ("always talk to your doctor", "a consultation is always recommended").',
    references: [
      {
        title: 'Patient Information Forum: communicating uncertainty',
        url: 'https://pifonline.org.uk/resources/how-to-guides/',
      },
      {
        title: 'CDC Clear Communication Index, item 9 (uncertainty)',
        url: 'https://www.cdc.gov/ccindex/index.html',
      },
    ],
    ok: [
      { kind: 'page', text: 'There is no cure, but treatment helps.\n' },
      { kind: 'page', text: 'A genetic consultation is always recommended.\n' },
      { kind: 'page', text: 'It does not always run in families.\n' },
      {
        title: 'a negated verb whose purpose is the cure',
        kind: 'page',
        text: "You can't take antibiotics or medicines to cure hand, foot and mouth disease. It has to run its course.\n",
      },
      {
        kind: 'page',
        text: 'The article said NIH had endorsed "9 Natural Cures You Can Trust." Nor is there a basis for the word "cure."\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Surgery cures the condition.\n',
        expected: [says('1:9', 'absolute claim "cures"', HINT)],
      },
      {
        kind: 'markdown',
        text: 'The treatment is completely safe. Symptoms never come back.\n',
        expected: [
          says('1:18', 'absolute claim "completely safe"', HINT),
          says('1:44', 'absolute claim "never"', HINT),
        ],
      },
    ],
  },
  check(doc, { report }) {
    for (const s of proseSentences(doc)) {
      const text = normaliseQuotes(s.text);
      // Quotes before the match, counted incrementally (linear in the sentence).
      let quotes = 0;
      let counted = 0;
      for (const m of text.matchAll(ABSOLUTE)) {
        const at = m.index ?? 0;
        const word = m[0];
        for (; counted < at; counted++) if (text[counted] === '"') quotes++;
        // Inside quotation marks: a headline quoted or a word mentioned ("the word \"cure\""), not a claim.
        if (quotes % 2 === 1) continue;
        const before = text.slice(0, at);
        const after = text.slice(at + word.length);
        if (/^guarantee/i.test(word) ? GUARANTEE_NEGATED.test(before) : NEGATED_BEFORE.test(before)) continue;
        if (HEDGED_BEFORE.test(before)) continue;
        if (/^cur/i.test(word) && NEGATED_PURPOSE_BEFORE.test(before.slice(-120))) continue;
        if (/^(?:always|never)$/i.test(word)) {
          // Instructions ("Always wash …", "never stop taking …") and advice are not claims.
          if (at === 0 || ADVICE_AFTER.test(after) || ADVICE_BEFORE.test(before)) continue;
          // "has never been shown to" is an honest negative about the evidence.
          if (/^\s+been\s+(?:shown|proven|found|linked|reported|seen)\b/i.test(after)) continue;
        }
        if (
          /^cur/i.test(word) &&
          /\b(?:research|trial|study|studies|looking|work(?:ing)?|effort)\b/i.test(before)
        )
          continue;
        // "can be cured if found early" states a condition, not a promise.
        if (/^\s+(?:only\s+)?(?:if|when|unless|in\s+(?:some|many|most))\b/i.test(after)) continue;
        report({
          start: s.start + at,
          end: s.start + at + word.length,
          message: `absolute claim "${word}"`,
          hint: HINT,
        });
      }
    }
  },
};
