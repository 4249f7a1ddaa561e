/** Deterministic synthetic content for benchmarks: N answers spread over conditions and aspects. */
import { type Answer, ASPECTS, type Condition, type ContentBundle } from '../src/content/index.js';

const WORDS =
  'the a lower spine forms pregnancy weeks doctor blood sugar insulin nerves bones joint pain swelling treatment medicine symptoms child adult risk chance test scan family gene change body heart lung kidney skin rash fever cough breath sleep food water exercise weight'.split(
    ' ',
  );

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(r: () => number, n: number): string {
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]!);
  const s = words.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

export function generateBundle(answers: number, seed = 1): ContentBundle {
  const r = rng(seed);
  const perCondition = 8;
  const conditions: Condition[] = [];
  const list: Answer[] = [];
  for (let c = 0; c * perCondition < answers; c++) {
    const slug = `condition-${c}`;
    conditions.push({
      slug,
      name: `Condition ${c}`,
      synonyms: [`syndrome ${c}`, `disorder ${c}`],
      summary: sentence(r, 12),
    });
    for (let a = 0; a < perCondition && list.length < answers; a++) {
      const aspect = ASPECTS[a]!;
      const body = Array.from({ length: 4 }, () => `${sentence(r, 14)} ${sentence(r, 10)} [^s1]`).join(
        '\n\n',
      );
      list.push({
        question: `What about ${aspect} of condition ${c}?`,
        condition: slug,
        aspect,
        tldr: `${sentence(r, 15)} ${sentence(r, 12)}`,
        audience: 'patient',
        sources: [
          {
            id: 's1',
            title: 'A source',
            url: `https://example.org/${slug}/${aspect}`,
            accessed: '2026-01-01',
          },
        ],
        body,
      });
    }
  }
  return { conditions, answers: list, reviewers: [] };
}
