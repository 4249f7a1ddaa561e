/**
 * Red-flag detection: emergency wording shows an urgent-help notice above any answer. The list
 * and the policy for informational questions live in red-flags.yaml (one reviewed file); this
 * module only loads and applies it.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const DEFAULT_EMERGENCY_NUMBER = 'your local emergency number';

export interface RedFlag {
  kind: string;
  message: string;
}

const RedFlagsFileSchema = z.strictObject({
  informational: z.array(z.string()),
  personal: z.string(),
  flags: z.array(
    z.strictObject({
      kind: z.string().regex(/^[a-z-]+$/),
      always: z.boolean().default(false),
      message: z.string().min(1),
      patterns: z.array(z.string()).min(1),
    }),
  ),
});

interface CompiledFlag {
  kind: string;
  always: boolean;
  message: string;
  patterns: RegExp[];
}

export interface RedFlagRules {
  informational: RegExp[];
  personal: RegExp;
  flags: CompiledFlag[];
}

/** Compiles a red-flag file; a bad regex is reported with the flag it belongs to. */
export function compileRedFlags(yamlText: string, file = 'red-flags.yaml'): RedFlagRules {
  const data = RedFlagsFileSchema.parse(parseYaml(yamlText));
  const re = (source: string, where: string): RegExp => {
    try {
      return new RegExp(source);
    } catch (err) {
      throw new Error(`${file}: ${where}: invalid regular expression ${source}: ${(err as Error).message}`);
    }
  };
  return {
    informational: data.informational.map((s, i) => re(s, `informational[${i}]`)),
    personal: re(data.personal, 'personal'),
    flags: data.flags.map((f) => ({
      kind: f.kind,
      always: f.always,
      message: f.message,
      patterns: f.patterns.map((p, i) => re(p, `${f.kind}.patterns[${i}]`)),
    })),
  };
}

let defaultRules: RedFlagRules | null = null;
/** The reviewed list shipped with MedBrief (read from src/search/ both from source and from dist/). */
export function defaultRedFlagRules(): RedFlagRules {
  if (!defaultRules) {
    const url = new URL('../../src/search/red-flags.yaml', import.meta.url);
    defaultRules = compileRedFlags(readFileSync(url, 'utf8'), url.pathname);
  }
  return defaultRules;
}

/** Lower-case, apostrophes removed, whitespace collapsed: the form the patterns are written for. */
function normaliseForFlags(text: string): string {
  return text
    .toLowerCase()
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}°.?!,]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface RedFlagOptions {
  emergencyNumber?: string;
  rules?: RedFlagRules;
}

/** The emergency number text: option, else $MEDBRIEF_EMERGENCY_NUMBER, else the neutral default. */
export function emergencyNumberText(option?: string): string {
  const v = option ?? process.env.MEDBRIEF_EMERGENCY_NUMBER;
  return v && v.trim().length > 0 ? v.trim() : DEFAULT_EMERGENCY_NUMBER;
}

/** The first red flag the question raises, or null. `text` should already be clamped in length. */
export function detectRedFlag(text: string, options: RedFlagOptions = {}): RedFlag | null {
  const rules = options.rules ?? defaultRedFlagRules();
  const t = normaliseForFlags(text);
  if (t.length === 0) return null;
  // Personal wording anywhere wins over an informational framing: a false alarm is cheaper
  // than a missed emergency.
  const personal = rules.personal.test(t);
  const informational = rules.informational.some((r) => r.test(t));
  for (const flag of rules.flags) {
    if (!flag.patterns.some((p) => p.test(t))) continue;
    if (flag.always || personal || !informational) {
      const number = emergencyNumberText(options.emergencyNumber);
      return { kind: flag.kind, message: flag.message.replaceAll('{emergency}', number) };
    }
  }
  return null;
}
