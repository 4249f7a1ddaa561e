import { loadShippedRqeModel } from '../../search/index.js';
import { CliError, EXIT_FAILURE } from '../shared.js';
import { readJsonl, recordId } from './jsonl.js';

export async function runEntail(chq: string | undefined, faq: string | undefined, opts: { batch?: string }) {
  const model = loadShippedRqeModel();
  if (!opts.batch) {
    if (chq === undefined || faq === undefined) {
      throw new CliError('give --batch FILE, or a consumer question and a stored question', EXIT_FAILURE);
    }
    console.log(JSON.stringify(model.entail(chq, faq)));
    return;
  }
  for await (const rec of readJsonl(opts.batch)) {
    const value = 'value' in rec ? rec.value : undefined;
    const id = recordId(value, rec.line);
    if ('error' in rec || typeof value?.chq !== 'string' || typeof value?.faq !== 'string') {
      const error = 'error' in rec ? rec.error : 'need "chq" and "faq" (strings)';
      process.stdout.write(`${JSON.stringify({ id, entails: false, score: 0, error })}\n`);
      continue;
    }
    const r = model.entail(value.chq, value.faq);
    process.stdout.write(
      `${JSON.stringify({ id, entails: r.entails, score: Math.round(r.score * 1e6) / 1e6 })}\n`,
    );
  }
}
