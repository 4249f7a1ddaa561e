/** Printing the real-question report: a plain-text version for the terminal and Markdown for eval/results. */
import type { RealReport } from './real.js';

const f = (x: number | null | undefined, digits = 3) =>
  x === null || x === undefined ? '—' : x.toFixed(digits);
const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '—' : `${(x * 100).toFixed(1)}%`;

type Table = { head: string[]; rows: (string | number)[][] };

function text(t: Table): string {
  const cells = [t.head, ...t.rows.map((r) => r.map(String))];
  const widths = t.head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  return cells
    .map((r) =>
      r
        .map((c, i) => (c ?? '').padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function markdown(t: Table): string {
  const row = (r: (string | number)[]) => `| ${r.map(String).join(' | ')} |`;
  return [row(t.head), row(t.head.map(() => '---')), ...t.rows.map(row)].join('\n');
}

function rankingTable(
  figs: Record<string, { questions: number; p1: number; mrr10: number; abstainRate?: number | null }>,
): Table {
  const peers = Object.keys(figs).filter((k) => !k.startsWith('medbrief'));
  const bestP1 = Math.max(0, ...peers.map((p) => figs[p]!.p1));
  const bestMrr = Math.max(0, ...peers.map((p) => figs[p]!.mrr10));
  const ratio = (a: number, b: number) => (b === 0 ? '—' : `×${(a / b).toFixed(2)}`);
  return {
    head: ['system', 'n', 'P@1', 'MRR@10', 'abstained', 'P@1 vs best peer', 'MRR vs best peer'],
    rows: Object.entries(figs).map(([name, m]) => [
      name,
      m.questions,
      f(m.p1),
      f(m.mrr10),
      m.abstainRate === undefined ? '(never)' : pct(m.abstainRate),
      ratio(m.p1, bestP1),
      ratio(m.mrr10, bestMrr),
    ]),
  };
}

function tradeoffTable(
  rows: RealReport['tradeoff']['tune'],
  chosen: number,
  engineDefault: number,
  drugTarget: number | null,
): Table {
  return {
    head: [
      'threshold',
      'answer rate',
      'precision@1',
      'correct',
      'drug-only abstain',
      'none abstain',
      'utility',
      '',
    ],
    rows: rows.map((r) => [
      f(r.threshold, 2),
      pct(r.answerRate),
      pct(r.precision),
      r.correctAnswers,
      pct(r.drugOnlyAbstain),
      pct(r.noneAbstain),
      r.utility,
      [
        r.threshold === chosen ? '← chosen on tune' : '',
        r.threshold === drugTarget ? '← lowest with drug-only ≥ 85% on tune' : '',
        r.threshold === engineDefault ? '(engine default)' : '',
      ]
        .filter(Boolean)
        .join(' '),
    ]),
  };
}

function reasons(counts: Record<string, number>): string {
  const xs = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return xs.length === 0 ? 'none' : xs.map(([k, n]) => `${k} ${n}`).join(', ');
}

/** The report as sections of (title, lines or table); rendered as text or Markdown. */
function sections(r: RealReport): { title: string; body: (string | Table)[] }[] {
  const s = r.sets;
  const out: { title: string; body: (string | Table)[] }[] = [];
  out.push({
    title: 'Data and split',
    body: [
      `Split: ${r.split}. Figures are for the REPORT part; the TUNE part (used to choose thresholds and for tuning) is printed below each.`,
      `Corpus: ${r.corpus.answers} MedQuAD answers (as eval/medquad-docs.ts builds them); every system indexes the same answers.`,
      `MEDIQA-QA: Alexa ${s.mediqaQa.files['mediqa-qa-alexa'].withRelevant}/${s.mediqaQa.files['mediqa-qa-alexa'].questions} and validation ${s.mediqaQa.files['mediqa-qa-validation'].withRelevant}/${s.mediqaQa.files['mediqa-qa-validation'].questions} questions have a MedQuAD document graded ≥ 3 (tune ${s.mediqaQa.tune}, report ${s.mediqaQa.report}).`,
      `MeQSum: ${s.meqsum.messages} messages (tune ${s.meqsum.tune}, report ${s.meqsum.report}); ${s.meqsum.drugOnlyLabels} labelled drug-only; hand-labelled sample ${s.meqsum.handLabelled} (${s.meqsum.handLabelledAnswerable} answerable in MedQuAD, ${s.meqsum.handLabelledNone} with no answer, rest drug-only)${s.meqsum.sample ? `; sample: ${s.meqsum.sample}` : ''}.`,
      `RQE validation: ${s.rqeValidation.pairs} pairs, ${s.rqeValidation.groups} consumer questions.`,
      `Runtime ${r.runSeconds} s; MedBrief ${f(r.speed.medbriefMsPerQuestion, 1)} ms/question; peers ${Object.entries(
        r.speed.peerMsPerQuestion,
      )
        .map(([k, v]) => `${k} ${f(v, 1)}`)
        .join(', ')} ms/question.`,
    ],
  });
  out.push({
    title: 'Targets (issue), report part',
    body: [
      {
        head: ['target', 'value', 'abstention off', 'holds'],
        rows: r.targets.map((t) => [
          t.target,
          t.value === null
            ? '—'
            : t.goal < 1 && !t.target.includes('entailment')
              ? pct(t.value)
              : f(t.value, t.target.includes('entailment') ? 3 : 2),
          'noAbstention' in t && t.noAbstention !== undefined ? f(t.noAbstention as number | null, 2) : '',
          t.holds === null ? 'not measured' : t.holds ? 'yes' : 'NO',
        ]),
      },
    ],
  });
  for (const split of ['report', 'tune'] as const) {
    out.push({
      title: `Document level: MEDIQA-QA questions vs MedQuAD documents (${split})`,
      body: [rankingTable(r.documentLevel[split])],
    });
  }
  for (const split of ['report', 'tune'] as const) {
    out.push({
      title: `Answer level: hand-labelled MeQSum messages with an answer in MedQuAD (${split})`,
      body: s.meqsum.handLabelledAnswerable ? [rankingTable(r.answerLevel[split])] : ['no hand labels yet'],
    });
  }
  out.push({
    title: `Abstention at the engine default (${r.defaultThreshold})`,
    body: [
      {
        head: [
          'part',
          'drug-only msgs',
          'abstained',
          'core drug-only (maker/price/ingredients/dosage/storage)',
          'abstained',
          'no answer in MedQuAD',
          'abstained',
        ],
        rows: (['report', 'tune'] as const).map((sp) => [
          sp,
          r.drugOnly[sp].messages,
          pct(r.drugOnly[sp].abstainRate),
          r.drugOnly[sp].coreMessages,
          pct(r.drugOnly[sp].coreAbstainRate),
          r.noneInCorpus[sp].messages,
          pct(r.noneInCorpus[sp].abstainRate),
        ]),
      },
    ],
  });
  out[out.length - 1]!.body.push(
    `Why answerable labelled messages were abstained on — report: ${reasons(r.answerableAbstentions.report)}; tune: ${reasons(r.answerableAbstentions.tune)}.`,
  );
  out.push({
    title: 'MeQSum message vs its expert summary (all 908 messages, by part)',
    body: [
      {
        head: [
          'part',
          'messages',
          'same focus',
          'same aspect',
          'same question type',
          'same top answer',
          'same top document',
          'agree incl. abstention',
        ],
        rows: (['report', 'tune'] as const).map((sp) => [
          sp,
          r.consistency[sp].messages,
          pct(r.understanding[sp].focusAgrees),
          pct(r.understanding[sp].aspectAgrees),
          r.understanding[sp].typeAgrees === null
            ? '(engine has no type)'
            : pct(r.understanding[sp].typeAgrees),
          pct(r.consistency[sp].sameTopAnswer),
          pct(r.consistency[sp].sameTopDocument),
          pct(r.consistency[sp].agreeWithAbstention),
        ]),
      },
    ],
  });
  for (const split of ['tune', 'report'] as const) {
    out.push({
      title: `Trade-off: answer rate vs precision by abstention threshold (${split}; MEDIQA-QA documents + labelled MeQSum answers)`,
      body: [
        tradeoffTable(
          r.tradeoff[split],
          r.thresholdChosenOnTune.threshold,
          r.defaultThreshold,
          r.thresholdChosenOnTune.lowestMeetingDrugOnlyTarget,
        ),
        ...(split === 'tune'
          ? [`Chosen on tune: ${r.thresholdChosenOnTune.threshold} — ${r.thresholdChosenOnTune.rule}.`]
          : []),
      ],
    });
  }
  const cv = r.rqe.groupedCv;
  const tr = r.rqe.shippedModelTrainingSummary as Record<string, unknown>;
  out.push({
    title: 'Entailment (RQE validation, real consumer questions)',
    body: [
      cv
        ? `Nested grouped ${cv.folds}-fold CV (outer folds by consumer question; each fold's model fitted with ${r.rqe.trainer} on RQE training + the other folds, and that trainer chooses its clinical-pair weight, L2 penalty and threshold by inner folds grouped by consumer question over those training pairs only, so no configuration is chosen on the fold it is scored on): accuracy ${f(cv.accuracy)} (per fold ${cv.perFold.map((x) => f(x, 2)).join(', ')}; tune groups ${f(cv.byPart.tune)}, report groups ${f(cv.byPart.report)}); predicts "entails" for ${pct(cv.predictedPositiveRate)} of pairs (true rate ${pct(cv.positiveRate)}).`
        : 'Grouped CV: not run — src/search/rqe-train.ts (trainRqeModel) is not there yet.',
      r.rqe.shippedOnUnseenPairs
        ? `Shipped model on the ${r.rqe.shippedOnUnseenPairs.pairs} validation pairs it was not fitted on: accuracy ${f(r.rqe.shippedOnUnseenPairs.accuracy)}, says "entails" for ${pct(r.rqe.shippedOnUnseenPairs.predictedPositiveRate)}.`
        : 'Shipped model: models/rqe.json does not list which validation pairs it was fitted on, so it has no honest validation figure here.',
      `Shipped model's own training summary: ${tr.note ?? '—'}; configuration ${JSON.stringify(tr.config ?? null)} (chosen by the trainer's inner grouped folds on its own training pairs); grouped-CV figure it records: ${tr.groupedCvAccuracy ?? '—'} (the nested figure above).`,
    ],
  });
  return out;
}

export function renderText(r: RealReport): string {
  return sections(r)
    .map((s) => [`\n== ${s.title}`, ...s.body.map((b) => (typeof b === 'string' ? b : text(b)))].join('\n'))
    .join('\n');
}

export function renderMarkdown(r: RealReport, devSummary: string): string {
  const body = sections(r)
    .map((s) =>
      [`## ${s.title}`, ...s.body.map((b) => (typeof b === 'string' ? b : markdown(b)))].join('\n\n'),
    )
    .join('\n\n');
  return `# Real-question evaluation

Written by \`npm run eval\` on ${r.date} (eval/results/real.json has every figure). Data:
MEDIQA 2019 QA (Ben Abacha, Shivade & Demner-Fushman, ACL-BioNLP 2019), MeQSum (Ben Abacha &
Demner-Fushman, ACL 2019, CC BY 4.0), MEDIQA 2019 RQE (Ben Abacha & Demner-Fushman, AMIA 2016),
MedQuAD (Ben Abacha & Demner-Fushman, BMC Bioinformatics 2019, CC BY 4.0); our labels are in
eval/fixtures/ (ids and labels only). Peers run with default settings: SQLite FTS5 (porter
tokenizer, stopwords removed, the message's words OR-ed), MiniSearch, Orama.

${body}

## Regression only: generated dev set (typos, synonyms)

Questions our generator wrote from MedQuAD's own questions (eval/dev-set.ts): a regression check
for spelling and lay terms, not a measure of real questions.

${devSummary}
`;
}
