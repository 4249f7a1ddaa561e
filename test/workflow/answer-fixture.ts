/** One answer for the diff and merge tests: three body paragraphs, two sources; `over` replaces fields. */
import { type Answer, AnswerSchema } from '../../src/content/index.js';

export const answerWith = (over: Record<string, unknown> = {}): Answer =>
  AnswerSchema.parse({
    question: 'What causes sacral agenesis?',
    condition: 'sacral-agenesis',
    aspect: 'causes',
    tldr: 'Most cases have no known cause.',
    sources: [
      { id: 'nhs', title: 'NHS: causes', url: 'https://www.nhs.uk/a', accessed: '2024-01-01' },
      { id: 'gard', title: 'GARD', url: 'https://rarediseases.info.nih.gov/x', accessed: '2024-01-01' },
    ],
    body: 'First paragraph about genes.\n\nSecond paragraph about diabetes in the mother.[^nhs]\n\nThird paragraph.\n',
    ...over,
  });
