/**
 * From real pages: a jargon word inside a name ("U.S. Renal Data System") is not prose jargon; a
 * bracket that only gives an abbreviation ("hemoglobin A1C (A1C)") does not explain the term.
 */
import { describe, expect, it } from 'vitest';
import { expectNoMessage, auditMessages as found } from './helpers/audit-messages.js';

describe('jargon and names', () => {
  it('a word inside a capitalised name is not reported; the same word in prose is', () => {
    expectNoMessage('Kidneys\nThe figures come from the U.S. Renal Data System.\n', 'jargon-unexplained');
    expect(found('Kidneys\nIt can lead to renal failure.\n', 'jargon-unexplained')).toEqual([
      '2:16 "renal" is medical jargon with no plain explanation',
    ]);
  });

  it('a name does not use up the first use: the later prose use is still reported', () => {
    expect(
      found(
        'Kidneys\nData come from the U.S. Renal Data System. Renal failure is rare.\n',
        'jargon-unexplained',
      ),
    ).toEqual(['2:44 "Renal" is medical jargon with no plain explanation']);
  });

  it('an abbreviation in brackets is not an explanation; words in brackets are', () => {
    expect(found('Diabetes\nIt is based on hemoglobin A1C (A1C) levels.\n', 'jargon-unexplained')).toEqual([
      '2:16 "hemoglobin A1C" is medical jargon with no plain explanation',
    ]);
    expectNoMessage(
      'Diabetes\nIt is based on hemoglobin A1C (a blood test of average blood sugar).\n',
      'jargon-unexplained',
    );
  });
});
