/**
 * Reading a consumer's message before searching it: the subject line apart from the message, the
 * sentence(s) that ask apart from the background, the focus (a condition we cover, or a medicine,
 * test or procedure, or nothing health-related), and the question type in a vocabulary richer
 * than our aspects (src/content/text/aspects.ts). A message asking several things is answered for
 * its main question; the others are listed.
 *
 * Pure: focus lookup is passed in (the engine owns the condition dictionary), so the parser can be
 * tested and used on its own.
 */
import type { Aspect } from '../content/index.js';
import {
  DRUG_TYPES,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
  type QuestionType,
  TYPE_ASPECT,
} from '../content/text/aspects.js';
import { messageSentences } from '../content/text/sentences.js';
import { drugNames, namesOnlyMedicines } from './drugs.js';
import type { FocusMatch } from './focus.js';
import { medicalWords } from './medical-words.js';
import { clampQuestion, isStopword, words } from './text.js';

export type FocusKind = 'condition' | 'drug' | 'test' | 'procedure' | 'non-health' | 'unknown';

export interface MessageFocus {
  kind: FocusKind;
  /** Condition slug and name when kind is 'condition'. */
  slug?: string;
  name?: string;
  /** The words of the message that named it. */
  phrase?: string;
  strength?: number;
}

export interface ParsedMessage {
  /** The subject line ("SUBJECT: …", or a short first line), or null. */
  subject: string | null;
  /** The main asking sentence (or the subject, or the whole text when nothing asks). */
  question: string;
  /** Other sentences that ask something, in message order (at most 5). */
  otherQuestions: string[];
  /** Sentences that ask nothing (context, history). */
  backgroundSentences: number;
  focus: MessageFocus;
  /** Other conditions named in the asking part of the message. */
  otherConditions: { slug: string; name: string }[];
  /** Medicines named in the asking part. */
  drugs: string[];
  /**
   * True when the message is about a medicine rather than a condition: its subject line is only a
   * medicine's name, or its asking sentence names a medicine and no condition of ours. No page of
   * ours is about a medicine, so the engine abstains whatever the score.
   */
  aboutMedicine: boolean;
  /** The question type; null when nothing in the message asks a specific kind of thing. */
  type: QuestionType | null;
  /** Normalised type scores (sum 1). */
  types: Partial<Record<QuestionType, number>>;
  /** Our aspect that answers it; null with noAspect = none of ours fits; null alone = nothing specific. */
  aspect: Aspect | null;
  noAspect: boolean;
  /** True when only hints gave the type (a symptom word in a few words, no asking template). */
  weakType: boolean;
  /** The aspect-type cues that fired (for explain). */
  cues: string[];
}

export type FocusLookup = (ws: string[]) => FocusMatch[];

/** Sentences asking something: a "?" or a question word at the start, or a polite request. */
const QUESTION_START =
  /^(what|whats|how|why|when|where|who|whom|which|is|are|was|were|can|could|does|do|did|should|will|would|has|have|am|may|might|shall|must|any|anyone|anything)\b/;
const REQUEST =
  /\b(i (would like|want|wanted|need|wish|am trying|m trying|d like) to (know|find|learn|understand|get)|please (tell|let|send|advise|help|explain|provide|give|inform|answer|send)|(looking|searching) for (information|info|help|advice|answers?|a (doctor|treatment|cure))|(any|some) (information|info|advice|help|suggestions?|ideas?)|can you|could you|would you|i (am|m) wondering|i wonder|wondering (if|whether|what|how|why)|need (info|information|help|advice)|is it (possible|true|safe|normal|ok))\b/;

