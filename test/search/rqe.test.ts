import { describe, expect, it } from 'vitest';
import { shippedModelFile } from '../../eval/rqe-cv.js';
import { parseRqeXml, readRqeSets } from '../../eval/rqe-data.js';
import { splitOf } from '../../eval/splits.js';
import {
  analyseConsumerQuestion,
  analyseQuestion,
  RQE_FEATURES,
  rqeFeatures,
  topicTerms,
} from '../../src/search/features.js';
import { fitLogistic, loadShippedRqeModel } from '../../src/search/rqe-model.js';
import { trainRqeModelFile } from '../../src/search/rqe-train.js';
import { terms } from '../../src/search/text.js';
import { rqeDir } from '../helpers/corpus.js';

describe('question entailment model', () => {
  it('fits a separable problem and predicts both sides', () => {
    const rows = [[0], [0.1], [0.2], [0.8], [0.9], [1]];
    const fit = fitLogistic(rows, [0, 0, 0, 1, 1, 1], { l2: 0.01 });
    const p = (x: number) =>
      1 / (1 + Math.exp(-(fit.bias + (fit.weights[0]! * (x - fit.mean[0]!)) / fit.std[0]!)));
    expect(p(0)).toBeLessThan(0.2);
    expect(p(1)).toBeGreaterThan(0.8);
  });

  it('the shipped model matches the feature list the code computes', () => {
    const m = loadShippedRqeModel();
    expect(Object.keys(m.weights())).toEqual([...RQE_FEATURES]);
  });

  it('prefers the stored question of the same type on the same topic', () => {
    const m = loadShippedRqeModel();
    const chq =
      'Shingles. My mother has shingles on her back. What medicine can she take to make it go away faster?';
    expect(m.entail(chq, 'How is shingles treated?').score).toBeGreaterThan(
      m.entail(chq, 'Who gets shingles?').score,
    );
    expect(m.entail(chq, 'How is shingles treated?').score).toBeGreaterThan(
      m.entail(chq, 'What are the treatments for glaucoma?').score,
    );
  });

  it('does not entail another question type about the same condition', () => {
    const m = loadShippedRqeModel();
    const chq = 'Lupus. My sister has lupus. How is lupus treated, is there a cure?';
    expect(m.entail(chq, 'How is lupus treated?').entails).toBe(true);
    for (const other of ['What causes lupus?', 'What are the symptoms of lupus?', 'Who gets lupus?']) {
      expect(m.entail(chq, other).entails, other).toBe(false);
      expect(m.entail(chq, other).score).toBeLessThan(m.entail(chq, 'How is lupus treated?').score);
    }
    // and the same question type about another condition does not entail either
    expect(m.entail(chq, 'How is glaucoma treated?').entails).toBe(false);
  });

  const feature = (chq: string, faq: string, name: (typeof RQE_FEATURES)[number]) =>
    rqeFeatures(analyseConsumerQuestion(chq), analyseQuestion(faq), () => 1)[RQE_FEATURES.indexOf(name)]!;

  it('finds the topic through misspellings, lay synonyms and the background of the message', () => {
    const covered: [chq: string, faq: string][] = [
      ['is there any treatment for fibromalgia?', 'How Is Fibromyalgia Treated?'],
      ['how to reduced hypertension', 'How Is High Blood Pressure Treated?'],
      ['more info about Familial Mediterean Fever', 'What is familial Mediterranean fever?'],
      ['Trigem Neuralgia.', 'What are the causes of trigeminal neuralgia?'],
      // the asking sentence ("thanks") names nothing; the message does
      ['I want more information on fibromyalgia. thanks', 'What is fibromyalgia?'],
    ];
    for (const [chq, faq] of covered) expect(feature(chq, faq, 'topic_coverage'), chq).toBe(1);
    expect(feature('how to reduced hypertension', 'How is glaucoma treated?', 'topic_coverage')).toBe(0);
    // short or unrelated words are not taken for misspellings
    expect(feature('my arm hurts', 'What is an arrhythmia?', 'topic_coverage')).toBe(0);
  });

  it('reads question-type agreement from what the consumer asks', () => {
    const chq = 'My mother has shingles. What medicine can she take to make it go away faster?';
    expect(feature(chq, 'How is shingles treated?', 'type_share')).toBeGreaterThan(0.5);
    expect(feature(chq, 'What causes shingles?', 'type_share')).toBe(0);
    expect(feature(chq, 'What causes shingles?', 'faq_type_unasked')).toBe(1);
    expect(feature('Tell me about shingles', 'What is shingles?', 'faq_overview_chq_info')).toBe(1);
  });

  it('reads stored questions the consumer cues miss, and their topic words', () => {
    expect(analyseQuestion('Who Gets Fibromyalgia?').aspect.top).toBe('risk-factors');
    expect(analyseQuestion('Will Fibromyalgia Get Better With Time?').aspect.top).toBe('outlook');
    expect(analyseQuestion('How is lupus treated?').aspect.top).toBe('treatment');
    expect(analyseQuestion('What Are Researchers Learning About Fibromyalgia?').aspect.top).toBe('research');
    expect(analyseQuestion('What is fibromyalgia?').aspect.top).toBe('overview');
    expect(topicTerms(terms('How Is Fibromyalgia Treated?'))).toEqual(terms('fibromyalgia'));
  });

  it('trains deterministically and records its configuration', () => {
    const pairs = Array.from({ length: 40 }, (_, i) => {
      const topic = ['lupus', 'asthma', 'gout', 'shingles', 'anemia'][i % 5]!;
      const treated = i % 2 === 0;
      return {
        pid: String(i),
        chq: `question ${i}: how is ${topic} treated, what medicine helps?`,
        faq: treated ? `How is ${topic} treated?` : `What causes ${topic}?`,
        entails: treated,
      };
    });
    const a = trainRqeModelFile(pairs);
    const b = trainRqeModelFile(pairs);
    expect(a).toEqual(b);
    expect(a.features).toEqual([...RQE_FEATURES]);
    expect(a.training?.config).toBeDefined();
  });

  it('reads the MEDIQA RQE XML format', () => {
    const pairs = parseRqeXml(
      '<X><pair pid="1" value="true"><chq> a </chq><faq>b</faq></pair><pair pid="2" value="false"><chq>c</chq><faq>d</faq></pair></X>',
    );
    expect(pairs).toEqual([
      { pid: '1', chq: 'a', faq: 'b', entails: true, type: undefined },
      { pid: '2', chq: 'c', faq: 'd', entails: false, type: undefined },
    ]);
  });

  const dir = rqeDir();
  it.skipIf(!dir)('beats the majority class on MEDIQA validation pairs it was never fitted on', () => {
    const { training, validation } = readRqeSets(dir!);
    expect(training.length).toBe(8588);
    expect(validation.length).toBe(302);
    const m = loadShippedRqeModel();
    const used = new Set((shippedModelFile().training?.validationPairsUsed as string[]) ?? []);
    // the model was fitted on the tune part only; no report-part pair is among those it used
    const unseen = validation.filter((p) => splitOf('rqe', p.chq) === 'report');
    expect(unseen.filter((p) => used.has(p.pid))).toEqual([]);
    expect(unseen.length).toBeGreaterThan(100);
    const correct = unseen.filter((p) => m.entail(p.chq, p.faq).entails === p.entails).length;
    const majority = Math.max(...[true, false].map((v) => unseen.filter((p) => p.entails === v).length));
    expect(correct).toBeGreaterThan(majority);
  });
});
