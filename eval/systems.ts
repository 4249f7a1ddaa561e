/**
 * The systems the real-question evaluation compares, behind one shape: MedBrief's AskEngine and
 * the default-settings peers (SQLite FTS5, MiniSearch, Orama) over the same SearchDocuments.
 * Every run maps a ranked list of answers onto MedQuAD answer and document keys.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ASK_DEFAULTS, AskEngine, type AskResult, type SearchDocument } from '../src/search/index.js';
import { type Baseline, fts5Baseline, miniSearchBaseline, oramaBaseline } from './baselines.js';
import { repoRoot } from './data-dirs.js';
import { answerKeyOf } from './medquad-keys.js';

/** One system's answer to one question: ranked answer keys, and (ours only) abstention data. */
export interface Run {
  answers: string[];
  /** Abstention confidence of the top answer (ours; peers have none comparable across queries). */
  top: number | null;
  /** Abstained for a reason other than low confidence (drug-only, empty, …): at every threshold. */
  hardAbstain: boolean;
  reason: string | null;
  ms: number;
}

/** The first `k` distinct documents of a ranked list of answer keys. */
export function documentRanking(answers: readonly string[], k = 10): string[] {
  const out: string[] = [];
  for (const a of answers) {
    const d = a.split(':').slice(0, 3).join(':');
    if (!out.includes(d)) out.push(d);
    if (out.length >= k) break;
  }
  return out;
}

/** Answers asked of every system; document rankings are cut from these. */
export const RANK_DEPTH = 30;

export interface ParsedView {
  focus: string | null;
  type: string | null;
  aspect: string | null;
}

export class OurSystem {
  readonly name = 'medbrief';
  readonly engine: AskEngine;
  readonly buildMs: number;
  readonly defaultThreshold: number;

  constructor(docs: SearchDocument[]) {
    const t = performance.now();
    // abstention off at construction; the threshold is applied by the eval (trade-off table)
    this.engine = new AskEngine(docs, { abstainThreshold: 0 });
    this.buildMs = performance.now() - t;
    this.defaultThreshold = ASK_DEFAULTS.abstainThreshold;
  }

  run(question: string): Run {
    const t = performance.now();
    const options = { limit: RANK_DEPTH, threshold: 0 };
    const r: AskResult = this.engine.ask(question, options);
    const ms = performance.now() - t;
    const answers = r.results.map((x) => answerKeyOf(x.origin)).filter((k): k is string => k !== null);
    const hardAbstain = r.abstained && r.reason !== 'low-confidence';
    return { answers, top: r.confidence ?? null, hardAbstain, reason: r.reason, ms };
  }

  /** Focus, question type and aspect the engine finds in a text (parse() when the engine has it). */
  parse(text: string): ParsedView {
    const e = this.engine as unknown as { parse?: (t: string) => unknown };
    if (typeof e.parse === 'function') {
      const p = e.parse(text) as {
        focus?: { kind?: string; slug?: string } | null;
        type?: string | null;
        aspect?: string | null;
      };
      return {
        focus: p.focus?.slug ?? (p.focus?.kind ? `(${p.focus.kind})` : null),
        type: p.type ?? null,
        aspect: p.aspect ?? null,
      };
    }
    const r = this.engine.ask(text, { limit: 1, explain: true });
    return {
      focus: r.explain?.focus[0]?.slug ?? null,
      type: null,
      aspect: r.explain?.aspect.top ?? null,
    };
  }
}

export interface Peer {
  name: string;
  /** Build time, or null when every answer came from the cache and the index was never built. */
  buildMs: number | null;
  run(question: string): Run;
}

const PEERS: Record<string, (docs: SearchDocument[]) => Baseline | Promise<Baseline>> = {
  'sqlite-fts5': fts5Baseline,
  minisearch: miniSearchBaseline,
  orama: oramaBaseline,
};
export const PEER_NAMES = Object.keys(PEERS);

/** A fingerprint of the indexed answers: a peer's cached rankings are valid only for the same corpus. */
export function corpusFingerprint(docs: readonly SearchDocument[]): string {
  let h = 0x811c9dc5;
  for (const d of docs) {
    const s = `${d.answerId}|${d.question}|${d.body.length}|${d.tldr.length}\n`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return `${docs.length}-${h.toString(16)}`;
}

/**
 * Peers with default settings over the same answers. Their rankings depend only on the corpus,
 * the library version and the question, so they are cached in .eval-cache/peers/ (MiniSearch and
 * Orama take ~0.5–3 s per long message here, and ~1 min each to index); a peer whose answers are
 * all cached is never built. Rankings are computed for `questions` up front.
 */
export async function buildPeers(
  docs: SearchDocument[],
  names: readonly string[],
  questions: readonly string[],
  cacheDir: string | null,
): Promise<Peer[]> {
  const byId = new Map(docs.map((d) => [d.answerId, d]));
  const fp = corpusFingerprint(docs);
  const out: Peer[] = [];
  for (const name of names) {
    const make = PEERS[name];
    if (!make) throw new Error(`unknown peer "${name}" (known: ${PEER_NAMES.join(', ')})`);
    const version = peerVersion(name);
    const file = cacheDir ? join(cacheDir, `${name}-${version}-${fp}.json`) : null;
    const cached: Record<string, { answers: string[]; ms: number }> =
      file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const missing = [...new Set(questions)].filter((q) => !cached[q]);
    let buildMs: number | null = null;
    if (missing.length > 0) {
      const b = await make(docs);
      buildMs = b.buildMs;
      for (const q of missing) {
        const t = performance.now();
        const ids = b.search(q, RANK_DEPTH);
        const ms = performance.now() - t;
        const answers = ids
          .map((id) => {
            const d = byId.get(id);
            return d ? answerKeyOf(d.origin) : null;
          })
          .filter((k): k is string => k !== null);
        cached[q] = { answers, ms: Math.round(ms * 100) / 100 };
      }
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(cached));
      }
    }
    out.push({
      name,
      buildMs,
      run(question) {
        const c = cached[question];
        if (!c) throw new Error(`${name}: no ranking computed for a question (pass it to buildPeers)`);
        return { answers: c.answers, top: null, hardAbstain: false, reason: null, ms: c.ms };
      },
    });
  }
  return out;
}

function peerVersion(name: string): string {
  const pkg = name === 'sqlite-fts5' ? 'better-sqlite3' : name === 'orama' ? '@orama/orama' : 'minisearch';
  try {
    const path = join(repoRoot, 'node_modules', pkg, 'package.json');
    return String((JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? '0');
  } catch {
    return '0';
  }
}
