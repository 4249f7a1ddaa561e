/**
 * SearchDocuments straight from MedQuAD XML (no store), for eval, training and benchmarks.
 * Conditions are keyed by the slug of the document focus; the qtype → aspect table is the
 * importer's (src/import/medquad/aspects.ts) so eval and the real import agree.
 */
import { slugify } from '../src/content/index.js';
import {
  aspectForQtype,
  cleanQuestion,
  isMedquadProblem,
  listMedquadFiles,
  readMedquadFile,
} from '../src/import/medquad/index.js';
import type { SearchDocument } from '../src/search/index.js';

function firstWords(text: string, n: number): string {
  const ws = text.split(/\s+/).filter(Boolean);
  return ws.slice(0, n).join(' ') + (ws.length > n ? ' …' : '');
}

/**
 * `qtypes`, when given, receives every indexed answer's MedQuAD question type by answer key
 * (`medquad:<source>:<documentId>:<pairId>`), for labels that name a document and a qtype.
 */
export function medquadDocuments(dir: string, qtypes?: Map<string, string>): SearchDocument[] {
  const docs: SearchDocument[] = [];
  const used = new Set<string>();
  for (const file of listMedquadFiles(dir)) {
    const d = readMedquadFile(file);
    if (isMedquadProblem(d)) continue;
    const condition = slugify(d.focus) || 'unnamed';
    for (const p of d.pairs) {
      const aspect = aspectForQtype(p.qtype);
      if (!aspect || !p.answer.trim()) continue;
      let answerId = `${condition}/${aspect}`;
      for (let k = 2; used.has(answerId); k++) answerId = `${condition}/${aspect}-${k}`;
      used.add(answerId);
      qtypes?.set(`medquad:${d.source}:${d.id}:${p.pid}`, p.qtype.trim().toLowerCase());
      docs.push({
        answerId,
        condition,
        conditionName: d.focus,
        synonyms: d.synonyms,
        aspect,
        question: cleanQuestion(p.question),
        tldr: firstWords(p.answer, 50),
        body: p.answer,
        reviewed: false,
        // As the importer stores it (src/import/medquad/plan.ts): publisher code, document id, pair id, URL.
        origin: {
          collection: 'medquad',
          publisher: d.source,
          documentId: d.id,
          pairId: p.pid,
          ...(/^https?:\/\//.test(d.url) ? { url: d.url } : {}),
        },
        cuis: d.cuis,
      });
    }
  }
  return docs;
}
