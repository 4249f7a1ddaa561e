/**
 * Reading MedQuAD XML documents (pure: text in, records or problems out).
 * Format: <Document id source url><Focus/><FocusAnnotations><UMLS><CUIs><CUI/>…</CUIs>
 * <SemanticTypes/><SemanticGroup/></UMLS><Synonyms><Synonym/>…</Synonyms></FocusAnnotations>
 * <QAPairs><QAPair pid><Question qid qtype/><Answer/></QAPair>…</QAPairs></Document>
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
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
  /** Where the focus came from: the <Focus> element, or derived when it is empty (CDC files). */
  focusFrom: 'element' | 'question' | 'url';
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

/** Limits that no real MedQuAD field comes near (longest answer: 29,046 characters). */
export const MEDQUAD_LIMITS = {
  fileBytes: 5_000_000,
  focusChars: 500,
  questionChars: 2_000,
  answerChars: 200_000,
} as const;

/** "What is (are) X ?" — the template of MedQuAD's `information` questions. */
const WHAT_IS_TEMPLATE = /^What is \(are\)\s+(.+?)\s*\?\s*$/i;
/** A template question whose focus slot was left empty: "What is (are)  ?", "Who is at risk for ? ?". */
const EMPTY_SLOT = /(\(are\)|\bfor|\bprevent|\bdiagnose|\btreat|\bof|\bby|\bwith)\s*\?(\s*\?)?\s*$/i;

/**
 * The focus of a document whose <Focus> is empty (four CDC files): the focus named by a
 * "What is (are) X ?" question, else the last meaningful segment of the page URL
 * (`…/visa_vrsa/visa_vrsa.html` → "VISA VRSA"; short tokens in URL paths are acronyms).
 */
export function deriveFocus(
  questions: string[],
  url: string,
): { focus: string; from: 'question' | 'url' } | null {
  for (const q of questions) {
    const m = WHAT_IS_TEMPLATE.exec(q);
    if (m?.[1]?.trim()) return { focus: m[1].trim(), from: 'question' };
  }
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const segments = path
    .split('/')
    .map((s) => decodeURIComponent(s).replace(/\.(html?|aspx?|php|cfm)$/i, ''))
    .filter((s) => s && !/^(index|default|home)$/i.test(s));
  const last = segments.at(-1);
  if (!last) return null;
  const words = last
    .split(/[_\-+ ]+/)
    .filter(Boolean)
    .map((w) => (w.length <= 4 && /^[a-z]+$/i.test(w) ? w.toUpperCase() : w.toLowerCase()));
  if (!words.length) return null;
  const focus = words.join(' ');
  return { focus: focus.charAt(0).toUpperCase() + focus.slice(1), from: 'url' };
}

function problem(file: string, element: string, message: string): MedquadProblem {
  return { file, element, message };
}

/** The document element of the three layouts: <Document id>, <DiseaseFile fid> (CDC) and legacy <doc docid>. */
function documentElement(
  root: Record<string, unknown>,
): { doc: Record<string, unknown>; name: string } | null {
  const isObject = (x: unknown): x is Record<string, unknown> =>
    typeof x === 'object' && x !== null && !Array.isArray(x);
  if (isObject(root.Document)) return { doc: root.Document, name: 'Document' };
  if (isObject(root.DiseaseFile)) {
    const d = root.DiseaseFile;
    return { doc: { ...d, '@id': d['@id'] ?? d['@fid'] }, name: 'DiseaseFile' };
  }
  if (isObject(root.doc)) return { doc: fromLegacy(root.doc), name: 'doc' };
  return null;
}

function asObject(x: unknown): Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : {};
}

/** CUIs appear as <UMLS><CUIs><CUI/>…</CUIs> in most files and as <UMLS><CUI/> in some CDC files. */
function cuisOf(umls: Record<string, unknown>): string[] {
  return [...new Set([...list(asObject(umls.CUIs).CUI), ...list(umls.CUI)].map((c) => c.trim()))];
}

/**
 * Parses one MedQuAD XML document. Returns the document or a problem naming file and element;
 * never throws. Real variants are accepted (see docs/medquad.md); anything else is a problem.
 */
export function parseMedquadXml(xml: string, file: string): MedquadDocument | MedquadProblem {
  try {
    return parseUnchecked(xml, file);
  } catch (err) {
    return problem(file, 'Document', `cannot read document: ${(err as Error).message}`);
  }
}

