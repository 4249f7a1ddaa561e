/**
 * Loaders of the real-question evaluation on small fixtures written for these tests (real-style
 * messages in our own words, not copied from the data sets).
 */
import { describe, expect, it } from 'vitest';
import { joinLabels, resolveAnswerRefs } from '../../eval/labels.js';
import { documentJudgments, parseQaXml } from '../../eval/mediqa-qa.js';
import { documentsByUrl } from '../../eval/medquad-keys.js';
import { parseMeqsumJsonl } from '../../eval/meqsum.js';
import type { SearchDocument } from '../../src/search/index.js';

const QA_XML = `<?xml version="1.0" encoding="UTF-8"?>
<MEDIQA2019-Task3-QA-TrainingSet2-Alexa>
  <Question QID="7">
    <QuestionText>What causes gout?</QuestionText>
    <AnswerList>
      <Answer AID="7_Answer1" SystemRank="1" ReferenceRank="2" ReferenceScore="4">
        <AnswerURL>https://medlineplus.gov/gout.html</AnswerURL>
        <AnswerText>Gout is a kind of arthritis caused by uric acid crystals in a joint.</AnswerText>
      </Answer>
      <Answer AID="7_Answer2" SystemRank="2" ReferenceRank="1" ReferenceScore="2">
        <AnswerURL>http://www.nlm.nih.gov/medlineplus/ency/article/000422.htm</AnswerURL>
        <AnswerText>Pseudogout &amp; gout both involve crystals.</AnswerText>
      </Answer>
      <Answer AID="7_Answer3" SystemRank="3" ReferenceRank="3" ReferenceScore="3">
        <AnswerURL>https://rarediseases.info.nih.gov/diseases/2558/gout-familial</AnswerURL>
        <AnswerText>Familial gout runs in families.</AnswerText>
      </Answer>
    </AnswerList>
  </Question>
  <Question QID="8">
    <QuestionText>  Is   sunburn
      dangerous? </QuestionText>
    <AnswerList>
      <Answer AID="8_Answer1" SystemRank="1" ReferenceRank="1" ReferenceScore="4">
        <AnswerURL>https://www.mayoclinic.org/sunburn</AnswerURL>
        <AnswerText>Sunburn is red, painful skin.</AnswerText>
      </Answer>
    </AnswerList>
  </Question>
</MEDIQA2019-Task3-QA-TrainingSet2-Alexa>`;

function doc(
  id: string,
  publisher: string,
  documentId: string,
  pairId: string,
  url?: string,
): SearchDocument {
  return {
    answerId: id,
    condition: id.split('/')[0]!,
    conditionName: id,
    synonyms: [],
    aspect: 'overview',
    question: `What is ${id}?`,
    tldr: '',
    body: '',
    reviewed: false,
    origin: { collection: 'medquad', publisher, documentId, pairId, ...(url ? { url } : {}) },
  };
}

describe('MEDIQA-QA loader and document judgments', () => {
  const qs = parseQaXml(QA_XML);

  it('reads questions, answers, URLs and grades', () => {
    expect(qs.map((q) => q.qid)).toEqual(['7', '8']);
    expect(qs[1]!.question).toBe('Is sunburn dangerous?');
    expect(qs[0]!.answers.map((a) => [a.aid, a.score])).toEqual([
      ['7_Answer1', 4],
      ['7_Answer2', 2],
      ['7_Answer3', 3],
    ]);
  });

  it('judges MedQuAD documents through the URL rule, relevant from grade 3', () => {
    const docs = [
      doc(
        'gout/overview',
        'MPlusHealthTopics',
        '0000400',
        '1',
        'https://www.nlm.nih.gov/medlineplus/gout.html',
      ),
      doc(
        'pseudogout/overview',
        'MPlusHealthTopics',
        '0000401',
        '1',
        'http://medlineplus.gov/ency/article/000422.htm/',
      ),
      doc(
        'familial-gout/overview',
        'GARD',
        '0002558',
        '1',
        'https://rarediseases.info.nih.gov/gard/2558/familial-gout',
      ),
      doc('sunburn/overview', 'MPlusHealthTopics', '0000900', '1', 'https://medlineplus.gov/sunburn.html'),
    ];
    const byUrl = documentsByUrl(docs);
    const gout = documentJudgments(qs[0]!, byUrl);
    expect([...gout.relevant].sort()).toEqual(['medquad:GARD:0002558', 'medquad:MPlusHealthTopics:0000400']);
    expect(gout.graded.get('medquad:MPlusHealthTopics:0000401')).toBe(2);
    // an answer from a site outside MedQuAD judges nothing
    const sun = documentJudgments(qs[1]!, byUrl);
    expect(sun.graded.size).toBe(0);
    expect(sun.relevant.size).toBe(0);
  });
});

