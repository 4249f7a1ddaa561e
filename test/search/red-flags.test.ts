import { afterEach, describe, expect, it } from 'vitest';
import { compileRedFlags, DEFAULT_EMERGENCY_NUMBER, detectRedFlag } from '../../src/search/index.js';
import { EMERGENCY_QUESTIONS, NON_EMERGENCY_QUESTIONS } from './red-flag-questions.js';

describe('red flags (src/search/red-flags.yaml)', () => {
  it('has at least 100 emergency and 100 non-emergency test questions', () => {
    expect(EMERGENCY_QUESTIONS.length).toBeGreaterThanOrEqual(100);
    expect(NON_EMERGENCY_QUESTIONS.length).toBeGreaterThanOrEqual(100);
  });

  it.each(EMERGENCY_QUESTIONS)('flags an emergency: %s', (q) => {
    expect(detectRedFlag(q)).not.toBeNull();
  });

  it.each(NON_EMERGENCY_QUESTIONS)('does not flag: %s', (q) => {
    expect(detectRedFlag(q)).toBeNull();
  });

  it('names the kind of emergency', () => {
    expect(detectRedFlag('my dads face is drooping and he cant talk')?.kind).toBe('stroke');
    expect(detectRedFlag('i want to kill myself')?.kind).toBe('suicide');
    expect(detectRedFlag('my 3 week old baby has a fever')?.kind).toBe('infant-fever');
  });

  it('treats "what causes chest pain in children?" as information but a personal report as urgent', () => {
    expect(detectRedFlag('what causes chest pain in children?')).toBeNull();
    expect(detectRedFlag('what causes chest pain and shortness of breath')).toBeNull();
    expect(detectRedFlag('my son has chest pain and shortness of breath right now')?.kind).toBe('chest-pain');
  });

  describe('emergency number', () => {
    const saved = process.env.MEDBRIEF_EMERGENCY_NUMBER;
    afterEach(() => {
      if (saved === undefined) delete process.env.MEDBRIEF_EMERGENCY_NUMBER;
      else process.env.MEDBRIEF_EMERGENCY_NUMBER = saved;
    });

    it('defaults to neutral wording', () => {
      delete process.env.MEDBRIEF_EMERGENCY_NUMBER;
      expect(detectRedFlag('i cant breathe')?.message).toContain(DEFAULT_EMERGENCY_NUMBER);
    });

    it('uses the option, else MEDBRIEF_EMERGENCY_NUMBER', () => {
      process.env.MEDBRIEF_EMERGENCY_NUMBER = '999';
      expect(detectRedFlag('i cant breathe')?.message).toContain('Call 999');
      expect(detectRedFlag('i cant breathe', { emergencyNumber: '112' })?.message).toContain('Call 112');
    });
  });

  it('reports an invalid pattern with the flag it belongs to', () => {
    const bad =
      'informational: []\npersonal: "x"\nflags:\n  - kind: broken\n    message: m\n    patterns: ["(unclosed"]\n';
    expect(() => compileRedFlags(bad, 'custom.yaml')).toThrow(/custom\.yaml: broken\.patterns\[0\]/);
  });
});
