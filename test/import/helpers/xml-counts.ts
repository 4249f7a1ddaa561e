/**
 * Counts computed straight from MedQuAD's XML text with regular expressions — independently of
 * the importer's parser — so tests can check the importer against them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface XmlFileCounts {
  file: string;
  publisher: string;
  /** Document id as the importer keys it: the id attribute, or the file name when they clash. */
  documentId: string;
  nonEmptyAnswers: number;
  qtypes: Record<string, number>;
  synonyms: number;
}

export function xmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xmlFiles(p));
    else if (name.endsWith('.xml')) out.push(p);
  }
  return out;
}

export function countXmlFile(file: string): XmlFileCounts {
  const xml = readFileSync(file, 'utf8');
  const root = /<(Document|DiseaseFile|doc)\s([^>]*)>/.exec(xml);
  const attrs = root?.[2] ?? '';
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? '';
  const publisher = attr('source') || attr('corpus');
  const id = attr('id') || attr('fid') || attr('docid');
  const stem = basename(file, '.xml');
  const qtypes: Record<string, number> = {};
  let nonEmptyAnswers = 0;
  // A pair is a <QAPair …>…</QAPair> (or legacy <pair …>…</pair>) with a question and an answer.
  for (const m of xml.matchAll(/<(QAPair|pair)\b[^>]*>([\s\S]*?)<\/\1>/g)) {
    const body = m[2]!;
    const answer = /<(Answer|answer)>([\s\S]*?)<\/\1>/.exec(body)?.[2] ?? '';
    if (!answer.trim()) continue;
    nonEmptyAnswers++;
    const qtype = /qtype="([^"]*)"/.exec(body)?.[1] ?? '';
    qtypes[qtype] = (qtypes[qtype] ?? 0) + 1;
  }
  const synonyms = [...xml.matchAll(/<Synonym>([^<]*)<\/Synonym>/g)].filter((m) => m[1]!.trim()).length;
  return {
    file,
    publisher,
    documentId: stem !== id && stem.startsWith(`${id}_`) ? stem : id,
    nonEmptyAnswers,
    qtypes,
    synonyms,
  };
}

export function countXml(dir: string) {
  const files = xmlFiles(dir).map(countXmlFile);
  const qtypes: Record<string, number> = {};
  for (const f of files) for (const [k, v] of Object.entries(f.qtypes)) qtypes[k] = (qtypes[k] ?? 0) + v;
  return {
    files,
    documents: files.length,
    nonEmptyAnswers: files.reduce((n, f) => n + f.nonEmptyAnswers, 0),
    synonyms: files.reduce((n, f) => n + f.synonyms, 0),
    qtypes,
  };
}
