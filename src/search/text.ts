/**
 * Text normalisation shared by indexing and querying. Both sides must tokenise identically, so
 * this is the only place that decides what a "term" is.
 */
import { stemmer } from 'stemmer';

/**
 * Hard limits on the work one question can cause. A 10 MB paste or a binary blob must cost the
 * same as a long consumer message, so input is cut before any per-character or per-token work.
 */
export const LIMITS = {
  /** Characters of a question that are looked at at all. */
  maxChars: 4_000,
  /** Tokens kept after tokenising (a long consumer message is ~300). */
  maxTokens: 400,
  /** Characters of a single token (longer ones are noise: base64, URLs, keyboard mashing). */
  maxTokenChars: 40,
} as const;

/**
 * Function words that carry no topic. Question words (what, how, why, when…) are kept out of
 * retrieval too: the aspect classifier reads them from the raw text instead.
 */
const STOPWORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below
between both but by can can't cannot could couldn't did didn't do does doesn't doing don't down during each
few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself
him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't
my myself no nor not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves then there
there's these they they'd they'll they're they've this those through to too under until up very was wasn't we
we'd we'll we're we've were weren't what what's when when's where where's which while who who's whom why
why's with won't would wouldn't you you'd you'll you're you've your yours yourself yourselves
also just get got really thank thanks please hi hello dear sir madam im ive dont cant doesnt didnt wont
know want like would could need tell anyone someone anybody something anything thing things way may might
much many lot lots well still even ever every one two three yes ok okay u ur pls plz`.split(/\s+/),
);

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** Cuts a question to the characters that will be looked at and removes control characters. */
export function clampQuestion(raw: string): string {
  const cut = raw.length > LIMITS.maxChars ? raw.slice(0, LIMITS.maxChars) : raw;
  return cut
    .normalize('NFKC')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, ' ')
    .trim();
}

/** Lower-case words (letters/digits, inner hyphens and apostrophes dropped), at most `maxTokens`. */
export function words(text: string, maxTokens: number = LIMITS.maxTokens): string[] {
  const out: string[] = [];
  scanWords(text, maxTokens, (w) => out.push(w));
  return out;
}

const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * The tokenizer behind `words`, as a hand-written scanner: indexing 16k answers tokenises ~3M
 * words, and a regex-and-replace pipeline spent most of the build time allocating.
 * Apostrophes join ("don't" → "dont"); every other non-alphanumeric character separates.
 */
export function scanWords(text: string, maxTokens: number, emit: (word: string) => void): void {
  let t = text.toLowerCase();
  if (NON_ASCII.test(t))
    t = t
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/\u2019/g, "'");
  let count = 0;
  let start = -1;
  let pending = '';
  const n = t.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? t.charCodeAt(i) : 32;
    const alnum = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (alnum) {
      if (start < 0) start = i;
      continue;
    }
    if (c === 39 && start >= 0 && i + 1 < n) {
      // apostrophe inside a word: keep what we have and continue the word after it
      pending += t.slice(start, i);
      start = -1;
      const next = t.charCodeAt(i + 1);
      if ((next >= 97 && next <= 122) || (next >= 48 && next <= 57)) continue;
    }
    if (start >= 0 || pending) {
      const w = pending + (start >= 0 ? t.slice(start, i) : '');
      pending = '';
      start = -1;
      if (w.length > 0 && w.length <= LIMITS.maxTokenChars) {
        emit(w);
        if (++count >= maxTokens) return;
      }
    }
  }
}

const stemCache = new Map<string, string>();
/** Porter stem, memoised: the vocabulary is small compared with the number of tokens. */
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[0-9]+$/.test(word) ? word : stemmer(word);
    if (stemCache.size < 500_000) stemCache.set(word, s);
  }
  return s;
}

/** Content terms of a text: words minus stopwords, stemmed. The unit of every index. */
export function terms(text: string, maxTokens?: number): string[] {
  return termsOfWords(words(text, maxTokens));
}

/** Content terms of already split words (lets callers tokenise once for several uses). */
export function termsOfWords(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (!STOPWORDS.has(w) && (w.length > 1 || (w >= '0' && w <= '9'))) out.push(stem(w));
  }
  return out;
}

/** Stemmed key of a phrase (all words kept, stopwords too), used for name and synonym lookup. */
export function phraseKey(text: string): string {
  return words(text, 32).map(stem).join(' ');
}

/** Share of characters that are letters of any script; emoji-only or binary input scores ~0. */
export function letterShare(text: string): number {
  if (text.length === 0) return 0;
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters / text.length;
}

/** Share of letters that are Latin a–z (after removing accents); other-language input scores low. */
export function latinShare(text: string): number {
  const letters = text.normalize('NFKD').match(/\p{L}/gu);
  if (!letters || letters.length === 0) return 0;
  let latin = 0;
  for (const l of letters) if (/[a-zA-Z]/.test(l)) latin++;
  return latin / letters.length;
}
