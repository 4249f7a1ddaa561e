/**
 * "Start a draft" from a gap: a new draft answer for the group's condition and aspect, with the
 * patients' (scrubbed) questions attached as a comment the author sees, and the gap marked as
 * drafted, all in one transaction (the start-gap-draft action). A condition the store does not
 * have yet is created first (named from the questions' focus; the editor renames it when writing
 * the answer).
 */
import { type Answer, ASPECTS, type Aspect } from '../content/index.js';
import type { Store, WorkflowUser } from '../store/index.js';
import { startGapDraft, type WorkflowRepo } from '../workflow/index.js';
import { UNKNOWN } from './types.js';

const QUESTION: Record<Aspect, (name: string) => string> = {
  overview: (n) => `What is ${n}?`,
  causes: (n) => `What causes ${n}?`,
  symptoms: (n) => `What are the symptoms of ${n}?`,
  diagnosis: (n) => `How is ${n} diagnosed?`,
  treatment: (n) => `How is ${n} treated?`,
  outlook: (n) => `What is the outlook for ${n}?`,
  inheritance: (n) => `Is ${n} inherited?`,
  frequency: (n) => `How common is ${n}?`,
  prevention: (n) => `Can ${n} be prevented?`,
  complications: (n) => `What are the complications of ${n}?`,
  'risk-factors': (n) => `Who is at risk of ${n}?`,
  'living-with': (n) => `How can I live well with ${n}?`,
  research: (n) => `What research is being done on ${n}?`,
  'when-to-see-a-doctor': (n) => `When should I see a doctor about ${n}?`,
};

export interface StartDraftInput {
  focus: string;
  aspect: string;
  examples: string[];
}

export interface StartDraftResult {
  answerId: number;
  conditionCreated: boolean;
}

function nameFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export async function startDraftFromGap(
  store: Store,
  workflow: WorkflowRepo,
  user: WorkflowUser,
  input: StartDraftInput,
): Promise<StartDraftResult> {
  if (input.focus === UNKNOWN) {
    throw new DraftError(
      'the questions in this group name no condition',
      'merge the group into a condition’s group first',
    );
  }
  const aspect: Aspect = (ASPECTS as readonly string[]).includes(input.aspect)
    ? (input.aspect as Aspect)
    : 'overview';
  const existingCondition = await store.findCondition(input.focus);
  const condition = existingCondition ?? { slug: input.focus, name: nameFromSlug(input.focus) };
  const existing = existingCondition
    ? new Set((await workflow.listAnswers({ condition: condition.slug, limit: 500 })).map((a) => a.slug))
    : new Set<string>();
  let slug: string = aspect;
  for (let i = 2; existing.has(slug); i++) slug = `${aspect}-${i}`;
  const answer: Answer = {
    question: QUESTION[aspect](condition.name),
    condition: condition.slug,
    aspect,
    slug,
    tldr: 'Two or three plain sentences that answer the question.',
    audience: 'patient',
    sources: [],
    body: 'The answer in Markdown. Cite statistics with footnotes such as [^source-id].\n',
  };
  const note = input.examples.length
    ? `Patients asked this and found no good answer (from the gap queue; personal data removed):\n${input.examples
        .map((e) => `- ${e.replace(/\s+/g, ' ')}`)
        .join('\n')}`
    : '';
  // One transaction: the condition (when new), the draft, the note and the gap marked drafted.
  const created = await workflow.run(
    startGapDraft,
    {
      gap: { focus: input.focus, aspect: input.aspect },
      newCondition: existingCondition ? null : condition,
      answer,
      note,
    },
    user,
  );
  const conditionCreated = !existingCondition;
  return { answerId: created.id, conditionCreated };
}

export class DraftError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'DraftError';
  }
}
