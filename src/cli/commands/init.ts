/** `medbrief init <dir>`: a starter content folder, built from the schemas so it always validates. */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Answer,
  AnswerSchema,
  type Condition,
  ConditionSchema,
  ReviewersFileSchema,
  serialiseAnswer,
  serialiseCondition,
  serialiseReviewers,
} from '../../content/index.js';
import { CliError } from '../shared.js';

export function starterContent(today: string): { path: string; text: string }[] {
  const condition: Condition = ConditionSchema.parse({
    slug: 'example-condition',
    name: 'Example condition',
    synonyms: ['another name for it'],
    summary: 'One or two plain sentences that say what the condition is.',
  });
  const answer: Answer = AnswerSchema.parse({
    question: 'What causes example condition?',
    condition: 'example-condition',
    aspect: 'causes',
    tldr: 'Two or three short sentences that answer the question. Keep it under 60 words.',
    updated: today,
    sources: [
      {
        id: 'medlineplus',
        title: 'MedlinePlus: Health Topics',
        url: 'https://medlineplus.gov/healthtopics.html',
        publisher: 'U.S. National Library of Medicine',
        accessed: today,
      },
    ],
    body:
      'Write the answer in plain words and short sentences.\n\n' +
      'Every number needs a source in the same sentence, like this one [^medlineplus].\n',
  });
  const reviewers = ReviewersFileSchema.parse([
    {
      id: 'demo-reviewer',
      name: 'Demo Reviewer (demo account)',
      credentials: 'MD (demo credentials, not a real clinician)',
      demo: true,
    },
  ]);
  return [
    { path: 'reviewers.yaml', text: serialiseReviewers(reviewers) },
    { path: 'example-condition/condition.md', text: serialiseCondition(condition) },
    { path: 'example-condition/causes.md', text: serialiseAnswer(answer) },
  ];
}

export async function runInit(dir: string) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new CliError(`${dir} is not empty`, 2, 'choose a new folder name, or empty this one first');
  }
  const files = starterContent(new Date().toISOString().slice(0, 10));
  for (const f of files) {
    const path = join(dir, f.path);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, f.text);
  }
  console.log(`Created ${files.length} files in ${dir}:`);
  for (const f of files) console.log(`  ${join(dir, f.path)}`);
  console.log(`\nNext: edit them, then run  medbrief validate ${dir}  and  medbrief import ${dir}`);
}
