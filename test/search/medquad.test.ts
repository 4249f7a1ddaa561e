/** The engine over the full MedQuAD corpus: the phenomena the issue names, end to end. */
import { beforeAll, describe, expect, it } from 'vitest';
import { medquadDocuments } from '../../eval/medquad-docs.js';
import { AskEngine } from '../../src/search/index.js';
import { medquadDir } from '../helpers/corpus.js';

const dir = medquadDir();

describe.skipIf(!dir)('AskEngine on MedQuAD', () => {
  let engine: AskEngine;
  beforeAll(() => {
    engine = new AskEngine(medquadDocuments(dir!));
  });

  it('indexes the whole corpus', () => {
    expect(engine.size).toBeGreaterThan(16_000);
  });

  it.each([
    ['my baby has sacrel agenisis, did my diabetes do this??', 'caudal-regression-syndrome', 'causes'],
    ['nuemonia symptoms', 'pneumonia', 'symptoms'],
    ['how do you get rid of high blood pressure', 'high-blood-pressure', 'treatment'],
    ['can my kids inherit huntingtons disease', 'huntington-disease', 'inheritance'],
    ['how many people get cystic fibrosis', 'cystic-fibrosis', 'frequency'],
  ])('%s → %s / %s', (q, condition, aspect) => {
    const top = engine.ask(q).results[0];
    expect(top?.condition).toBe(condition);
    expect(top?.aspect).toBe(aspect);
  });

  it('abstains on off-topic questions', () => {
    for (const q of ['how do i fix my car', 'what is the best pizza recipe', 'how to reset my wifi router']) {
      expect(engine.ask(q).abstained, q).toBe(true);
    }
  });
});
