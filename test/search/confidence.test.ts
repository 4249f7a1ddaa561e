/**
 * The abstention confidence (models/confidence.json), the one defaults object every channel
 * uses, and abstention on medicine-only messages because the focus is a medicine.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ASK_LIMIT } from '../../src/mcp/schemas.js';
import {
  ASK_DEFAULTS,
  AskEngine,
  CONFIDENCE_FEATURES,
  clampLimit,
  explainLines,
  loadShippedConfidenceModel,
  parseConfidenceModel,
} from '../../src/search/index.js';
import { MAX_API_LIMIT } from '../../src/web/api/ask.js';
import { FIXTURE_DOCS } from './fixtures.js';

const engine = new AskEngine(FIXTURE_DOCS);
const shipped = loadShippedConfidenceModel();

describe('the shipped confidence model', () => {
  it('loads, names the features the code computes, and carries the threshold chosen on tune', () => {
    expect(shipped.file.features).toEqual([...CONFIDENCE_FEATURES]);
    expect(shipped.threshold).toBeGreaterThan(0);
    expect(shipped.threshold).toBeLessThan(1);
    const training = shipped.file.training as { fittedOn?: string; rows?: number; thresholdRule?: string };
    expect(training.fittedOn).toMatch(/TUNE part only/);
    expect(training.rows).toBeGreaterThan(100);
    expect(training.thresholdRule).toMatch(/drug-only/);
  });

  it('is a probability that rises with the top score and falls when the focus is not the top answer', () => {
    const base = Object.fromEntries(CONFIDENCE_FEATURES.map((f) => [f, 0])) as Record<
      (typeof CONFIDENCE_FEATURES)[number],
      number
    >;
    const good = {
      ...base,
      top: 0.8,
      margin: 0.1,
      coverage: 0.6,
      focusCondition: 1,
      topOnFocus: 0.95,
      aspectFit: 1,
    };
    const p = shipped.probability(good);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    expect(shipped.probability({ ...good, top: 0.3, coverage: 0.1 })).toBeLessThan(p);
    expect(shipped.probability({ ...good, topOnFocus: 0 })).toBeLessThan(p);
  });

  it('refuses a model fitted on other features, or with missing weights, naming the fix', () => {
    const file = { ...shipped.file };
    expect(() => parseConfidenceModel({ ...file, features: ['top'] })).toThrow(/fit-confidence/);
    expect(() => parseConfidenceModel({ ...file, weights: [1] })).toThrow(/entries each/);
    expect(() => parseConfidenceModel({ ...file, threshold: 2 })).toThrow(/threshold/);
    expect(() => parseConfidenceModel({ kind: 'other' })).toThrow(/models\/confidence.json/);
  });
});

describe('one defaults object', () => {
  it('the engine, the API and MCP take their defaults from ASK_DEFAULTS', () => {
    expect(ASK_DEFAULTS.abstainThreshold).toBe(shipped.threshold);
    expect(engine.abstainThreshold).toBe(ASK_DEFAULTS.abstainThreshold);
    expect(MAX_API_LIMIT).toBe(ASK_DEFAULTS.maxLimit);
    expect(DEFAULT_ASK_LIMIT).toBe(ASK_DEFAULTS.limit);
    expect(new AskEngine(FIXTURE_DOCS, { abstainThreshold: 0.9 }).abstainThreshold).toBe(0.9);
  });

  it('clamps a caller’s limit into 1..maxLimit', () => {
    expect(clampLimit(undefined)).toBe(ASK_DEFAULTS.limit);
    expect(clampLimit('x')).toBe(ASK_DEFAULTS.limit);
    expect(clampLimit(0)).toBe(ASK_DEFAULTS.limit);
    expect(clampLimit(-3)).toBe(1);
    expect(clampLimit(10_000)).toBe(ASK_DEFAULTS.maxLimit);
    expect(engine.ask('what causes gout?', { limit: 1, threshold: 0 }).results).toHaveLength(1);
  });
});

describe('answer or abstain', () => {
  it('an answer carries its confidence; explain shows the confidence inputs and weights', () => {
    const r = engine.ask('what causes gout?', { explain: true, threshold: 0 });
    expect(r.abstained).toBe(false);
    expect(r.confidence).toBeGreaterThan(0);
    expect(r.explain?.confidence.value).toBe(r.confidence);
    expect(Object.keys(r.explain!.confidence.features)).toEqual([...CONFIDENCE_FEATURES]);
    expect(r.explain?.confidence.features.focusCondition).toBe(1);
    expect(Object.keys(r.explain!.confidence.weights)).toEqual([...CONFIDENCE_FEATURES]);
    // the threshold is applied to the confidence, not the ranking score
    const strict = engine.ask('what causes gout?', { threshold: (r.confidence ?? 0) + 1e-6 });
    expect(strict.abstained).toBe(true);
    expect(strict.reason).toBe('low-confidence');
    // --explain and ?explain=1 say how confident, and from which threshold it answers
    const lines = explainLines(r);
    expect(lines.find((l) => l.label === 'Confidence')?.value).toMatch(
      /^0\.\d\d that the top answer answers it \(answers from 0\)$/,
    );
  });

  it('a medicine-only message abstains because its focus is a medicine, at any threshold', () => {
    for (const text of [
      'how long is gabapentin good for at room temperature?',
      'SUBJECT: Plaquenil\nMESSAGE: who makes it and is there a generic?',
      'can i take ibuprofen and tylenol together',
    ]) {
      const r = engine.ask(text, { threshold: 0 });
      expect(r.abstained, text).toBe(true);
      expect(r.reason, text).toBe('drug-only');
      expect(r.parsed?.focus.kind, text).toBe('drug');
      expect(r.results).toEqual([]);
    }
  });

  it('a condition question that mentions a medicine is still answered', () => {
    const r = engine.ask('I take allopurinol. What causes gout?', { threshold: 0 });
    expect(r.abstained).toBe(false);
    expect(r.results[0]?.condition).toBe('gout');
  });
});
