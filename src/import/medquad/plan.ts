/**
 * Planning an import (pure): MedQuAD documents in, conditions with their answers out. The whole
 * plan is computed before anything is written, so merging, answer order and duplicate links do
 * not depend on batch boundaries, and a re-import or a resumed import plans exactly the same.
 *
 * Conditions merge (docs/medquad.md has the measurements behind these rules):
 * 1. documents whose focus names are the same name ("Huntington's Disease" = "Huntington disease",
 *    "Crohn's" = "Crohns");
 * 2. documents that name each other as synonyms AND share a UMLS CUI that identifies a concept
 *    (carried by at most two names in the import) AND are not a type and its parent
 *    ("Hemophilia B" never merges into "Hemophilia").
 * MedQuAD's CUIs alone cannot merge: GARD annotates words ("syndrome" = C0039082 is on 290
 * documents), and GARD subtypes list their parent as a synonym.
 */
import { createHash } from 'node:crypto';
import {
  type Answer,
  AnswerSchema,
  type Aspect,
  canonicalJson,
  type Origin,
  type Source,
  slugify,
} from '../../content/index.js';
import { aspectForQtype } from './aspects.js';
import { addCleanupCounts, cleanAnswer, duplicateKey, emptyCleanupCounts } from './clean.js';
import type { MedquadDocument, MedquadProblem } from './parse.js';
import type {
  ImportPlan,
  PlannedAnswer,
  PlannedCondition,
  PlannedDocument,
  PlanOptions,
  PlanReport,
} from './plan-types.js';
import { MEDQUAD_SNAPSHOT_DATE, medquadPublisherName } from './publishers.js';
import { cleanQuestion } from './question.js';
import { DEFAULT_TLDR_WORDS, deriveTldr } from './tldr.js';

export type { ImportPlan, PlannedAnswer, PlannedCondition, PlannedDocument, PlanOptions, PlanReport };

/** Bump when the planned output for the same input changes, so re-imports rewrite what changed. */
export const MEDQUAD_IMPORTER_VERSION = 1;

/** A CUI carried by more distinct names than this is a word annotation, not a concept of its own. */
const MAX_NAMES_PER_IDENTIFYING_CUI = 2;

