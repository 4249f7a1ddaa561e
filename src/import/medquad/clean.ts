/**
 * Clean-up of MedQuAD answer text into Markdown (pure). Every kind of repair is counted so the
 * import report can say what a real corpus needed:
 * - whitespace: runs of spaces, indentation, NBSP and zero-width characters, blank-line runs;
 * - bullets: inline lists written as "text:    - item    - item" become Markdown list items;
 * - question artefacts: answers that start by repeating a question ("What causes X? X is …")
 *   or carry "Question: … Answer:" labels;
 * - entities: HTML entities left after XML decoding ("&amp;nbsp;" → "&nbsp;" → " ").
 */
import { escapeProse } from '../../content/index.js';
import { decodeHtmlEntities } from './entities.js';

export interface CleanupCounts {
  /** Answers whose white space changed beyond trimming. */
  whitespace: number;
  /** List items produced from inline or "•" bullets. */
  bullets: number;
  /** Leading repeated questions or "Question:/Answer:" labels removed. */
  questionArtefacts: number;
  /** HTML entities decoded. */
  entities: number;
}

export function emptyCleanupCounts(): CleanupCounts {
  return { whitespace: 0, bullets: 0, questionArtefacts: 0, entities: 0 };
}

export function addCleanupCounts(a: CleanupCounts, b: CleanupCounts): CleanupCounts {
  return {
    whitespace: a.whitespace + b.whitespace,
    bullets: a.bullets + b.bullets,
    questionArtefacts: a.questionArtefacts + b.questionArtefacts,
    entities: a.entities + b.entities,
  };
}

/** A bullet written inline: two or more spaces (or a line start), a dash or "•", then text. */
const INLINE_BULLET = /(?:^|\s{2,})(?:-|•|\u2022|\*)\s+(?=\S)/;
const INLINE_BULLET_SPLIT = /(?:^|\s{2,})(?:-|•|\u2022|\*)\s+(?=\S)/g;
/** A leading question of at most ~200 characters, e.g. "What causes X? " at the start of a GARD answer. */
const LEADING_QUESTION =
  /^(?:(?:what|how|who|why|when|where|which|is|are|can|does|do|should|might)\b[^?.!\n]{0,200}\?)\s+(?=\S)/i;
const QA_LABELS = /^\s*Question:\s*[^\n]*?\?\s*Answer:\s*/i;

/** Characters with no place in prose: zero-width spaces and joiners, soft hyphens, BOMs. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

/** Escapes what Markdown would otherwise read as markup; the text is prose, not Markdown. */
/** Answer text is prose: escape what Markdown would read as markup (shared with the page importer). */
export const escapeMarkdown = escapeProse;

export interface CleanedAnswer {
  /** The answer as Markdown: paragraphs and "- " list items separated by blank lines. */
  markdown: string;
  /** Plain text (no Markdown escapes), for the TL;DR and duplicate detection. */
  paragraphs: { kind: 'p' | 'li'; text: string }[];
  counts: CleanupCounts;
}

export function cleanAnswer(raw: string): CleanedAnswer {
  const counts = emptyCleanupCounts();
  const decoded = decodeHtmlEntities(raw);
  counts.entities += decoded.count;
  let text = decoded.text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[\u00A0\u2007\u202F\t]/g, ' ');

  const labelled = QA_LABELS.exec(text);
  if (labelled) {
    text = text.slice(labelled[0].length);
    counts.questionArtefacts++;
  }
  const lead = LEADING_QUESTION.exec(text.trimStart());
  if (lead) {
    text = text.trimStart().slice(lead[0].length);
    counts.questionArtefacts++;
  }

  const paragraphs: CleanedAnswer['paragraphs'] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    if (!INLINE_BULLET.test(line)) {
      paragraphs.push({ kind: 'p', text: squash(line) });
      continue;
    }
    const parts = line.split(INLINE_BULLET_SPLIT);
    const intro = parts.shift() ?? '';
    if (intro.trim()) paragraphs.push({ kind: 'p', text: squash(intro) });
    for (const item of parts) {
      if (!item.trim()) continue;
      paragraphs.push({ kind: 'li', text: squash(item) });
      counts.bullets++;
    }
  }
  const plain = paragraphs.map((p) => p.text).join('\n');
  if (plain !== raw.trim() && /\s{2,}|\n\s*\n\s*\n|^\s+\S/m.test(raw.trim())) counts.whitespace++;

  const blocks: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (list.length) blocks.push(list.join('\n'));
    list = [];
  };
  for (const p of paragraphs) {
    if (p.kind === 'li') {
      list.push(`- ${escapeMarkdown(p.text)}`);
    } else {
      flush();
      blocks.push(escapeMarkdown(p.text));
    }
  }
  flush();
  return { markdown: blocks.join('\n\n'), paragraphs, counts };
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The text two answers are compared by when looking for duplicates: letters and digits only. */
export function duplicateKey(paragraphs: { text: string }[]): string {
  return paragraphs
    .map((p) => p.text)
    .join(' ')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
