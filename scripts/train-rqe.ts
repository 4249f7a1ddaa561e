/**
 * Trains the question-entailment model shipped as models/rqe.json (`npm run train`).
 *
 * Data: MEDIQA 2019 RQE training (8,588 clinical pairs with random negatives) and the TUNE part
 * of the validation set (consumer questions / NIH FAQs with hard negatives: same topic, another
 * question type), split by eval/splits.ts. The REPORT part is never trained on; the model file
 * lists the validation pair ids it used (`training.validationPairsUsed`) so the evaluation can
 * score it on the others. Also prints the grouped cross-validation figure over all validation
 * pairs (each fold trained without its own consumer questions) — the same one `npm run eval` reports.
 *
 * Deterministic: folds by a hash of the consumer question, Newton's method, no randomness.
 * `npx tsx eval/rqe-only.ts` prints the same figures as `npm run eval`'s RQE part without training.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../eval/data-dirs.js';
import { groupedCv } from '../eval/rqe-cv.js';
import { defaultRqeDir, readRqeSets } from '../eval/rqe-data.js';
import { splitOf } from '../eval/splits.js';
import { trainRqeModel, trainRqeModelFile } from '../src/search/rqe-train.js';

export function main(): void {
  const { training, validation } = readRqeSets(defaultRqeDir(repoRoot));
  const tune = validation.filter((p) => splitOf('rqe', p.chq) === 'tune');
  const report = validation.filter((p) => splitOf('rqe', p.chq) === 'report');
  const cv = groupedCv(training, validation, (pairs) => trainRqeModel(pairs));
  const file = trainRqeModelFile([...training, ...tune], {
    training: {
      trainingPairs: training.length,
      validationPairsUsed: tune.map((p) => p.pid),
      validationPairsHeldOut: report.length,
      groupedCvAccuracy: cv.accuracy,
      groupedCvPerFold: cv.perFold,
      note: 'fitted on the RQE training set and the tune part of the validation set (eval/splits.ts); never on the report part',
    },
  });
  writeFileSync(join(repoRoot, 'models', 'rqe.json'), `${JSON.stringify(file)}\n`);
  const shipped = trainRqeModel([...training, ...tune]);
  let ok = 0;
  for (const p of report) if (shipped.entail(p.chq, p.faq).entails === p.entails) ok++;
  console.log(
    JSON.stringify(
      {
        groupedCv: cv,
        shippedOnReportPart: { pairs: report.length, accuracy: Math.round((ok / report.length) * 1e4) / 1e4 },
        config: file.training?.config,
      },
      null,
      2,
    ),
  );
  console.log('weights:', shipped.weights(), 'bias', file.bias);
}

main();
