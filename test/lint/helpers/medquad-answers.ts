/**
 * MedQuAD answers as MedBrief Markdown answers, the way an importer would write them: the first
 * sentence(s) become a derived TL;DR (and are not repeated in the body), inline " - item" runs
 * become Markdown lists, the publisher is kept as origin. Used by the false-positive corpus test
 * and the lint benchmark.
 */
import { stringify } from 'yaml';
import { slugify } from '../../../src/content/index.js';
import { splitSentences } from '../../../src/content/text/sentences.js';
import { isMedquadProblem, listMedquadFiles, readMedquadFile } from '../../../src/import/medquad/parse.js';

/** MedQuAD question types → MedBrief aspects (for the corpus only; the importer owns its own table). */
const QTYPE_TO_ASPECT: Record<string, string> = {
  information: 'overview',
  causes: 'causes',
  'genetic changes': 'causes',
  symptoms: 'symptoms',
  'exams and tests': 'diagnosis',
  stages: 'diagnosis',
  treatment: 'treatment',
  outlook: 'outlook',
  inheritance: 'inheritance',
  frequency: 'frequency',
  prevention: 'prevention',
  complications: 'complications',
  susceptibility: 'risk-factors',
  research: 'research',
  considerations: 'living-with',
  'support groups': 'living-with',
};

export interface CorpusAnswer {
  id: string;
  text: string;
}

function toMarkdownBody(answer: string): string {
  return answer
    .replace(/\s+-\s+(?=\S)/g, '\n- ')
    .replace(/:\n- /g, ':\n\n- ')
    .replace(/([.!?])\n- /g, '$1\n\n- ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}

export function medquadAnswerMarkdown(
  doc: { id: string; source: string; url: string; focus: string },
  pair: { pid: string; qtype: string; question: string; answer: string },
): string | null {
  const aspect = QTYPE_TO_ASPECT[pair.qtype];
  const body = toMarkdownBody(pair.answer);
  if (!aspect || !body) return null;
  const firstBlockEnd = body.search(/\n/);
  const firstBlock = firstBlockEnd === -1 ? body : body.slice(0, firstBlockEnd);
  const sentences = splitSentences(firstBlock);
  let end = 0;
  let words = 0;
  for (const s of sentences) {
    // A TL;DR never ends by introducing a list: the list stays with its sentence in the body.
    if (firstBlock.slice(s.start, s.end).trimEnd().endsWith(':')) break;
    const n = firstBlock.slice(s.start, s.end).split(/\s+/).length;
    if (end && words + n > 50) break;
    words += n;
    end = s.end;
    if (words >= 25) break;
  }
  const derived = firstBlock.slice(0, end).trim();
  // When the answer opens with a list introduction ("These resources address …:"), that sentence
  // is all a program can take as TL;DR; list-empty then rightly reports it (see docs/lint-corpus.md).
  const tldr = derived || firstBlock.slice(0, sentences[0]?.end ?? firstBlock.length).trim();
  const rest = body.slice(tldr.length).trim();
  const question = pair.question.replace(/\s+\?$/, '?').replace(/\(are\) /, '');
  const fm = {
    question: question.endsWith('?') ? question : `${question}?`,
    condition: slugify(doc.focus) || 'unknown',
    aspect,
    tldr,
    tldr_derived: true,
    origin: {
      collection: 'medquad',
      publisher: doc.source,
      documentId: doc.id,
      pairId: pair.pid,
      url: doc.url || undefined,
    },
  };
  return `---\n${stringify(fm, { lineWidth: 100 })}---\n${rest}\n`;
}

/** `count` answers spread evenly over the whole corpus (every k-th usable pair), in a stable order. */
export function sampleMedquadAnswers(dir: string, count: number): CorpusAnswer[] {
  const all: CorpusAnswer[] = [];
  for (const file of listMedquadFiles(dir)) {
    const doc = readMedquadFile(file);
    if (isMedquadProblem(doc)) continue;
    for (const pair of doc.pairs) {
      const text = medquadAnswerMarkdown(doc, pair);
      if (text) all.push({ id: `${doc.source}/${doc.id}#${pair.pid}`, text });
    }
  }
  if (count >= all.length) return all;
  const step = all.length / count;
  return Array.from({ length: count }, (_, i) => all[Math.floor(i * step)]!);
}
