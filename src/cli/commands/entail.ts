/**
 * `medbrief entail --batch IN.jsonl`: question entailment as in MEDIQA 2019 RQE — does every
 * answer to the stored question (faq) also answer the consumer question (chq)?
 */
import type { Command } from 'commander';
import { loadShippedRqeModel } from '../../search/index.js';
import { action, CliError, EXIT_FAILURE } from '../shared.js';
import { readJsonl, recordId } from './jsonl.js';

export function register(program: Command): void {
  program
    .command('entail')
    .description('question entailment: does the stored question (faq) answer the consumer question (chq)?')
    .argument('[chq]', 'consumer question (when not using --batch)')
    .argument('[faq]', 'stored question (when not using --batch)')
    .option(
      '--batch <file>',
      'read {"id","chq","faq"} JSON lines (or - for stdin); write {"id","entails","score"} lines',
    )
    .action(
      action(async (chq: string | undefined, faq: string | undefined, opts: { batch?: string }) => {
        const model = loadShippedRqeModel();
        if (!opts.batch) {
          if (chq === undefined || faq === undefined) {
            throw new CliError(
              'give --batch FILE, or a consumer question and a stored question',
              EXIT_FAILURE,
            );
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
      }),
    );
}
