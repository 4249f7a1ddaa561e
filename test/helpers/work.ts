/**
 * A deterministic measure of the work a function does, for tests that bound how cost grows with
 * input size (never wall-clock time, which depends on the machine and its load).
 *
 * Work = JavaScript blocks executed (V8 precise coverage with call counts: every loop iteration and
 * branch taken counts) + characters that regular expressions were run over (RegExp.prototype.exec
 * is wrapped while measuring; String match/replace/split/matchAll go through it, and a failed
 * search is charged from where it started to the end of the input). Backtracking inside a single
 * regular-expression run is not visible; callers keep it bounded by giving regexes bounded units
 * (sentences are capped at MAX_SENTENCE_LENGTH).
 */
import { Session } from 'node:inspector/promises';

let session: Session | undefined;

async function ensureSession(): Promise<Session> {
  if (session) return session;
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  session = s;
  return s;
}

export interface Work {
  blocks: number;
  regexChars: number;
  total: number;
}

export async function measureWork(fn: () => unknown): Promise<Work> {
  const s = await ensureSession();
  const original = RegExp.prototype.exec;
  let regexChars = 0;
  await s.post('Profiler.takePreciseCoverage'); // resets the counters
  RegExp.prototype.exec = function (this: RegExp, input: string) {
    const str = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = original.call(this, str);
    if (m) regexChars += m.index + m[0].length - from + 1;
    else regexChars += this.sticky ? 1 : Math.max(1, str.length - from);
    return m;
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = original;
  }
  const r = await s.post('Profiler.takePreciseCoverage');
  let blocks = 0;
  for (const script of r.result) {
    if (script.url.includes('/helpers/work.ts')) continue;
    for (const f of script.functions) for (const range of f.ranges) blocks += range.count;
  }
  return { blocks, regexChars, total: blocks + regexChars };
}

/**
 * Work at input size n and 2n; the ratio is ≈ 2 for linear code and ≈ 4 for quadratic code.
 * `make(n)` must build an input of about n characters.
 */
export async function growth(
  make: (n: number) => string,
  run: (input: string) => unknown,
  n: number,
): Promise<{ small: Work; large: Work; ratio: number; perChar: number }> {
  const a = make(n);
  const b = make(2 * n);
  run(make(1000)); // warm caches and lazy initialisation outside the measurement
  const small = await measureWork(() => run(a));
  const large = await measureWork(() => run(b));
  return { small, large, ratio: large.total / Math.max(1, small.total), perChar: large.total / b.length };
}
