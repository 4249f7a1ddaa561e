/** Guessing what an unanswered question is about, when the engine knows no such condition. */
import { slugify } from '../content/index.js';
import { medicalWords } from '../search/medical-words.js';

/** Medical words that name no condition on their own. */
const GENERIC = new Set(
  `treatment treatments treat treated cure cured cures symptom symptoms sign signs cause causes caused causing
diagnosis diagnosed test tests testing prevention prevent risk risks complication complications outlook
prognosis medicine medicines medication medications drug drugs pill pills dose doctor doctors surgery
operation pain ache hurt hurts disease diseases disorder disorders syndrome condition conditions illness
problem problems infection health healthy body child children baby babies adult adults women woman men man
patient patients blood chronic acute severe mild normal help effect effects side long term time life
people family genetic inherited hereditary common rare type types stage stages early late body cell cells`.split(
    /\s+/,
  ),
);
const JOINERS = new Set(['disease', 'syndrome', 'disorder', 'cancer', 'infection', 'deficiency', 'fever']);

/**
 * The condition a question seems to be about when the engine knows no such condition: the
 * longest run of medical words that are not generic ("what causes gout" → "gout").
 */
export function guessFocus(question: string): string | null {
  const medical = medicalWords();
  // punctuation ends a run: "gout? email me" is not one phrase
  const words = question.toLowerCase().match(/[a-z][a-z'-]*|[.?!,;:()[\]]/g) ?? [];
  let best: string[] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > best.length) best = run; // the first of equally long runs: questions name their topic early
    run = [];
  };
  for (const raw of words.slice(0, 400)) {
    const w = raw.replace(/'s$/, '');
    if (run.length > 0 && JOINERS.has(w)) {
      run.push(w);
      continue;
    }
    if (medical.has(w) && !GENERIC.has(w) && w.length > 2) run.push(w);
    else close();
  }
  close();
  if (best.length === 0) return null;
  const slug = slugify(best.slice(0, 4).join(' '));
  return slug || null;
}
