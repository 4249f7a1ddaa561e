/**
 * The generated development question set: each sampled MedQuAD question rewritten the way
 * patients write — another name for the condition (synonym, lay word), misspellings, consumer
 * framing (a subject line, background, "my son…"), and question wording unlike MedQuAD's
 * templates. Seeded, so every run and machine gets the same set.
 *
 * Answerable questions are relevant to every answer with the same condition and aspect.
 * Unanswerable ones ask about conditions held out of the index, or are off-topic: both should
 * abstain.
 */
import type { Aspect } from '../src/content/index.js';
import type { SearchDocument } from '../src/search/index.js';

export interface DevQuestion {
  id: string;
  question: string;
  /** Relevant answerIds; empty for questions that should abstain. */
  relevant: string[];
  kind: 'answerable' | 'held-out' | 'off-topic';
  source?: string;
}

/** mulberry32: small, fast, good enough for sampling, identical everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Consumer wordings per aspect — deliberately not MedQuAD's "What are the treatments for X ?". */
const TEMPLATES: Record<Aspect, string[]> = {
  overview: [
    'what is {f} exactly',
    'can someone explain {f} to me',
    'i want to learn about {f}',
    'what does it mean to have {f}',
    'info on {f} please',
    '{f} - what is it?',
  ],
  causes: [
    'why do people get {f}',
    'what triggers {f}',
    'how did i end up with {f}',
    'what is the reason someone develops {f}',
    'is {f} caused by something i did',
    'where does {f} come from',
  ],
  symptoms: [
    'how do i know if i have {f}',
    'what does {f} feel like',
    'signs my child might have {f}',
    'what happens to your body with {f}',
    'what should i look out for with {f}',
  ],
  diagnosis: [
    'how do doctors find out if you have {f}',
    'what test shows {f}',
    'how can {f} be confirmed',
    'how would a doctor check for {f}',
    'what stage is my {f} and how do they tell',
  ],
  treatment: [
    'is there a cure for {f}',
    'how do you get rid of {f}',
    'what can i take for {f}',
    'best way to manage {f}?',
    'my doctor says i have {f}, what are my options for therapy',
    'what medicine helps {f}',
  ],
  outlook: [
    'will i get better from {f}',
    'what is the life expectancy with {f}',
    'does {f} go away',
    'what is the prognosis if you have {f}',
    'how serious is {f} long term',
  ],
  inheritance: [
    'will my kids get {f} from me',
    'does {f} run in families',
    'can {f} be passed down',
    'is {f} genetic',
  ],
  frequency: ['how common is {f}', 'how rare is {f}', 'how many people have {f}'],
  prevention: [
    'how can i avoid getting {f}',
    'can {f} be prevented',
    'what lowers my risk of {f}',
    'how do i stop my family from getting {f}',
  ],
  complications: [
    'what problems can {f} lead to',
    'can {f} cause other health problems',
    'what are the dangers of {f}',
  ],
  'risk-factors': ['who is likely to get {f}', 'am i at risk of {f}', 'who gets {f}'],
  'living-with': [
    'how do i cope with {f}',
    'what should i do about {f} day to day',
    'tips for living with {f}',
  ],
  research: ['any new studies on {f}', 'are there clinical trials for {f}', 'latest research about {f}'],
  'when-to-see-a-doctor': ['should i see a doctor about {f}', 'when do i need a doctor for {f}'],
};

const FRAMES = [
  (f: string, q: string) => `${f}. My mother was just told she has this and we are all worried. ${q}?`,
  (f: string, q: string) =>
    `Question about ${f}. Hi, I am 45 and my doctor mentioned it at my last visit but did not explain much. ${q}? Thanks`,
  (_: string, q: string) => `${q}??`,
  (_: string, q: string) => `hello, ${q}. thank you`,
  (_: string, q: string) => `my son is 12 and ${q}?`,
  (_: string, q: string) => q,
  (_: string, q: string) => `${q}?`,
];

/** A few lay names, independent of the engine's table on purpose. */
const LAY_NAMES: Record<string, string[]> = {
  hypertension: ['high blood pressure'],
  'high blood pressure': ['high bp'],
  diabetes: ['sugar diabetes', 'blood sugar problems'],
  'heart attack': ['heart attack'],
  osteoporosis: ['thinning bones'],
  'kidney stones': ['kidney stone'],
  influenza: ['flu'],
  'the flu': ['flu'],
  conjunctivitis: ['pink eye'],
  'gastroesophageal reflux disease': ['acid reflux'],
  gerd: ['acid reflux'],
  hemorrhoids: ['piles'],
  tinnitus: ['ringing ears'],
};

/** One random typing error in a word: drop, double, swap or replace a vowel. */
export function misspell(word: string, r: () => number): string {
  if (word.length < 5) return word;
  const i = 1 + Math.floor(r() * (word.length - 2));
  switch (Math.floor(r() * 4)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
    default: {
      const vowels = 'aeiou';
      const j = [...word].findIndex((c, k) => k >= i && vowels.includes(c));
      if (j < 0) return word;
      const other = vowels.replace(word[j]!, '');
      return word.slice(0, j) + pick(r, [...other]) + word.slice(j + 1);
    }
  }
}

