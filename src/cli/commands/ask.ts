import pc from 'picocolors';
import {
  ASK_DEFAULTS,
  type AskEngine,
  type AskResult,
  cachedEngine,
  explainLines,
} from '../../search/index.js';
import { CliError, EXIT_FAILURE, openCliStore } from '../shared.js';
import { readJsonl, recordId } from './jsonl.js';

interface AskOptions {
  db: string;
  limit?: string;
  json?: boolean;
  explain?: boolean;
  batch?: string;
  emergencyNumber?: string;
  cache: boolean;
}

async function loadEngine(db: string, emergencyNumber?: string, cache = true): Promise<AskEngine> {
  const store = await openCliStore(db, { mustExist: true });
  try {
    const { engine } = await cachedEngine(store, {
      databaseKey: db,
      emergencyNumber,
      ...(cache ? {} : { cacheDir: null }),
    });
    if (engine.size === 0) {
      console.error(
        pc.yellow(
          `warning: ${db} has no published answers; every question will abstain (import content first)`,
        ),
      );
    }
    return engine;
  } finally {
    await store.close();
  }
}

/** The batch/JSON output shape of one result (the evaluation tools read exactly this). */
export function batchLine(id: string | number, r: AskResult): Record<string, unknown> {
  return {
    id,
    abstained: r.abstained,
    reason: r.reason,
    redFlag: r.redFlag ? { kind: r.redFlag.kind, message: r.redFlag.message } : null,
    results: r.results.map((x) => ({
      answerId: x.answerId,
      condition: x.condition,
      aspect: x.aspect,
      question: x.question,
      score: x.score,
      origin: x.origin
        ? {
            collection: x.origin.collection,
            publisher: x.origin.publisher,
            documentId: x.origin.documentId ?? null,
            pairId: x.origin.pairId ?? null,
          }
        : null,
    })),
  };
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return ASK_DEFAULTS.limit;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > ASK_DEFAULTS.maxLimit) {
    throw new CliError(
      `--limit must be a whole number from 1 to ${ASK_DEFAULTS.maxLimit} (got ${JSON.stringify(raw)})`,
      EXIT_FAILURE,
    );
  }
  return n;
}

function printHuman(question: string, r: AskResult, explain: boolean): void {
  if (r.redFlag) console.log(`${pc.bgRed(pc.white(' URGENT '))} ${pc.red(r.redFlag.message)}\n`);
  if (explain) {
    for (const l of explainLines(r)) console.log(pc.dim(`${l.label}: `) + l.value);
    console.log('');
  }
  if (r.abstained) {
    console.log(r.message ?? "We don't have a reviewed answer to that question yet.");
    if (r.detail) console.log(r.detail);
    if (r.nearestConditions.length) {
      console.log(`Closest topics: ${r.nearestConditions.map((c) => `${c.name} (/${c.slug})`).join(', ')}`);
    }
  } else {
    if (!explain && r.parsed?.otherQuestions.length) {
      console.log(pc.dim(`Answering: ${r.parsed.question}`));
      console.log(pc.dim(`You also asked: ${r.parsed.otherQuestions.join(' | ')}`));
    }
    r.results.forEach((x, i) => {
      const badge = x.reviewed
        ? pc.green('reviewed')
        : x.origin
          ? pc.yellow(`from ${x.origin.publisher}`)
          : pc.yellow('awaiting review');
      console.log(
        `${i + 1}. ${pc.bold(x.question)}  ${pc.dim(`${x.answerId} · ${x.aspect} · score ${x.score}`)} ${badge}`,
      );
    });
  }
  if (explain && r.explain) {
    console.log(pc.dim(`\nwhy (question: ${JSON.stringify(question.slice(0, 200))}):`));
    console.log(
      pc.dim(
        JSON.stringify(
          { query: r.explain, results: r.results.map((x) => ({ answerId: x.answerId, ...x.explain })) },
          null,
          2,
        ),
      ),
    );
  }
}

export async function runAsk(question: string | undefined, opts: AskOptions) {
  const limit = parseLimit(opts.limit);
  if (!opts.batch && (question === undefined || question.trim() === '')) {
    throw new CliError(
      'give a question in quotes, or --batch FILE',
      EXIT_FAILURE,
      'medbrief ask "what causes gout?"',
    );
  }
  const engine = await loadEngine(opts.db, opts.emergencyNumber, opts.cache);
  if (opts.batch) {
    for await (const rec of readJsonl(opts.batch)) {
      const value = 'value' in rec ? rec.value : undefined;
      const id = recordId(value, rec.line);
      const q = value?.question;
      if ('error' in rec || typeof q !== 'string') {
        const error = 'error' in rec ? rec.error : 'missing "question" (a string)';
        process.stdout.write(
          `${JSON.stringify({ id, abstained: true, redFlag: null, results: [], error })}\n`,
        );
        continue;
      }
      const r = engine.ask(q, { limit, explain: opts.explain });
      const line = batchLine(id, r);
      if (opts.explain) {
        line.parsed = r.parsed;
        line.explain = r.explain;
      }
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
    return;
  }
  const r = engine.ask(question!, { limit, explain: opts.explain });
  if (opts.json)
    console.log(
      JSON.stringify(
        {
          ...batchLine('1', r),
          nearestConditions: r.nearestConditions,
          message: r.message,
          detail: r.detail,
          parsed: r.parsed,
          ...(opts.explain ? { explain: r.explain } : {}),
        },
        null,
        2,
      ),
    );
  else printHuman(question!, r, Boolean(opts.explain));
}