describe('MeQSum loader', () => {
  const lines = [
    JSON.stringify({
      file: 'a.txt',
      chq: 'SUBJECT: knee\nMESSAGE: my knee hurts when i climb stairs, why?',
      summary: 'What causes knee pain on stairs?',
    }),
    '',
    JSON.stringify({
      file: 'b.txt',
      chq: 'who makes the pills my mother takes',
      summary: 'Who manufactures X?',
    }),
  ].join('\n');

  it('reads one message per line and skips blank lines', () => {
    const ms = parseMeqsumJsonl(lines);
    expect(ms.map((m) => m.file)).toEqual(['a.txt', 'b.txt']);
    expect(ms[0]!.chq).toContain('MESSAGE:');
  });

  it('names the line of a bad record or a repeated file', () => {
    expect(() => parseMeqsumJsonl(`${lines}\n{not json`, 'm.jsonl')).toThrow(/m\.jsonl:4: not JSON/);
    expect(() => parseMeqsumJsonl('{"file":"x","chq":1,"summary":"s"}', 'm.jsonl')).toThrow(
      /m\.jsonl:1: expected/,
    );
    expect(() => parseMeqsumJsonl(`${lines}\n${lines.split('\n')[0]}`, 'm.jsonl')).toThrow(
      /"a\.txt" appears twice/,
    );
  });

  it('joins labels with messages and refuses a stale or repeated label', () => {
    const ms = parseMeqsumJsonl(lines);
    const joined = joinLabels([{ file: 'b.txt', category: 'maker' }], ms, 'labels.json');
    expect(joined[0]!.message.summary).toBe('Who manufactures X?');
    expect(() => joinLabels([{ file: 'c.txt' }], ms, 'labels.json')).toThrow(
      /labels\.json: label for "c\.txt"/,
    );
    expect(() => joinLabels([{ file: 'a.txt' }, { file: 'a.txt' }], ms, 'labels.json')).toThrow(
      /labelled twice/,
    );
  });
});

describe('answer references in labels', () => {
  const qtypes = new Map([
    ['medquad:NHLBI:0000081:2', 'causes'],
    ['medquad:NHLBI:0000081:6', 'treatment'],
    ['medquad:NHLBI:0000081:7', 'treatment'],
    ['medquad:GARD:0000261:1', 'information'],
  ]);

  it('expands doc#qtype to every answer of that type and keeps single answers', () => {
    expect([...resolveAnswerRefs(['medquad:NHLBI:0000081#treatment'], qtypes, 'x')].sort()).toEqual([
      'medquad:NHLBI:0000081:6',
      'medquad:NHLBI:0000081:7',
    ]);
    expect([...resolveAnswerRefs(['medquad:GARD:0000261:1'], qtypes, 'x')]).toEqual([
      'medquad:GARD:0000261:1',
    ]);
    expect(resolveAnswerRefs([], qtypes, 'x').size).toBe(0);
  });

  it('refuses a reference that matches nothing (a typo would silently make a message unanswerable)', () => {
    expect(() => resolveAnswerRefs(['medquad:NHLBI:0000081#prevention'], qtypes, 'f.json 1.txt')).toThrow(
      /f\.json 1\.txt: "medquad:NHLBI:0000081#prevention" matches no MedQuAD answer/,
    );
    expect(() => resolveAnswerRefs(['medquad:NHLBI:0000081:99'], qtypes, 'x')).toThrow(/matches no/);
  });
});
