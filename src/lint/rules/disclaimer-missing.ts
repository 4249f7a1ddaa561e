import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions } from './util.js';

/** A published page of health information says it is not personal medical advice. */
export const disclaimerMissing: Rule<NoOptions> = {
  id: 'disclaimer-missing',
  severity: 'error',
  appliesTo: ['page'],
  options: NoOptions,
  docs: {
    summary:
      'An audited page has no medical disclaimer ("not a substitute for professional medical advice", "does not replace a visit to your GP", "for information only", …: the wordings are patterns in the editable src/lint/terms/disclaimer.yaml). Markdown answers are exempt: the site adds the disclaimer to every page.',
    why: 'Readers must know that general information cannot replace advice about their own situation, and where to get that advice. Health-information standards require the statement on every page.',
    references: [
      {
        title: 'HONcode principle 2: complementarity',
        url: 'https://www.hon.ch/cgi-bin/HONcode/principles.pl?English',
      },
      {
        title: 'Patient Information Forum: the PIF TICK criteria',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
    ],
    ok: [
      {
        kind: 'page',
        text: 'TL;DR: It is rare.\nMedical disclaimer: This information is not a substitute for professional medical advice.\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'TL;DR: It is rare.\nMost cases happen by chance.\n',
        expected: [
          says(
            '1:1',
            'the page has no medical disclaimer',
            'add "Medical disclaimer: this information is not a substitute for professional medical advice…" at the end of the page',
          ),
        ],
      },
    ],
  },
  check(doc, { report }) {
    if (doc.kind !== 'page' || doc.disclaimer) return;
    if (!doc.text.trim()) return;
    const end = doc.text.indexOf('\n');
    report({
      start: 0,
      end: end === -1 ? doc.text.length : end,
      message: 'the page has no medical disclaimer',
      hint: 'add "Medical disclaimer: this information is not a substitute for professional medical advice…" at the end of the page',
    });
  },
};
