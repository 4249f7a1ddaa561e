/** A small, hand-made content bundle (invented text, demo reviewers) for store tests. */
import type { Answer, Condition, ContentBundle, Reviewer } from '../../src/content/index.js';
import { contentHash } from '../../src/content/index.js';

export const reviewers: Reviewer[] = [
  { id: 'demo-gp', name: 'Demo GP (demo account)', credentials: 'MB BS (demo)', demo: true },
  {
    id: 'demo-paed',
    name: 'Demo Paediatrician (demo account)',
    credentials: 'MD, paediatrics (demo)',
    demo: true,
  },
];

export const conditions: Condition[] = [
  {
    slug: 'sacral-agenesis',
    name: 'Sacral agenesis',
    synonyms: ['caudal regression syndrome', 'caudal dysplasia'],
    codes: { icd10cm: ['Q76.49'] },
    summary: 'A rare condition in which the lower spine does not fully form.',
  },
  {
    slug: 'asthma',
    name: 'Asthma',
    synonyms: ['bronchial asthma'],
    summary: 'A long-term airway condition.',
    review_interval_months: 6,
  },
];

export function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    question: 'What causes sacral agenesis?',
    condition: 'sacral-agenesis',
    aspect: 'causes',
    tldr: 'The lower spine does not form fully early in pregnancy. Most cases have no known cause.',
    audience: 'patient',
    sources: [
      { id: 'nbdps', title: 'Risk factors study', url: 'https://example.org/nbdps', accessed: '2026-03-30' },
    ],
    body: 'Most cases have no known cause [^nbdps].\n\nDiabetes before pregnancy raises the chance.\n',
    ...overrides,
  };
}

/** A new "treatment" answer, not in the bundle: what workflow tests write and review. */
export const treatmentDraft = (): Answer =>
  answer({
    question: 'How is sacral agenesis treated?',
    aspect: 'treatment',
    tldr: 'Treatment depends on the symptoms and is usually shared between several specialists.',
    body: 'Care is planned by a team [^nbdps].\n',
  });

/** A bundle whose "causes" answer carries a review bound to its exact hash. */
export function bundle(): ContentBundle {
  const causes = answer();
  const reviewed: Answer = {
    ...causes,
    review: {
      reviewer: 'demo-gp',
      reviewed: '2026-04-07',
      next_review: '2027-04-07',
      revision: contentHash(causes),
    },
  };
  const symptoms = answer({
    question: 'What are the symptoms of sacral agenesis?',
    aspect: 'symptoms',
    tldr: 'Signs range from none to problems with legs, bladder and bowel.',
    body: 'Symptoms depend on how much of the spine is missing [^nbdps].\n',
  });
  const stale = answer({
    question: 'What is asthma?',
    condition: 'asthma',
    aspect: 'overview',
    tldr: 'Asthma is a long-term condition of the airways.',
    sources: [],
    body: 'Asthma makes the airways narrow and swollen.\n',
    review: {
      reviewer: 'demo-paed',
      reviewed: '2026-01-02',
      revision: `sha256:${'0'.repeat(64)}`,
    },
  });
  return { conditions, reviewers, answers: [reviewed, symptoms, stale] };
}
