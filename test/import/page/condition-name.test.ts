import { describe, expect, it } from 'vitest';
import {
  detectCondition,
  focusOfQuestion,
  focusOfTitle,
  synonymsInText,
} from '../../../src/import/page/index.js';

describe('focusOfQuestion: the condition a question frame names', () => {
  it.each([
    [
      'What causes sacral agenesis and caudal regression syndrome?',
      'sacral agenesis and caudal regression syndrome',
    ],
    ['What are the symptoms of Lyme disease?', 'Lyme disease'],
    ['What are the early signs and symptoms of type 2 diabetes?', 'type 2 diabetes'],
    ['How is gout treated?', 'gout'],
    ['How are kidney stones diagnosed?', 'kidney stones'],
    ['Is achondroplasia inherited?', 'achondroplasia'],
    ['How many people are affected by achondroplasia?', 'achondroplasia'],
    ['How common is coeliac disease?', 'coeliac disease'],
    ['Who is at risk for osteoporosis?', 'osteoporosis'],
    ['Can asthma be cured?', 'asthma'],
    ['Does migraine run in families?', 'migraine'],
    ['What is the outlook for people with cystic fibrosis?', 'cystic fibrosis'],
    ['What is a migraine?', 'migraine'],
    ['What is chickenpox in children?', 'chickenpox'],
  ])('%s → %s', (question, focus) => {
    expect(focusOfQuestion(question)).toBe(focus);
  });

  it('returns null when no frame names a condition', () => {
    expect(focusOfQuestion('Why?')).toBeNull();
    expect(
      focusOfQuestion('Should I worry about the results my doctor sent me last week after the visit?'),
    ).toBeNull();
  });
});

describe('focusOfTitle', () => {
  it('takes the part before a colon or a site separator', () => {
    expect(focusOfTitle('Spina bifida: causes')).toBe('Spina bifida');
    expect(focusOfTitle('Achondroplasia | Example Health')).toBe('Achondroplasia');
    expect(focusOfTitle('Gout – treatment')).toBe('Gout');
  });
});

describe('synonymsInText', () => {
  it('finds names the page gives as equivalent', () => {
    const text =
      'Sacral agenesis, also known as caudal regression syndrome, is rare. Sacral agenesis (caudal dysplasia) affects the spine.';
    expect(synonymsInText('sacral agenesis', text)).toEqual([
      'caudal regression syndrome',
      'caudal dysplasia',
    ]);
  });

  it('ignores clauses that follow "or"', () => {
    expect(synonymsInText('gout', 'You may have gout, or a doctor may suspect it.')).toEqual([]);
  });
});

describe('detectCondition', () => {
  it('splits "X and Y" when the page says Y is another name for X', () => {
    const c = detectCondition({
      question: 'What causes sacral agenesis and caudal regression syndrome?',
      text: 'Sacral agenesis, also known as caudal regression syndrome, is a rare condition.',
    });
    expect(c).toEqual({
      name: 'Sacral agenesis',
      synonyms: ['caudal regression syndrome'],
      from: 'question',
    });
  });

  it('keeps "X and Y" whole when the page does not link the names', () => {
    const c = detectCondition({
      question: 'What causes hand, foot and mouth disease?',
      text: 'It is a virus.',
    });
    expect(c?.name).toBe('Hand, foot and mouth disease');
  });

  it('falls back to the title, and to null', () => {
    expect(detectCondition({ question: 'Why?', title: 'Gout: treatment', text: '' })).toMatchObject({
      name: 'Gout',
      from: 'title',
    });
    expect(detectCondition({ question: 'Why?', text: '' })).toBeNull();
  });
});
