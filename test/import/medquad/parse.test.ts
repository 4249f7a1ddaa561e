import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMedquadProblem,
  MEDQUAD_LIMITS,
  type MedquadDocument,
  parseMedquadXml,
  planMedquadImport,
  readMedquadFile,
} from '../../../src/import/medquad/index.js';
import { importMedquad } from '../../../src/import/medquad/run.js';
import { openStore } from '../../../src/store/index.js';
import { sqlStore } from '../../helpers/store-db.js';

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function documentXml(
  o: {
    id?: string;
    source?: string;
    focus?: string;
    question?: string;
    qtype?: string;
    answer?: string;
  } = {},
) {
  const f = {
    id: '0000042',
    source: 'GHR',
    focus: 'caudal regression syndrome',
    question: 'What is (are) caudal regression syndrome ?',
    qtype: 'information',
    answer: 'It is rare. It affects the spine.',
    ...o,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document id="${esc(f.id)}" source="${esc(f.source)}" url="https://ghr.nlm.nih.gov/condition/x">
<Focus>${esc(f.focus)}</Focus>
<FocusAnnotations><UMLS><CUIs><CUI>C0684320</CUI></CUIs></UMLS><Synonyms><Synonym>sacral agenesis</Synonym></Synonyms></FocusAnnotations>
<QAPairs><QAPair pid="1"><Question qid="${esc(f.id)}-1" qtype="${esc(f.qtype)}">${esc(f.question)}</Question><Answer>${esc(f.answer)}</Answer></QAPair></QAPairs>
</Document>`;
}

const ok = (x: ReturnType<typeof parseMedquadXml>): MedquadDocument => {
  if (isMedquadProblem(x)) throw new Error(`${x.element}: ${x.message}`);
  return x;
};

describe('reading MedQuAD documents', () => {
  it('reads focus, annotations and pairs', () => {
    const d = ok(parseMedquadXml(documentXml(), 'a.xml'));
    expect(d).toMatchObject({
      id: '0000042',
      source: 'GHR',
      focus: 'caudal regression syndrome',
      focusFrom: 'element',
      cuis: ['C0684320'],
      synonyms: ['sacral agenesis'],
    });
    expect(d.pairs[0]).toMatchObject({
      pid: '1',
      qtype: 'information',
      answer: 'It is rare. It affects the spine.',
    });
  });

  it('accepts the CDC variants: <DiseaseFile fid>, <UMLS> outside <FocusAnnotations>, empty <Focus>', () => {
    const xml = `<DiseaseFile fid="0000397" source="CDC" url="http://www.cdc.gov/HAI/organisms/vre/vre.html"><Focus></Focus>
      <UMLS><CUI>C1</CUI><SemanticType></SemanticType></UMLS>
      <QAPairs><QAPair pid="1"><Question qid="0000397-1" qtype="information">What is (are)  ?</Question><Answer>VRE is a germ.</Answer></QAPair></QAPairs></DiseaseFile>`;
    const d = ok(parseMedquadXml(xml, 'cdc.xml'));
    expect(d.id).toBe('0000397');
    expect(d.cuis).toEqual(['C1']);
    expect(d.focus).toBe('VRE');
    expect(d.focusFrom).toBe('url');
    expect(d.pairs[0]!.question).toBe('What is (are) VRE ?');
  });

  it('accepts the legacy NINDS <doc> layout', () => {
    const xml = `<doc docid="0000007" corpus="NINDS" url="https://www.ninds.nih.gov/x"><doctitle-focus>Aphasia</doctitle-focus>
      <umls><cui>C0003537</cui></umls><qaPairs><pair pid="1"><question qid="0000007-1" qtype="information">What is (are) Aphasia ?</question><answer>Aphasia is a disorder.</answer></pair></qaPairs></doc>`;
    const d = ok(parseMedquadXml(xml, 'ninds.xml'));
    expect(d).toMatchObject({ id: '0000007', source: 'NINDS', focus: 'Aphasia', cuis: ['C0003537'] });
    expect(d.pairs).toHaveLength(1);
  });

  it('names file and element for missing fields', () => {
    expect(parseMedquadXml(documentXml({ id: '' }), 'a.xml')).toMatchObject({
      file: 'a.xml',
      element: 'Document@id',
    });
    expect(parseMedquadXml(documentXml({ qtype: '' }), 'a.xml')).toMatchObject({
      element: 'QAPair[1]/Question@qtype',
    });
    expect(parseMedquadXml(documentXml({ question: '' }), 'a.xml')).toMatchObject({
      element: 'QAPair[1]/Question',
    });
    expect(parseMedquadXml('<Document id="1" source="GHR"><Focus>', 'b.xml')).toMatchObject({
      file: 'b.xml',
      message: expect.stringMatching(/malformed XML/),
    });
  });

  it('refuses huge fields with the element named', () => {
    const huge = 'x'.repeat(MEDQUAD_LIMITS.answerChars + 1);
    expect(parseMedquadXml(documentXml({ answer: huge }), 'h.xml')).toMatchObject({
      file: 'h.xml',
      element: 'QAPair[1]/Answer',
    });
    expect(
      parseMedquadXml(documentXml({ focus: 'y'.repeat(MEDQUAD_LIMITS.focusChars + 1) }), 'h.xml'),
    ).toMatchObject({ element: 'Focus' });
  });

  it('refuses bytes that are not UTF-8', () => {
    const dir = mkdtempSync(join(tmpdir(), 'medquad-bytes-'));
    try {
      const file = join(dir, 'bad.xml');
      const bytes = Buffer.from(documentXml({ answer: 'caf__' }));
      const at = bytes.indexOf('caf__') + 3;
      bytes[at] = 0xc3;
      bytes[at + 1] = 0x28; // an invalid two-byte sequence
      writeFileSync(file, bytes);
      expect(readMedquadFile(file)).toMatchObject({ file, message: expect.stringMatching(/UTF-8/) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fuzzing the reader', () => {
  it('never throws on arbitrary text: a document or a problem naming the file', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const r = parseMedquadXml(text, 'fuzz.xml');
        if (isMedquadProblem(r)) expect(r.file).toBe('fuzz.xml');
        else expect(r.id).toBeTruthy();
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on damaged documents (cut, byte-flipped, fields emptied)', () => {
    const base = documentXml();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length }),
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.string({ maxLength: 3 }),
        fc.record({
          id: fc.string({ maxLength: 12 }),
          focus: fc.string({ maxLength: 30 }),
          answer: fc.string({ maxLength: 60 }),
          qtype: fc.constantFrom('information', 'treatment', '', 'nonsense'),
        }),
        (cut, at, insert, fields) => {
          for (const xml of [
            base.slice(0, cut),
            base.slice(0, at) + insert + base.slice(at + 1),
            documentXml(fields),
          ]) {
            const r = parseMedquadXml(xml, 'f.xml');
            if (isMedquadProblem(r)) {
              expect(r.file).toBe('f.xml');
              expect(r.element.length).toBeGreaterThan(0);
              expect(r.message.length).toBeGreaterThan(0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('writes nothing for a broken document and imports the rest, reporting each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'medquad-mixed-'));
    try {
      const broken = fc.sample(
        fc.oneof(
          fc.string({ maxLength: 80 }).map((s) => `<Document id="9${s.length}" source="GHR">${s}`),
          fc.constant(documentXml({ id: '0000002', qtype: 'astrology' })),
          fc.constant(documentXml({ id: '0000003', answer: 'z'.repeat(MEDQUAD_LIMITS.answerChars + 5) })),
        ),
        { numRuns: 6, seed: 42 },
      );
      writeFileSync(join(dir, '0000001.xml'), documentXml({ id: '0000001' }));
      for (const [i, xml] of broken.entries()) writeFileSync(join(dir, `b${i}.xml`), xml);
      const store = await openStore(':memory:');
      try {
        const r = await importMedquad(store, dir, { today: '2026-01-01' });
        expect(r.plan.documents).toBe(1);
        expect(r.plan.problems).toHaveLength(broken.length);
        for (const p of r.plan.problems) expect(p.file).toMatch(/^b\d\.xml$/);
        const origins = await sqlStore(store).db.selectFrom('answer_origins').select('document_id').execute();
        expect(origins.map((o) => o.document_id)).toEqual(['0000001']);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('plans nothing from a problem, whatever it is', () => {
    const plan = planMedquadImport([{ file: 'x.xml', element: 'Focus', message: 'missing' }]);
    expect(plan.conditions).toEqual([]);
    expect(plan.report.problems).toHaveLength(1);
  });
});