/** A name as a patient would type it: without "(…)" and subtitles, lower case. */
function plainName(name: string): string {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split(/:|\s-\s/)[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function surfaceName(doc: SearchDocument, r: () => number): string {
  const names = [doc.conditionName, ...doc.synonyms.filter((s) => s.length > 3 && s.length < 60)].map(
    plainName,
  );
  let name = r() < 0.35 && names.length > 1 ? pick(r, names.slice(1)) : names[0]!;
  const lay = LAY_NAMES[name];
  if (lay && r() < 0.6) name = pick(r, lay);
  if (r() < 0.4) {
    const ws = name.split(' ');
    const k = ws.findIndex((w) => w.length >= 6);
    if (k >= 0) ws[k] = misspell(ws[k]!, r);
    name = ws.join(' ');
  }
  return name;
}

export const OFF_TOPIC = [
  'how do i fix my car',
  'my car makes a grinding noise when i brake',
  'what is the best pizza recipe',
  'how do i file my taxes online',
  'who won the world cup in 2018',
  'how to reset my wifi router',
  'best way to learn javascript',
  'what time is it in tokyo',
  'how do i change a flat tire',
  'recommend a good movie for tonight',
  'how many ounces in a cup',
  'what is the capital of australia',
  'how to grow tomatoes on a balcony',
  'my laptop screen is flickering',
  'how do i cancel my phone contract',
  'cheap flights to paris in may',
  'how to train a puppy to sit',
  'what is the stock price of apple',
  'how to write a cover letter',
  'why is the sky blue',
  'how do i unclog a kitchen sink',
  'what should i name my cat',
  'is it going to rain tomorrow',
  'how long to boil an egg',
  'how do i paint a bedroom wall',
  'what is a good gift for my boss',
  'how to fix a leaking tap',
  'translate hello into spanish',
  'how do i get a passport',
  'best running shoes for beginners',
  'how does bitcoin work',
  'where can i watch football tonight',
  'how to make my lawn greener',
  'what is the plot of hamlet',
  'how to knit a scarf',
  'my bike chain keeps falling off',
  'how to set up a printer',
  'how much does a new roof cost',
  'what is the speed of light',
  'how to clean a leather sofa',
];

export interface DevSetOptions {
  seed?: number;
  answerable?: number;
  heldOutConditions?: number;
  heldOutQuestions?: number;
}

/**
 * Splits the corpus (some conditions held out of the index) and generates the question set.
 * Returns the documents to index and the questions.
 */
export function buildDevSet(
  docs: SearchDocument[],
  options: DevSetOptions = {},
): { indexed: SearchDocument[]; questions: DevQuestion[] } {
  const r = rng(options.seed ?? 20_260_401);
  const conditions = [...new Set(docs.map((d) => d.condition))].sort();
  const heldOut = new Set<string>();
  while (heldOut.size < Math.min(options.heldOutConditions ?? 150, conditions.length / 10)) {
    heldOut.add(pick(r, conditions));
  }
  // Held-out conditions must not be reachable under another slug by the same name.
  const heldNames = new Set(
    docs.filter((d) => heldOut.has(d.condition)).map((d) => plainName(d.conditionName)),
  );
  const indexed = docs.filter((d) => !heldOut.has(d.condition) && !heldNames.has(plainName(d.conditionName)));
  const byKey = new Map<string, string[]>();
  for (const d of indexed) {
    const k = `${d.condition}|${d.aspect}`;
    byKey.set(k, [...(byKey.get(k) ?? []), d.answerId]);
  }
  const questions: DevQuestion[] = [];
  const make = (doc: SearchDocument) => {
    const f = surfaceName(doc, r);
    const q = pick(r, TEMPLATES[doc.aspect]).replace('{f}', f);
    return pick(r, FRAMES)(f, q);
  };
  const n = options.answerable ?? 1_500;
  for (let i = 0; i < n; i++) {
    const doc = indexed[Math.floor(r() * indexed.length)]!;
    questions.push({
      id: `a${i}`,
      question: make(doc),
      relevant: byKey.get(`${doc.condition}|${doc.aspect}`) ?? [doc.answerId],
      kind: 'answerable',
      source: doc.question,
    });
  }
  const held = docs.filter((d) => heldOut.has(d.condition));
  for (let i = 0; i < Math.min(options.heldOutQuestions ?? 150, held.length); i++) {
    const doc = held[Math.floor(r() * held.length)]!;
    questions.push({
      id: `h${i}`,
      question: make(doc),
      relevant: [],
      kind: 'held-out',
      source: doc.question,
    });
  }
  OFF_TOPIC.forEach((q, i) => {
    questions.push({ id: `o${i}`, question: q, relevant: [], kind: 'off-topic' });
  });
  return { indexed, questions };
}
