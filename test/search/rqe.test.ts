import { describe, expect, it } from 'vitest';
import { shippedModelFile } from '../../eval/rqe-cv.js';
import { parseRqeXml, readRqeSets } from '../../eval/rqe-data.js';
import { splitOf } from '../../eval/splits.js';
import { RQE_FEATURES } from '../../src/search/features.js';
import { fitLogistic, loadShippedRqeModel } from '../../src/search/rqe-model.js';
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
