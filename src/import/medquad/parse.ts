/**
 * Reading MedQuAD XML documents (pure: text in, records or problems out).
 * Format: <Document id source url><Focus/><FocusAnnotations><UMLS><CUIs><CUI/>…</CUIs>
 * <SemanticTypes/><SemanticGroup/></UMLS><Synonyms><Synonym/>…</Synonyms></FocusAnnotations>
 * <QAPairs><QAPair pid><Question qid qtype/><Answer/></QAPair>…</QAPairs></Document>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface MedquadPair {
  pid: string;
  qid: string;
  qtype: string;
  question: string;
  /** Raw answer text (entities decoded), possibly empty. */
  answer: string;
}

export interface MedquadDocument {
  id: string;
  /** Publisher code as in the `source` attribute: GHR, GARD, NIDDK, NINDS, NHLBI, CDC, CancerGov, MPlusHealthTopics, NIHSeniorHealth. */
  source: string;
  url: string;
  focus: string;
  cuis: string[];
  semanticTypes: string[];
  semanticGroup: string | null;
  synonyms: string[];
  pairs: MedquadPair[];
}

export interface MedquadProblem {
  file: string;
  element: string;
  message: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['CUI', 'SemanticType', 'Synonym', 'QAPair', 'pair', 'cui'].includes(name),
});

/**
 * A few NINDS files use an older layout (<doc docid corpus url><doctitle-focus/><umls><cui/>…
 * <qaPairs><pair pid><question qid qtype/><answer/></pair></qaPairs></doc>); map it onto the
 * current one so both read the same way.
 */
function fromLegacy(doc: Record<string, unknown>): Record<string, unknown> {
  const umls = (doc.umls ?? {}) as Record<string, unknown>;
  const pairs = ((doc.qaPairs ?? {}) as Record<string, unknown>).pair;
  return {
    '@id': doc['@docid'],
    '@source': doc['@corpus'],
    '@url': doc['@url'],
    Focus: doc['doctitle-focus'],
    FocusAnnotations: {
      UMLS: {
        CUIs: { CUI: umls.cui },
        SemanticTypes: { SemanticType: [umls.semanticType] },
        SemanticGroup: umls.semanticGroup,
      },
    },
    QAPairs: {
      QAPair: Array.isArray(pairs)
        ? pairs.map((p: Record<string, unknown>) => ({
            '@pid': p['@pid'],
            Question: p.question,
            Answer: p.answer,
          }))
        : [],
    },
  };
}

function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (typeof node === 'object' && '#text' in (node as object))
    return String((node as Record<string, unknown>)['#text']);
  return '';
}

function list(node: unknown): string[] {
  if (!Array.isArray(node)) return [];
  return node.map(text).filter((s) => s.trim().length > 0);
}

/** Parses one MedQuAD XML document. Returns the document or a problem naming file and element. */
export function parseMedquadXml(xml: string, file: string): MedquadDocument | MedquadProblem {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { file, element: `line ${valid.err.line}`, message: `malformed XML: ${valid.err.msg}` };
  }
  let root: Record<string, unknown>;
  try {
    root = parser.parse(xml) as Record<string, unknown>;
  } catch (err) {
    return { file, element: 'Document', message: `cannot parse XML: ${(err as Error).message}` };
  }
  const doc = (root.Document ??
    (root.doc && typeof root.doc === 'object'
      ? fromLegacy(root.doc as Record<string, unknown>)
      : undefined)) as Record<string, unknown> | undefined;
  if (!doc || typeof doc !== 'object') return { file, element: 'Document', message: 'no <Document> element' };
  const id = text(doc['@id']);
  const source = text(doc['@source']);
  const focus = text(doc.Focus).trim();
  if (!id) return { file, element: 'Document@id', message: 'missing id attribute' };
  if (!source) return { file, element: 'Document@source', message: 'missing source attribute' };
  if (!focus) return { file, element: 'Focus', message: 'missing or empty <Focus>' };
  const ann = (doc.FocusAnnotations ?? {}) as Record<string, unknown>;
  const umls = (ann.UMLS ?? {}) as Record<string, unknown>;
  const pairsNode = (doc.QAPairs ?? {}) as Record<string, unknown>;
  const rawPairs = Array.isArray(pairsNode.QAPair) ? (pairsNode.QAPair as Record<string, unknown>[]) : [];
  const pairs: MedquadPair[] = [];
  for (const [i, p] of rawPairs.entries()) {
    const q = p.Question as Record<string, unknown> | string | undefined;
    const qtype = q && typeof q === 'object' ? text(q['@qtype']) : '';
    const question = text(q).trim();
    const where = `QAPair[${i + 1}]`;
    if (!question) return { file, element: `${where}/Question`, message: 'missing or empty <Question>' };
    if (!qtype) return { file, element: `${where}/Question@qtype`, message: 'missing qtype attribute' };
    pairs.push({
      pid: text(p['@pid']) || String(i + 1),
      qid: q && typeof q === 'object' ? text(q['@qid']) : '',
      qtype,
      question,
      answer: text(p.Answer),
    });
  }
  return {
    id,
    source,
    url: text(doc['@url']),
    focus,
    cuis: list(((umls.CUIs ?? {}) as Record<string, unknown>).CUI),
    semanticTypes: list(((umls.SemanticTypes ?? {}) as Record<string, unknown>).SemanticType),
    semanticGroup: text(umls.SemanticGroup) || null,
    synonyms: list(((ann.Synonyms ?? {}) as Record<string, unknown>).Synonym),
    pairs,
  };
}

export function isMedquadProblem(x: MedquadDocument | MedquadProblem): x is MedquadProblem {
  return 'element' in x;
}

/** The XML files of a MedQuAD folder (or of one of its subfolders), sorted for a stable order. */
export function listMedquadFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.xml')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Reads and parses one file, decoding bytes strictly as UTF-8. */
export function readMedquadFile(file: string): MedquadDocument | MedquadProblem {
  const bytes = readFileSync(file);
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { file, element: 'Document', message: 'file is not valid UTF-8' };
  }
  return parseMedquadXml(xml, file);
}

/** Locates the MedQuAD folder: $MEDQUAD_DIR, else ../shared/data/medquad beside the repository. */
export function defaultMedquadDir(repoRoot: string): string {
  return process.env.MEDQUAD_DIR ?? join(repoRoot, '..', 'shared', 'data', 'medquad');
}
