/**
 * Is a word the name of a medicine? MedQuAD's answered folders hold no drug pages, so a message
 * that is only about a medicine (its maker, price, dose, storage, ingredients) gets an honest
 * abstention. No drug database is downloaded: international non-proprietary names share a small
 * set of stems (WHO INN "stems"), and common names, brands and supplements are listed in
 * src/search/medicines.txt, a plain file a pharmacist can edit.
 */
import { readFileSync } from 'node:fs';

/** WHO INN stems that end a drug name (-mab antibodies, -pril ACE inhibitors, …). */
const INN_SUFFIX =
  /(mab|tinib|ciclib|parib|pril|olol|alol|sartan|statin|vastatin|azole|conazole|cillin|mycin|micin|cycline|floxacin|oxacin|prazole|tidine|dipine|vir|navir|previr|azepam|zolam|azolam|oxetine|apine|idone|triptan|profen|fenac|coxib|semide|thiazide|gliptin|gliflozin|glitazone|formin|parin|xaban|gatran|dronate|tropin|relin|caine|barbital|setron|lukast|terol|tadine|trexate|platin|rubicin|taxel|zumab|ximab|umab|nacept|kinra|lutamide|trozole|afil|amide|olone|asone|sonide|metasone)$/;

/**
 * Common medicine names, brands and supplements (src/search/medicines.txt, lower case), read from
 * the package's src/ both from source and from the built lib/ (as red-flags.yaml is), so a bundled
 * server finds it too.
 */
const KNOWN = new Set(
  readFileSync(new URL('../../src/search/medicines.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .join(' ')
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/**
 * Known names by their one-letter deletions, for names misspelt by one letter ("pentoxifyline",
 * "metforman"): a word and a name match when a deletion of one equals the other or a deletion of it.
 * Only names of 7 letters or more: shorter ones are too close to everyday words.
 */
const FUZZY_MIN = 7;
const BY_DELETION = new Map<string, string[]>();
for (const name of KNOWN) {
  if (name.length < FUZZY_MIN) continue;
  for (const key of [name, ...deletions(name)]) {
    const list = BY_DELETION.get(key);
    if (list) list.push(name);
    else BY_DELETION.set(key, [name]);
  }
}

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** At most one edit (insert, delete, substitute, swap two neighbours) apart? */
function oneEditApart(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** The known name `word` misspells by one letter, if any. */
function nearKnown(word: string): string | null {
  if (word.length < FUZZY_MIN - 1 || !/^[a-z]+$/.test(word)) return null;
  for (const key of [word, ...deletions(word)]) {
    for (const name of BY_DELETION.get(key) ?? []) if (oneEditApart(word, name)) return name;
  }
  return null;
}

/** Words that look like a drug stem but name no medicine in consumer messages. */
const NOT_DRUGS = new Set(
  `provide divide decide inside outside beside peptide nucleotide fluoride chloride bromide oxide sulfide
amide pride ride side tide wide guide slide hide bride override cyanide iodide carbide glucoside
savvy envir environ bamboo vitamin protein tropin hormone gonadotropin somatotropin corticotropin
cholesterol sterol ergosterol
ability program programs enable enables singular differing concert concerts aspiring morphing lanolin
cystatin chestor`.split(/\s+/),
);

/** True when `word` (lower case) is very likely a medicine's name. */
export function isDrugName(word: string): boolean {
  if (word.length < 4) return false;
  if (KNOWN.has(word)) return true;
  if (NOT_DRUGS.has(word)) return false;
  return (word.length >= 6 && INN_SUFFIX.test(word)) || nearKnown(word) !== null;
}

/** Words that say which form or strength of a medicine is meant ("Levothyroxin tab 0.05 MG"). */
const FORM_WORDS = new Set(
  `tab tabs tablet tablets pill pills capsule capsules caplet caplets cream ointment gel lotion patch patches
injection injections injectable suspension oral solution syrup drops inhaler spray nasal topical mg mcg ml
generic brand dose doses low hcl sulfate sulphate sodium potassium magnesium extended release er xr sr
medicine medication drug 1 2 5 10 20 25 50 100 250 500`.split(/\s+/),
);

/**
 * True when a subject line names a medicine and nothing else but its form or strength
 * ("Plaquenil", "Mefloquine HCl", "Hydrocortisone 1% cream"): the message is about that medicine.
 */
export function namesOnlyMedicines(ws: readonly string[]): boolean {
  if (ws.length === 0 || ws.length > 6) return false;
  let named = false;
  for (const w of ws) {
    if (isDrugName(w)) named = true;
    else if (!FORM_WORDS.has(w) && !/^\d/.test(w) && !/^(the|a|an|and|of|for|in|my|about)$/.test(w))
      return false;
  }
  return named;
}

/** Drug names among a message's words (first occurrence order, at most `max`). */
export function drugNames(ws: readonly string[], max = 5): string[] {
  const out: string[] = [];
  for (const w of ws) {
    if (out.length >= max) break;
    if (!out.includes(w) && isDrugName(w)) out.push(w);
  }
  return out;
}
