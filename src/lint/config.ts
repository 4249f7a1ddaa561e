/**
 * Lint configuration: `medbrief.config.json` / `.yaml` / `.yml`, found upward from the linted
 * file, or a `lint:` object in an answer's front matter. Shape:
 * `{ rules: { "rule-id": "off" | "warn" | "error" | ["warn", { options }] } }`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { rulesById } from './rules/index.js';
import type { Severity } from './types.js';

const Level = z.enum(['off', 'warn', 'error']);
const RuleSetting = z.union([Level, z.tuple([Level]), z.tuple([Level, z.record(z.string(), z.unknown())])]);

export const LintConfigSchema = z.strictObject({
  rules: z.record(z.string(), RuleSetting).default({}),
});
export type LintConfig = z.input<typeof LintConfigSchema>;

export interface RuleSettingResolved {
  severity: Severity | 'off';
  options: Record<string, unknown>;
}

/** Rule id → severity and raw options (validated against each rule's schema). */
export type ResolvedConfig = Map<string, RuleSettingResolved>;

export interface ConfigProblem {
  file: string;
  path: string;
  message: string;
  hint?: string;
}

export class LintConfigError extends Error {
  readonly problems: ConfigProblem[];
  constructor(problems: ConfigProblem[]) {
    super(
      problems
        .map((p) => `${p.file}: ${p.path ? `${p.path}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`)
        .join('\n'),
    );
    this.name = 'LintConfigError';
    this.problems = problems;
  }
}

export const CONFIG_FILE_NAMES = ['medbrief.config.json', 'medbrief.config.yaml', 'medbrief.config.yml'];

function closest(id: string): string | undefined {
  let best: string | undefined;
  let bestScore = 0;
  for (const known of rulesById.keys()) {
    const a = new Set(id.split('-'));
    const score = known.split('-').filter((w) => a.has(w)).length / Math.max(a.size, known.split('-').length);
    if (score > bestScore) {
      best = known;
      bestScore = score;
    }
  }
  return bestScore >= 0.3 ? best : undefined;
}

/** Validates a configuration object; throws LintConfigError listing every problem. */
export function resolveLintConfig(raw: unknown, file = '<config>'): ResolvedConfig {
  const parsed = LintConfigSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw new LintConfigError(
      parsed.error.issues.map((i) => ({
        file,
        path: i.path.join('.'),
        message: i.message,
        hint: 'each rule is "off", "warn", "error" or ["warn", { options }]',
      })),
    );
  }
  const out: ResolvedConfig = new Map();
  const problems: ConfigProblem[] = [];
  for (const [id, setting] of Object.entries(parsed.data.rules)) {
    const rule = rulesById.get(id);
    if (!rule) {
      const near = closest(id);
      problems.push({
        file,
        path: `rules.${id}`,
        message: `unknown rule "${id}"`,
        hint: near ? `did you mean "${near}"?` : `known rules: ${[...rulesById.keys()].join(', ')}`,
      });
      continue;
    }
    const [severity, options] = typeof setting === 'string' ? [setting, {}] : [setting[0], setting[1] ?? {}];
    const check = rule.options.safeParse(options);
    if (!check.success) {
      for (const i of check.error.issues) {
        problems.push({
          file,
          path: `rules.${id}.${i.path.join('.')}`,
          message: i.message,
          hint: rule.docs.options,
        });
      }
      continue;
    }
    out.set(id, { severity, options });
  }
  if (problems.length) throw new LintConfigError(problems);
  return out;
}

/** Reads one configuration file (JSON or YAML). */
export function readLintConfigFile(file: string): ResolvedConfig {
  let raw: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (err) {
    throw new LintConfigError([
      { file, path: '', message: `cannot read configuration: ${(err as Error).message}` },
    ]);
  }
  return resolveLintConfig(raw, file);
}

/** The nearest configuration file at or above `dir`, or undefined. */
export function findLintConfigFile(dir: string): string | undefined {
  let d = resolve(dir);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(d, name);
      if (existsSync(candidate)) return candidate;
    }
    const up = dirname(d);
    if (up === d) return undefined;
    d = up;
  }
}

/** The configuration that applies to files in `dir` (empty when there is none). */
export function loadLintConfig(dir: string): { config: ResolvedConfig; file?: string } {
  const file = findLintConfigFile(dir);
  return file ? { config: readLintConfigFile(file), file } : { config: new Map() };
}

/** Layers configurations: later ones override earlier ones rule by rule. */
export function mergeConfigs(...configs: (ResolvedConfig | undefined)[]): ResolvedConfig {
  const out: ResolvedConfig = new Map();
  for (const c of configs) for (const [id, s] of c ?? []) out.set(id, s);
  return out;
}
