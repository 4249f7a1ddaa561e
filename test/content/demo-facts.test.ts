/**
 * The demo content as shipped: every review stamp matches its answer's content hash, and facts
 * that were once out of date (checked against the cited sources) say what the sources say, each
 * with a footnote to a source that is listed with its address.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Answer, contentHash, parseAnswerOrThrow } from '../../src/content/index.js';
import { repoRoot } from '../helpers/corpus.js';

const demo = join(repoRoot, 'demo', 'content');

function answerFiles(): string[] {
  return readdirSync(demo, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(demo, d.name))
        .filter((f) => f.endsWith('.md') && f !== 'condition.md')
        .map((f) => `${d.name}/${f}`),
    );
}

const load = (path: string): Answer => parseAnswerOrThrow(readFileSync(join(demo, path), 'utf8'), path);

/** The one body line (a paragraph or list item) holding `phrase`; fails when there is none. */
function lineWith(answer: Answer, phrase: string | RegExp): string {
  const line = answer.body
    .split('\n')
    .find((l) => (typeof phrase === 'string' ? l.includes(phrase) : phrase.test(l)));
  expect(line, `no line with ${phrase}`).toBeDefined();
  return line!;
}

/** The line cites `id`, and `id` is a listed source whose address matches `url`. */
function expectCited(answer: Answer, line: string, id: string, url: RegExp): void {
  expect(line).toContain(`[^${id}]`);
  const source = answer.sources.find((s) => s.id === id);
  expect(source?.url).toMatch(url);
}

describe('demo review stamps', () => {
  const files = answerFiles();

  it('cover most demo answers', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => load(f).review).length).toBeGreaterThan(30);
  });

  it.each(files)('%s: a recorded review names the current content hash', (file) => {
    const answer = load(file);
    if (!answer.review) return;
    expect(answer.review.revision).toBe(contentHash(answer));
  });
});

describe('demo facts as the sources give them', () => {
  it('chickenpox usually gets better after 1 to 2 weeks (NHS)', () => {
    const a = load('chickenpox/symptoms.md');
    expect(a.body).not.toMatch(/about a week/);
    expectCited(a, lineWith(a, 'gets better by itself after 1 to 2 weeks'), 'nhs-chickenpox', /nhs\.uk/);
  });

  it('the chickenpox vaccine page gives the UK and the US schedules, each with its source', () => {
    const a = load('chickenpox/prevention.md');
    const uk = lineWith(a, /^- \*\*In the UK\*\*/);
    expect(uk).toMatch(/MMRV/);
    expect(uk).toMatch(/12 months and at 18 months/);
    expect(uk).toMatch(/since 1 January 2026/);
    expectCited(a, uk, 'nhs-mmrv', /^https:\/\/www\.nhs\.uk\/vaccinations\/mmrv-vaccine/);
    const us = lineWith(a, /^- \*\*In the US\*\*/);
    expect(us).toMatch(/12 to 15 months old and the second at 4 to 6 years old/);
    expectCited(a, us, 'cdc-chickenpox-vaccine', /^https:\/\/www\.cdc\.gov\//);
    expect(a.tldr).toMatch(/UK at 12 and 18\s+months/);
    // Who is protected by others' vaccination is said plainly, not "them" after a list.
    expect(a.body).not.toMatch(/Vaccination also helps protect them/);
    expect(lineWith(a, 'cannot have this vaccine')).toMatch(/virus is less likely to reach them/);
  });

  it('type 2 diabetes risk starts at 25 for people of South Asian, Chinese, African-Caribbean or Black African origin', () => {
    const a = load('type-2-diabetes/risk-factors.md');
    const age = lineWith(a, /^- \*\*Age\.\*\*/);
    expect(age).toMatch(/especially over 40/);
    expect(age).toMatch(/South Asian, Chinese, African-Caribbean or Black African origin.*over 25/);
    expectCited(a, age, 'diabetes-uk-risk', /diabetes\.org\.uk/);
    expectCited(a, age, 'nice-ph38', /nice\.org\.uk\/guidance\/ph38/);
  });

  it('sacral agenesis: 1 in 38,000 is said to be our arithmetic on the paper’s 2.6 per 100,000', () => {
    const a = load('sacral-agenesis/frequency.md');
    const line = lineWith(a, '38,000');
    expect(line).toMatch(/38,000: our own arithmetic on the study's figure of 2\.6 per 100,000/);
    expectCited(a, line, 'nbdps', /PMC8926019/);
  });

  it('sacral agenesis causes: no invented absolute figure for a mother with type 1 diabetes, and says it stays uncommon', () => {
    const a = load('sacral-agenesis/causes.md');
    const line = lineWith(a, 'type 1 diabetes herself');
    expect(line).toMatch(/Neither this study nor any source we found gives the chance/);
    expect(line).toMatch(/it stays uncommon/);
    expect(line).not.toMatch(/\b1 in \d/);
  });
});
