import { describe, expect, it } from 'vitest';
import { AskEngine, NO_ANSWER_MESSAGE } from '../../src/search/index.js';
import { FIXTURE_DOCS } from './fixtures.js';

const engine = new AskEngine(FIXTURE_DOCS);

describe('AskEngine on a small corpus', () => {
  it('finds the focus through misspellings and the aspect in consumer words', () => {
    const r = engine.ask('my baby has sacrel agenisis, did my diabetes do this??', { explain: true });
    expect(r.abstained).toBe(false);
    expect(r.results[0]?.answerId).toBe('sacral-agenesis/causes');
    expect(r.explain?.corrections.map((c) => c.to)).toEqual(expect.arrayContaining(['sacral', 'agenesis']));
    expect(r.explain?.focus[0]?.slug).toBe('sacral-agenesis');
    expect(r.explain?.aspect.top).toBe('causes');
  });

  it('leaves everyday words alone on a small site whose answers lack them', () => {
    // answers that say "days" and "mother" but never "says" or "other": one letter apart
    const small = new AskEngine(
      FIXTURE_DOCS.map((d) => ({ ...d, body: `${d.body} It can last for days. Ask your mother.` })),
    );
    const r = small.ask('A friend says turmeric helps. Other people think it made her gout worse. Why?', {
      explain: true,
    });
    const fixed = r.explain?.corrections.map((c) => c.from) ?? [];
    for (const w of ['says', 'friend', 'other', 'think', 'made', 'worse']) expect(fixed).not.toContain(w);
    // a misspelt condition is still repaired
    expect(
      engine.ask('what causes fibromalgia', { explain: true }).explain?.corrections.map((c) => c.to),
    ).toContain('fibromyalgia');
  });

  it('ranks the answer that asks the same kind of question first', () => {
    expect(engine.ask('is there a cure for fibromalgia').results[0]?.answerId).toBe('fibromyalgia/treatment');
    expect(engine.ask('what is fibromyalgia').results[0]?.answerId).toBe('fibromyalgia/overview');
    expect(engine.ask('how did i get gout').results[0]?.answerId).toBe('gout/causes');
  });

  it('understands lay terms and synonyms', () => {
    expect(engine.ask('what pills help hypertension').results[0]?.answerId).toBe('hypertension/treatment');
    expect(engine.ask('will my kids inherit huntingtons chorea').results[0]?.answerId).toBe(
      'huntington-disease/inheritance',
    );
  });

  it('puts a reviewed answer above an equally relevant imported one', () => {
    const ids = engine.ask('how can gout be prevented?').results.map((x) => x.answerId);
    expect(ids.indexOf('gout/prevention')).toBeLessThan(ids.indexOf('gout/prevention-imported'));
    expect(ids[0]).toBe('gout/prevention');
  });

  it('abstains on off-topic questions with the plain message', () => {
    for (const q of ['how do i fix my car', 'best pizza recipe', 'who won the world cup']) {
      const r = engine.ask(q);
      expect(r.abstained, q).toBe(true);
      expect(r.results).toEqual([]);
      expect(r.message).toBe(NO_ANSWER_MESSAGE);
    }
  });

  it('offers the closest condition hub when it abstains on a known topic', () => {
    const r = engine.ask('can gout make my hair turn green');
    if (r.abstained) expect(r.nearestConditions.map((c) => c.slug)).toContain('gout');
    else expect(r.results[0]?.condition).toBe('gout');
  });

  it('shows a red flag above answers and with abstentions', () => {
    const withAnswer = engine.ask(
      'i have crushing chest pain and my high blood pressure pills are not working',
    );
    expect(withAnswer.redFlag?.kind).toBe('chest-pain');
    const alone = engine.ask('my husband is not breathing');
    expect(alone.redFlag?.kind).toBe('not-breathing');
  });

  it('honours limit and explains on request only', () => {
    const r = engine.ask('gout', { limit: 2 });
    expect(r.results.length).toBeLessThanOrEqual(2);
    expect(r.results[0]?.explain).toBeUndefined();
    const e = engine.ask('what causes gout', { explain: true });
    expect(e.results[0]?.explain?.focusMatch).toBe(true);
    expect(Object.keys(e.results[0]?.explain?.features ?? {})).toContain('aspect_same');
  });

  it('abstains with a reason on empty, emoji-only and other-language input', () => {
    expect(engine.ask('').reason).toBe('empty');
    expect(engine.ask('😀😀😀🙏').reason).toBe('empty');
    expect(engine.ask('что вызывает подагру?').reason).toBe('not-english');
  });

  it('scores are in [0, 1] and ordered best first', () => {
    const r = engine.ask('gout treatment and causes', { limit: 10 });
    const scores = r.results.map((x) => x.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    for (const s of scores) expect(s >= 0 && s <= 1).toBe(true);
  });

  it('answers entailment between two questions', () => {
    const yes = engine.entail(
      'Gout. How do I treat my gout? My toe hurts every night.',
      'How is gout treated?',
    );
    const no = engine.entail(
      'Gout. How do I treat my gout? My toe hurts every night.',
      'What is the outlook for gout?',
    );
    expect(yes.score).toBeGreaterThan(no.score);
  });
});
