import { describe, expect, it } from 'vitest';
import {
  answerKeyOf,
  documentKeyOf,
  documentOfAnswerKey,
  documentsByUrl,
  normaliseMedquadUrl,
} from '../../eval/medquad-keys.js';
import type { SearchDocument } from '../../src/search/index.js';

const doc = (answerId: string, origin: SearchDocument['origin']): SearchDocument => ({
  answerId,
  condition: answerId.split('/')[0]!,
  conditionName: 'X',
  synonyms: [],
  aspect: 'overview',
  question: 'What is X?',
  tldr: 't',
  body: 'b',
  reviewed: false,
  origin,
});

describe('MedQuAD URL rule (PROVENANCE.txt)', () => {
  it('ignores scheme, "www." and a trailing slash', () => {
    const forms = [
      'https://www.cancer.gov/types/leukemia/patient/adult-all-treatment-pdq',
      'http://cancer.gov/types/leukemia/patient/adult-all-treatment-pdq/',
      'https://cancer.gov/types/leukemia/patient/adult-all-treatment-pdq',
    ];
    expect(new Set(forms.map(normaliseMedquadUrl))).toEqual(
      new Set(['cancer.gov/types/leukemia/patient/adult-all-treatment-pdq']),
    );
  });

  it('maps nlm.nih.gov/medlineplus/ onto medlineplus.gov/', () => {
    expect(normaliseMedquadUrl('https://www.nlm.nih.gov/medlineplus/copd.html')).toBe(
      'medlineplus.gov/copd.html',
    );
    expect(normaliseMedquadUrl('https://medlineplus.gov/copd.html')).toBe('medlineplus.gov/copd.html');
    // other NLM pages keep their host
    expect(normaliseMedquadUrl('https://www.nlm.nih.gov/about/index.html')).toBe(
      'nlm.nih.gov/about/index.html',
    );
  });

  it('maps GARD /gard/<id>/ onto /diseases/<id>/ and keys by the number', () => {
    const a = normaliseMedquadUrl('https://rarediseases.info.nih.gov/gard/5708/achalasia');
    const b = normaliseMedquadUrl('https://rarediseases.info.nih.gov/diseases/5708/idiopathic-achalasia');
    expect(a).toBe('rarediseases.info.nih.gov/diseases/5708');
    expect(b).toBe(a);
    expect(normaliseMedquadUrl('https://rarediseases.info.nih.gov/diseases/5709/other')).not.toBe(a);
  });

  it('drops query and fragment, lower-cases the host, keeps the path case', () => {
    expect(normaliseMedquadUrl('HTTPS://WWW.NINDS.NIH.GOV/Disorders/Stroke.htm?x=1#top')).toBe(
      'ninds.nih.gov/Disorders/Stroke.htm',
    );
  });

  it('returns null for what is not an http(s) URL', () => {
    expect(normaliseMedquadUrl('#')).toBeNull();
    expect(normaliseMedquadUrl('')).toBeNull();
    expect(normaliseMedquadUrl('ftp://example.org/x')).toBeNull();
  });

  it('keys answers and documents as the importer does, and indexes documents by URL', () => {
    const o = { collection: 'medquad' as const, publisher: 'GARD', documentId: '0000004', pairId: '2' };
    expect(documentKeyOf(o)).toBe('medquad:GARD:0000004');
    expect(answerKeyOf(o)).toBe('medquad:GARD:0000004:2');
    expect(documentOfAnswerKey('medquad:CancerGov:0000001_1:3')).toBe('medquad:CancerGov:0000001_1');
    expect(documentKeyOf({ collection: 'text', publisher: 'Clinic' })).toBeNull();
    expect(documentKeyOf(null)).toBeNull();
    const byUrl = documentsByUrl([
      doc('x/overview', { ...o, url: 'https://rarediseases.info.nih.gov/gard/4/abcd' }),
      doc('x/symptoms', { ...o, pairId: '3', url: 'https://rarediseases.info.nih.gov/gard/4/abcd' }),
      doc('y/overview', { collection: 'medquad', publisher: 'GHR', documentId: '9', pairId: '1' }),
    ]);
    expect([...byUrl]).toEqual([['rarediseases.info.nih.gov/diseases/4', ['medquad:GARD:0000004']]]);
  });
});