const PRONOUN =
  /^(i|im|i'm|my|me|we|our|he|his|she|her|they|their|it|its|you|your|this|that|there|is|are|was|have|has|had)$/i;

/** Pasted HTML: tags and common entities become spaces/characters. */
function stripHtml(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<(script|style)\b[^>]{0,200}>[\s\S]{0,20000}?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(p|div|br|li|tr|h[1-6])\b[^>]{0,200}>/gi, '\n')
    .replace(/<[^>]{0,300}>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&quot;/gi, '"')
    .replace(/&#39;|&apos;/gi, "'");
}

/** Text as the parser reads it: clamped, control characters and HTML removed. */
export function cleanMessage(raw: string): string {
  return stripHtml(clampQuestion(raw))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function splitSubject(text: string): { subject: string | null; message: string } {
  const m = /^\s*subject:\s*([^\n]*?)\s*(?:\n\s*)?message:\s*/i.exec(text);
  if (m) return { subject: m[1]!.trim() || null, message: text.slice(m[0].length).trim() };
  const nl = text.indexOf('\n');
  if (nl > 0) {
    const first = text.slice(0, nl).trim();
    const rest = text.slice(nl + 1).trim();
    // a short first line without sentence punctuation, followed by a message, is a subject line
    if (rest.length > 0 && first.length <= 120 && !/[.!]$/.test(first))
      return { subject: first, message: rest };
  }
  // "Shingles. My mother has …": a first fragment of a few words that names a topic, not a sentence
  const frag = /^\s*([^.?!\n]{2,60})[.:]\s+(?=\S)/.exec(text);
  if (frag) {
    const ws = frag[1]!.trim().split(/\s+/);
    if (ws.length <= 4 && !ws.some((w) => PRONOUN.test(w))) {
      return { subject: frag[1]!.trim(), message: text.slice(frag[0].length).trim() };
    }
  }
  return { subject: null, message: text };
}

export function isAsking(sentence: string): boolean {
  const s = sentence.toLowerCase().trim();
  return /\?\s*$/.test(s) || QUESTION_START.test(s) || REQUEST.test(s);
}

interface TypeHit {
  scores: Partial<Record<QuestionType, number>>;
  cues: string[];
}

function typeCues(sentence: string): TypeHit {
  const s = sentence.toLowerCase();
  const scores: Partial<Record<QuestionType, number>> = {};
  const cues: string[] = [];
  for (const c of QUESTION_TYPES) {
    if (c.re.test(s)) {
      scores[c.type] = Math.max(scores[c.type] ?? 0, c.weight) + (scores[c.type] ? 0.5 : 0);
      cues.push(c.name);
    }
  }
  return { scores, cues };
}

function strongest(hit: TypeHit): number {
  let best = 0;
  for (const v of Object.values(hit.scores)) if (v! > best) best = v!;
  return best;
}

const MAX_SENTENCES = 60;
const MAX_OTHER_QUESTIONS = 5;
/** Focus strength below which a name is only weak evidence (an everyday word that is also a name). */
const STRONG_FOCUS = 0.3;

/** Everyday words that the medical word list also holds, which say nothing about health. */
const NOT_HEALTH_WORDS = new Set(['best', 'recipe', 'recipes', 'good', 'better', 'great']);

/** Share of content words that are medical or health words; emptiness counts as unknown. */
function healthShare(ws: string[]): number | null {
  const content = ws.filter((w) => !isStopword(w) && w.length > 2 && !/^\d+$/.test(w));
  if (content.length === 0) return null;
  const med = medicalWords();
  let n = 0;
  for (const w of content) if (!NOT_HEALTH_WORDS.has(w) && (med.has(w) || med.has(w.replace(/s$/, '')))) n++;
  return n / content.length;
}

const TEST_WORDS =
  /\b(test|tests|testing|scan|mri|ct|x-?ray|ultrasound|biopsy|blood work|lab results?|levels?|count|screening|mammogram|colonoscopy|ekg|ecg|eeg)\b/;
const PROCEDURE_WORDS =
  /\b(surgery|operation|transplant|procedure|resection|implant|replacement|removal|-ectomy|ectomy|plasty|therapy|injection|vaccine|vaccination)\b/;

/** "this medicine", "these pills", "your product": the asking sentence is about a medicine named before. */
const MEDICINE_REFERENCE =
  /\b(this|that|these|those|your|my|his|her) (medicines?|medications?|meds|drugs?|pills?|tablets?|capsules?|supplements?|products?|cream|patch)\b/;

/**
 * "Is it safe to take …", "Can I take X while I have Y?": whether a medicine may be taken, given a
 * condition or another medicine. No page of ours answers that, whatever condition it names.
 */
const SAFE_TO_TAKE =
  /\b(safe|ok|okay|alright|harmful|dangerous)\b[^.?!]{0,40}\b(take|taking|use|using)\b|\b(can|could|should|may) (i|he|she|we|they|my \w+) (still )?(take|use)\b[^.?!]{0,60}\b(with|while|if|when|since|despite|after)\b/;
const MEDICINE_NOUN =
  /\b(medicines?|medications?|meds|drugs?|pills?|tablets?|capsules?|supplements?|products?|vitamins?|herbs?|herbal|remed(y|ies)|creams?|ointments?|drops|inhalers?)\b/;

/** "Is there a pill or shake …", "a list of approved products": the question asks for a product. */
const ASKS_FOR_PRODUCT =
  /\b(is there|are there|any|which|what|recommend|list of|where (can|do|could) (i|we) (get|find|buy))\b[^.?!]{0,40}\b(pills?|shakes?|products?|supplements?|herbs?|vitamins?|brands?|formulas?)\b/;

export function parseMessage(raw: string, lookup: FocusLookup = () => []): ParsedMessage {
  const text = cleanMessage(raw);
  const { subject, message } = splitSubject(text);
  const all = messageSentences(message).slice(0, MAX_SENTENCES);
  const asking = all.filter(isAsking);
  const hits = new Map<string, TypeHit>();
  const hitOf = (s: string) => {
    let h = hits.get(s);
    if (!h) {
      h = typeCues(s);
      hits.set(s, h);
    }
    return h;
  };

  // main question: the first asking sentence that asks a kind of thing; else the first asking one
  let main = asking.find((s) => strongest(hitOf(s)) >= 2) ?? asking[0];
  if (!main) main = subject && strongest(hitOf(subject)) >= 2 ? subject : (all.at(-1) ?? subject ?? text);
  const otherQuestions = asking.filter((s) => s !== main).slice(0, MAX_OTHER_QUESTIONS);

  // type: main question counts most, the subject next, other questions, then background
  const raw2: Partial<Record<QuestionType, number>> = {};
  const cues: string[] = [];
  const addHit = (s: string, w: number) => {
    const h = hitOf(s);
    for (const [t, v] of Object.entries(h.scores)) {
      raw2[t as QuestionType] = (raw2[t as QuestionType] ?? 0) + v! * w;
    }
    if (w >= 1) for (const c of h.cues) if (!cues.includes(c)) cues.push(c);
  };
  addHit(main, 2);
  if (subject && subject !== main) addHit(subject, 1.2);
  for (const s of otherQuestions) addHit(s, 0.6);
  for (const s of all) if (s !== main && !otherQuestions.includes(s)) addHit(s, 0.2);

  // focus: the earliest part (main question, subject, other questions, background) naming a condition
  const mainWords = words(main);
  const subjectWords = subject ? words(subject) : [];
  const partsInOrder: string[][] = [mainWords, subjectWords, ...otherQuestions.map((s) => words(s))];
  const background = all.filter((s) => s !== main && !otherQuestions.includes(s));
  let focus: MessageFocus | null = null;
  const named = new Map<string, FocusMatch>();
  for (const ws of partsInOrder) {
    for (const f of lookup(ws)) if (!named.has(f.slug)) named.set(f.slug, f);
    if (!focus) {
      const strong = lookup(ws).find((f) => f.strength >= STRONG_FOCUS);
      if (strong) focus = { kind: 'condition', ...strong };
    }
  }
  const askedFocus = focus; // named where the message asks, not only in its background
  if (!focus && background.length > 0) {
    const strong = lookup(words(background.join(' '))).find((f) => f.strength >= STRONG_FOCUS);
    if (strong) {
      focus = { kind: 'condition', ...strong };
      named.set(strong.slug, strong);
    }
  }
  const askingWords = [...mainWords, ...subjectWords, ...otherQuestions.flatMap((s) => words(s))];
  const drugs = drugNames(askingWords);

  let maxCue = 0;
  for (const h of hits.values()) maxCue = Math.max(maxCue, strongest(h));
  // Choose the type. A medicine-only type (maker, dose, price) about a named condition is still
  // about a medicine; "side effects" of a condition's treatment is a treatment question.
  let total = 0;
  for (const t of QUESTION_TYPE_NAMES) total += raw2[t] ?? 0;
  const types: Partial<Record<QuestionType, number>> = {};
  let type: QuestionType | null = null;
  let best = 0;
  for (const t of QUESTION_TYPE_NAMES) {
    const v = raw2[t];
    if (v === undefined) continue;
    types[t] = Math.round((v / total) * 1000) / 1000;
    if (v > best) {
      best = v;
      type = t;
    }
  }
  let aspect: Aspect | null = type ? TYPE_ASPECT[type] : null;
  let noAspect = type !== null && aspect === null;
  if (type === 'side-effects' && focus && drugs.length === 0) {
    aspect = 'treatment';
    noAspect = false;
  } else if (noAspect && !(type && DRUG_TYPES.has(type) && drugs.length > 0)) {
    // a secondary type our pages answer, asked nearly as strongly ("where can I get tested for X")
    let alt: Aspect | null = null;
    let altScore = 0;
    for (const t of QUESTION_TYPE_NAMES) {
      const a = TYPE_ASPECT[t];
      const v = raw2[t] ?? 0;
      if (a && v > altScore) {
        altScore = v;
        alt = a;
      }
    }
    if (alt && altScore >= 0.5 * best && !(type && DRUG_TYPES.has(type) && !focus)) {
      aspect = alt;
      noAspect = false;
    }
  }

  // About a medicine: "SUBJECT: Plaquenil … Is this a quinolone drug?", or "Could she take Motrin
  // along with these meds?" when the asking part names no condition (the background may).
  // A medicine named only in the subject counts when the question asks nothing our pages answer.
  const asksOfMedicine =
    drugNames(mainWords).length > 0 ||
    MEDICINE_REFERENCE.test(main.toLowerCase()) ||
    (drugNames(subjectWords).length > 0 && (type === null || TYPE_ASPECT[type] === null));
  const lowerMain = main.toLowerCase();
  const asksIfSafe =
    SAFE_TO_TAKE.test(lowerMain) && (drugNames(askingWords).length > 0 || MEDICINE_NOUN.test(lowerMain));
  const aboutMedicine =
    namesOnlyMedicines(subjectWords) ||
    ((asksOfMedicine || ASKS_FOR_PRODUCT.test(lowerMain)) && !askedFocus) ||
    asksIfSafe;
  if (aboutMedicine) focus = { kind: 'drug', ...(drugs[0] ? { phrase: drugs[0] } : {}) };

  if (!focus) {
    // nothing named that even looks like a condition of ours: a medicine named anywhere, even only
    // in the background ("I overdosed on Benadryl … Did it do any damage?"), is what it is about
    const medicines =
      drugs.length > 0 || background.length === 0 || lookup(words(text)).length > 0
        ? drugs
        : drugNames(words(background.join(' ')));
    if (medicines.length > 0 || (type !== null && DRUG_TYPES.has(type))) {
      focus = { kind: 'drug', ...(medicines[0] ? { phrase: medicines[0] } : {}) };
    } else if (TEST_WORDS.test(lowerMain)) focus = { kind: 'test' };
    else if (PROCEDURE_WORDS.test(lowerMain)) focus = { kind: 'procedure' };
    else {
      const share = healthShare(words(text));
      focus = { kind: share !== null && share < 0.4 ? 'non-health' : 'unknown' };
    }
  }
  const otherConditions = [...named.values()]
    .filter((f) => f.slug !== focus.slug && f.strength >= STRONG_FOCUS)
    .slice(0, 5)
    .map((f) => ({ slug: f.slug, name: f.name }));

  return {
    subject,
    question: main,
    otherQuestions,
    backgroundSentences: Math.max(0, all.length - asking.length),
    focus,
    otherConditions,
    drugs,
    aboutMedicine,
    type,
    types,
    aspect,
    noAspect,
    weakType: type !== null && maxCue < 2,
    cues,
  };
}
