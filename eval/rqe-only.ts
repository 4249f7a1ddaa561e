/**
 * The RQE part of `npm run eval` alone (seconds, not a minute): the nested grouped cross-validation
 * with the engine's trainer and the shipped model on the validation pairs it never saw — the same
 * functions eval/real.ts calls. `npx tsx eval/rqe-only.ts`. Prints only; eval/results is written by
 * `npm run eval`.
 */
import { requireDataDir } from './data-dirs.js';
import { engineTrainer, groupedCv, shippedOnUnseen } from './rqe-cv.js';
import { readRqeSets } from './rqe-data.js';

const rqe = readRqeSets(requireDataDir('rqe'));
const trainer = await engineTrainer();
if (!trainer) throw new Error('no trainer: src/search/rqe-train.ts must export trainRqeModel');
const t = performance.now();
const cv = groupedCv(rqe.training, rqe.validation, trainer);
console.log(
  JSON.stringify(
    {
      groupedCv: cv,
      shippedOnUnseenPairs: shippedOnUnseen(rqe.validation),
      ms: Math.round(performance.now() - t),
    },
    null,
    2,
  ),
);