function parseUnchecked(xml: string, file: string): MedquadDocument | MedquadProblem {
  if (xml.length > MEDQUAD_LIMITS.fileBytes) {
    return problem(file, 'Document', `file is larger than ${MEDQUAD_LIMITS.fileBytes} characters`);
  }
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return problem(file, `line ${valid.err.line}`, `malformed XML: ${valid.err.msg}`);
  }
  let root: Record<string, unknown>;
  try {
    root = asObject(parser.parse(xml));
  } catch (err) {
    return problem(file, 'Document', `cannot parse XML: ${(err as Error).message}`);
  }
  const found = documentElement(root);
  if (!found) return problem(file, 'Document', 'no <Document>, <DiseaseFile> or <doc> element');
  const { doc, name } = found;
  const id = text(doc['@id']).trim();
  const source = text(doc['@source']).trim();
  const url = text(doc['@url']).trim();
  if (!id) return problem(file, `${name}@id`, 'missing id attribute');
  if (!/^[A-Za-z0-9_.-]+$/.test(id))
    return problem(file, `${name}@id`, `id ${JSON.stringify(id.slice(0, 40))} is not a plain identifier`);
  if (!source) return problem(file, `${name}@source`, 'missing source attribute');
  if (!/^[A-Za-z0-9_-]+$/.test(source))
    return problem(file, `${name}@source`, 'source attribute is not a plain publisher code');
  const ann = asObject(doc.FocusAnnotations);
  // Some CDC files put <UMLS> directly under the document instead of inside <FocusAnnotations>.
  const umls = asObject(ann.UMLS ?? doc.UMLS);
  const pairsNode = asObject(doc.QAPairs);
  const rawPairs = Array.isArray(pairsNode.QAPair) ? (pairsNode.QAPair as unknown[]).map(asObject) : [];
  const pairs: MedquadPair[] = [];
  for (const [i, p] of rawPairs.entries()) {
    const q = p.Question;
    const qObj = asObject(q);
    const qtype = text(qObj['@qtype']).trim();
    const question = text(q).trim();
    const where = `QAPair[${i + 1}]`;
    if (!question) return problem(file, `${where}/Question`, 'missing or empty <Question>');
    if (question.length > MEDQUAD_LIMITS.questionChars) {
      return problem(
        file,
        `${where}/Question`,
        `question longer than ${MEDQUAD_LIMITS.questionChars} characters`,
      );
    }
    if (!qtype) return problem(file, `${where}/Question@qtype`, 'missing qtype attribute');
    if (typeof p.Answer === 'object' && p.Answer !== null && !('#text' in p.Answer)) {
      return problem(file, `${where}/Answer`, '<Answer> contains elements instead of text');
    }
    const answer = text(p.Answer);
    if (answer.length > MEDQUAD_LIMITS.answerChars) {
      return problem(file, `${where}/Answer`, `answer longer than ${MEDQUAD_LIMITS.answerChars} characters`);
    }
    pairs.push({
      pid: text(p['@pid']).trim() || String(i + 1),
      qid: text(qObj['@qid']),
      qtype,
      question,
      answer,
    });
  }
  const pids = new Set<string>();
  for (const [i, p] of pairs.entries()) {
    if (pids.has(p.pid)) return problem(file, `QAPair[${i + 1}]@pid`, `pid "${p.pid}" is used twice`);
    pids.add(p.pid);
  }
  let focus = text(doc.Focus).trim();
  let focusFrom: MedquadDocument['focusFrom'] = 'element';
  if (!focus) {
    const derived = deriveFocus(
      pairs.map((p) => p.question),
      url,
    );
    if (!derived)
      return problem(
        file,
        'Focus',
        'missing or empty <Focus>, and no focus can be derived from the questions or URL',
      );
    focus = derived.focus;
    focusFrom = derived.from;
    for (const p of pairs)
      if (EMPTY_SLOT.test(p.question)) p.question = p.question.replace(/\s*\?(\s*\?)?\s*$/, ` ${focus} ?`);
  }
  if (focus.length > MEDQUAD_LIMITS.focusChars) {
    return problem(file, 'Focus', `focus longer than ${MEDQUAD_LIMITS.focusChars} characters`);
  }
  return {
    id,
    source,
    url,
    focus,
    focusFrom,
    cuis: cuisOf(umls),
    semanticTypes: list(asObject(umls.SemanticTypes).SemanticType),
    semanticGroup: text(umls.SemanticGroup).trim() || null,
    synonyms: list(asObject(ann.Synonyms).Synonym).map((s) => s.trim()),
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
    // Natural order, so folder 10_… would follow 9_… and GARD (2_) precedes GHR (3_) as upstream numbers them.
    for (const name of readdirSync(d).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
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
  const doc = parseMedquadXml(xml, file);
  // Ten CancerGov files (0000013_2_1.xml … 0000013_3_4.xml) repeat the id of 0000013_2.xml or
  // 0000013_3.xml although they describe other conditions; their file name is their identity.
  const stem = basename(file, '.xml');
  if (!isMedquadProblem(doc) && stem !== doc.id && stem.startsWith(`${doc.id}_`)) doc.id = stem;
  return doc;
}

/** Locates the MedQuAD folder: $MEDQUAD_DIR, else ../shared/data/medquad beside the repository. */
export function defaultMedquadDir(repoRoot: string): string {
  return process.env.MEDQUAD_DIR ?? join(repoRoot, '..', 'shared', 'data', 'medquad');
}