export function nameKey(name: string): string {
  return slugify(name.replace(/['’]s\b/gi, ''));
}

export function documentKey(doc: { source: string; id: string }): string {
  return `medquad:${doc.source}:${doc.id}`;
}

function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function displayName(focus: string): string {
  // GHR writes names in lower case ("caudal regression syndrome"); a page title starts with a capital.
  return /^[a-z]/.test(focus) ? focus.charAt(0).toUpperCase() + focus.slice(1) : focus;
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface PreparedPair {
  originKey: string;
  origin: Origin;
  qtype: string;
  aspect: Aspect;
  question: string;
  markdown: string;
  tldr: string;
  dupKey: string;
}

interface PreparedDocument {
  doc: MedquadDocument;
  key: string;
  pairs: PreparedPair[];
}

/** Cleans one document's pairs; a problem in any pair rejects the whole document. */
function prepareDocument(
  doc: MedquadDocument,
  file: string,
  tldrWords: number,
  report: PlanReport,
): PreparedDocument | MedquadProblem {
  const key = documentKey(doc);
  const pairs: PreparedPair[] = [];
  let cleanup = emptyCleanupCounts();
  let empty = 0;
  for (const [i, p] of doc.pairs.entries()) {
    const aspect = aspectForQtype(p.qtype);
    if (!aspect) {
      return {
        file,
        element: `QAPair[${i + 1}]/Question@qtype`,
        message: `unknown qtype "${p.qtype}"; add it to src/import/medquad/aspects.ts`,
      };
    }
    if (!p.answer.trim()) {
      empty++;
      continue;
    }
    const cleaned = cleanAnswer(p.answer);
    cleanup = addCleanupCounts(cleanup, cleaned.counts);
    const firstItem = cleaned.paragraphs[0]?.text ?? '';
    const tldr = deriveTldr(cleaned.paragraphs, tldrWords) || firstItem;
    if (!cleaned.markdown.trim() || !tldr) {
      empty++;
      continue;
    }
    const origin: Origin = {
      collection: 'medquad',
      publisher: doc.source,
      documentId: doc.id,
      pairId: p.pid,
    };
    if (isHttpUrl(doc.url)) origin.url = doc.url;
    const question = cleanQuestion(p.question);
    const check = AnswerSchema.safeParse({
      question,
      condition: 'x',
      aspect,
      tldr,
      body: cleaned.markdown,
      origin,
    });
    if (!check.success) {
      const issue = check.error.issues[0]!;
      return {
        file,
        element: `QAPair[${i + 1}]`,
        message: `cannot become an answer: ${issue.path.join('.')} ${issue.message}`,
      };
    }
    pairs.push({
      originKey: `${key}:${p.pid}`,
      origin,
      qtype: p.qtype,
      aspect,
      question,
      markdown: cleaned.markdown,
      tldr,
      dupKey: duplicateKey(cleaned.paragraphs),
    });
  }
  // Counted only once the document is accepted, so a rejected document adds nothing.
  report.cleanup = addCleanupCounts(report.cleanup, cleanup);
  report.emptyAnswers += empty;
  return { doc, key, pairs };
}

function sourceFor(doc: MedquadDocument, id: string): Source | null {
  if (!isHttpUrl(doc.url)) return null;
  const publisher = medquadPublisherName(doc.source);
  return {
    id,
    title: `${displayName(doc.focus)} (${publisher})`,
    url: doc.url,
    publisher,
    accessed: MEDQUAD_SNAPSHOT_DATE,
  };
}

/** Groups documents into conditions by the rules in this file's header. */
function groupDocuments(
  docs: PreparedDocument[],
  identifying: (cui: string) => boolean,
): PreparedDocument[][] {
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const keys = docs.map((d) => nameKey(d.doc.focus));
  const synonymKeys = docs.map((d) => new Set(d.doc.synonyms.map(nameKey)));
  const byName = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = byName.get(k) ?? [];
    list.push(i);
    byName.set(k, list);
  });
  for (const list of byName.values()) for (const i of list.slice(1)) union(list[0]!, i);
  // Names that differ only in punctuation MedQuAD sometimes dropped ("Crohn's" / "Crohns") share a slug.
  const bySlug = new Map<string, number>();
  docs.forEach((d, i) => {
    const s = slugify(displayName(d.doc.focus));
    const first = bySlug.get(s);
    if (first === undefined) bySlug.set(s, i);
    else union(first, i);
  });
  docs.forEach((d, i) => {
    for (const syn of synonymKeys[i]!) {
      for (const j of byName.get(syn) ?? []) {
        const a = keys[i]!;
        const b = keys[j]!;
        if (a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`)) continue;
        if (!synonymKeys[j]!.has(a)) continue;
        if (d.doc.cuis.some((c) => identifying(c) && docs[j]!.doc.cuis.includes(c))) union(i, j);
      }
    }
  });
  const groups = new Map<number, PreparedDocument[]>();
  docs.forEach((d, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(d);
    groups.set(root, list);
  });
  // Roots are the smallest index of each group, so groups come out in document order.
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, g]) => g);
}

function planCondition(
  group: PreparedDocument[],
  identifyingCui: (c: string) => boolean,
  report: PlanReport,
): PlannedCondition {
  // The name most documents use; ties go to the earliest document.
  const votes = new Map<string, number>();
  for (const d of group) votes.set(nameKey(d.doc.focus), (votes.get(nameKey(d.doc.focus)) ?? 0) + 1);
  const bestKey = [...votes.entries()].reduce((best, e) => (e[1] > best[1] ? e : best))[0];
  const named = group.filter((d) => nameKey(d.doc.focus) === bestKey);
  const nameDoc = named.find((d) => /^[A-Z0-9]/.test(d.doc.focus)) ?? named[0]!;
  const name = displayName(nameDoc.doc.focus);
  const slug = slugify(name);

  const synonyms: string[] = [];
  const seen = new Set([slug]);
  for (const d of group) {
    for (const s of [d.doc.focus, ...d.doc.synonyms]) {
      const k = slugify(s);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      synonyms.push(s);
    }
  }
  const cuis = [...new Set(group.flatMap((d) => d.doc.cuis).filter(identifyingCui))].sort();

  const answers: PlannedAnswer[] = [];
  const kept = new Map<string, PlannedAnswer>();
  const documents: PlannedDocument[] = [];
  for (const d of group) {
    documents.push({
      key: d.key,
      source: d.doc.source,
      id: d.doc.id,
      url: d.doc.url,
      focus: d.doc.focus,
      originKeys: d.pairs.map((p) => p.originKey),
    });
    for (const p of d.pairs) {
      const dupOf = kept.get(`${p.aspect}\u0000${p.dupKey}`);
      if (dupOf) {
        dupOf.duplicates.push({
          originKey: p.originKey,
          origin: p.origin,
          qtype: p.qtype,
          documentKey: d.key,
        });
        const extra = sourceFor(d.doc, `origin-${dupOf.answer.sources.length + 1}`);
        if (extra && !dupOf.answer.sources.some((s) => s.url === extra.url)) dupOf.answer.sources.push(extra);
        report.duplicatesLinked++;
        continue;
      }
      const source = sourceFor(d.doc, 'origin');
      const planned: PlannedAnswer = {
        originKey: p.originKey,
        origin: p.origin,
        qtype: p.qtype,
        documentKey: d.key,
        answer: {
          question: p.question,
          condition: slug,
          aspect: p.aspect,
          tldr: p.tldr,
          tldr_derived: true,
          audience: 'patient',
          sources: source ? [source] : [],
          origin: p.origin,
          body: p.markdown,
        },
        duplicates: [],
      };
      kept.set(`${p.aspect}\u0000${p.dupKey}`, planned);
      answers.push(planned);
    }
  }
  const fingerprint = sha256(
    canonicalJson({ v: MEDQUAD_IMPORTER_VERSION, slug, name, synonyms, cuis, documents, answers }),
  );
  return { slug, name, synonyms, cuis, documents, answers, fingerprint };
}

/**
 * Plans the import of parsed documents (in the order given: folder order, then file order).
 * Problems from parsing are passed in so the report lists every document not imported.
 */
export function planMedquadImport(
  parsed: (MedquadDocument | MedquadProblem)[],
  options: PlanOptions = {},
): ImportPlan {
  const report: PlanReport = {
    documents: 0,
    pairs: 0,
    emptyAnswers: 0,
    duplicatesLinked: 0,
    focusDerived: 0,
    synonymsRead: 0,
    qtypes: {},
    cleanup: emptyCleanupCounts(),
    problems: [],
  };
  const tldrWords = options.tldrWords ?? DEFAULT_TLDR_WORDS;
  const fileOf = options.fileOf ?? ((d: MedquadDocument) => `${d.source}/${d.id}`);
  const prepared: PreparedDocument[] = [];
  const seenKeys = new Map<string, string>();
  for (const item of parsed) {
    if ('element' in item) {
      report.problems.push(item);
      continue;
    }
    const file = fileOf(item);
    const key = documentKey(item);
    const earlier = seenKeys.get(key);
    if (earlier) {
      report.problems.push({
        file,
        element: 'Document@id',
        message: `document ${key} was already read from ${earlier}`,
      });
      continue;
    }
    if (!slugify(item.focus)) {
      report.problems.push({
        file,
        element: 'Focus',
        message: `focus "${item.focus}" has no letters or digits to name a page by`,
      });
      continue;
    }
    const doc = prepareDocument(item, file, tldrWords, report);
    if ('element' in doc) {
      report.problems.push(doc);
      continue;
    }
    seenKeys.set(key, file);
    prepared.push(doc);
    report.documents++;
    report.pairs += item.pairs.length;
    report.synonymsRead += item.synonyms.length;
    if (item.focusFrom !== 'element') report.focusDerived++;
    for (const p of item.pairs)
      if (p.answer.trim()) report.qtypes[p.qtype] = (report.qtypes[p.qtype] ?? 0) + 1;
  }
  const namesPerCui = new Map<string, Set<string>>();
  for (const d of prepared) {
    for (const c of d.doc.cuis) {
      const names = namesPerCui.get(c) ?? new Set<string>();
      names.add(nameKey(d.doc.focus));
      namesPerCui.set(c, names);
    }
  }
  const identifying = (c: string) => (namesPerCui.get(c)?.size ?? 0) <= MAX_NAMES_PER_IDENTIFYING_CUI;
  const conditions = groupDocuments(prepared, identifying).map((g) => planCondition(g, identifying, report));
  return { conditions, report };
}

/** Validates a planned answer once its condition and slug are known (the writer calls this). */
export function finaliseAnswer(planned: PlannedAnswer, condition: string, slug: string): Answer {
  return AnswerSchema.parse({ ...planned.answer, condition, slug });
}
