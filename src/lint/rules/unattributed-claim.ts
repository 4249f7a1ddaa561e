import { findUnattributed } from '../detect/attribution.js';
import { hasCitation } from '../detect/citations.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions, proseSentences } from './util.js';

/** The fix hint of every message (pinned by the examples). */
const HINT = 'name and cite the source (e.g. "a 2019 review by …[^id]"), or state the claim plainly';

/** "Researchers believe", "experts say": which researchers? The reader cannot check. */
export const unattributedClaim: Rule<NoOptions> = {
  id: 'unattributed-claim',
  severity: 'error',
  options: NoOptions,
  docs: {
    summary:
      'A claim leans on unnamed authority ("researchers believe", "experts say", "studies indicate", "clinical geneticists note", "it is widely thought") without a citation in the same sentence.',
    why: 'Appeals to anonymous experts sound authoritative but cannot be checked; they are a classic sign of unsupported health content. Name the source (and cite it), or state the claim plainly with its uncertainty. Describing research activity ("researchers are studying …") is not a claim and is not reported.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — evidence sources named',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'Wikipedia Manual of Style: unsupported attributions (weasel words)',
        url: 'https://en.wikipedia.org/wiki/Wikipedia:Manual_of_Style/Words_to_watch#Unsupported_attributions',
      },
    ],
    ok: [
      {
        kind: 'markdown',
        text: 'Researchers at the National Birth Defects Prevention Study found a link with diabetes.[^nbdps]\n',
      },
      { kind: 'page', text: 'Researchers are studying how the lower spine forms.\n' },
      { kind: 'page', text: 'Your doctor may suggest a scan.\n' },
      {
        title: 'the question a field studies',
        kind: 'page',
        text: 'Environmental health research considers what happens inside your body as chemicals are processed.\n',
      },
      {
        title: 'guidelines recommending care',
        kind: 'page',
        text: 'Guidelines recommend that adults get at least 150 minutes of moderate exercise each week.\n',
      },
    ],
    notOk: [
      {
        title: 'evidence said to exist, unnamed',
        kind: 'page',
        text: 'Media and smoking\nThere is some research to support the latter, which led to efforts to reduce smoking in films.\n',
        expected: [
          says(
            '2:1',
            '"There is some research to support" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        title: 'evidence from unnamed fields',
        kind: 'page',
        text: 'Depression\nEvidence from neuroscience, genetics, and clinical investigation demonstrate that depression is a disorder of the brain.\n',
        expected: [
          says(
            '2:1',
            '"Evidence from neuroscience, genetics, and clinical investigation demonstrate" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Researchers believe this is not caused by a single event.\n',
        expected: [
          says(
            '1:1',
            '"Researchers believe" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Most cases happen by chance. However, clinical geneticists note that some cases may be linked to rare syndromes.\n',
        expected: [
          says(
            '1:39',
            '"clinical geneticists note" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        title: 'a new study, unnamed',
        kind: 'page',
        text: 'Exercise matters. A new study reveals how physical activity may slow memory decline.\n',
        expected: [
          says(
            '1:19',
            '"A new study reveals" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        title: 'unnamed guidance',
        kind: 'page',
        text: 'National Guidance also states that colds need self-care only.\n',
        expected: [
          says(
            '1:1',
            '"National Guidance also states" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        title: 'new findings',
        kind: 'page',
        text: 'Sleep apnea\nNew findings indicate that pregnant women with sleep apnea have a higher risk.\n',
        expected: [
          says(
            '2:1',
            '"New findings indicate" attributes a claim to unnamed authority, with no citation',
            HINT,
          ),
        ],
      },
      {
        kind: 'markdown',
        text: 'Studies indicate that the risk is higher.\n',
        expected: [
          says('1:1', '"Studies indicate" attributes a claim to unnamed authority, with no citation', HINT),
        ],
      },
    ],
  },
  check(doc, { report }) {
    for (const s of proseSentences(doc)) {
      const found = findUnattributed(s.text);
      if (!found.length || hasCitation(s.text)) continue;
      const first = found[0]!;
      report({
        start: s.start + first.start,
        end: s.start + first.end,
        message: `"${first.text}" attributes a claim to unnamed authority, with no citation`,
        hint: HINT,
      });
    }
  },
};
