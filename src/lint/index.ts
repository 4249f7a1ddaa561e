/**
 * The evidence and plain-language linter (DESIGN.md §6). Pure: text in, messages out.
 *
 *   lintAnswer(text, { file })      a Markdown answer (front matter + body)
 *   auditPage(text, file)           a published page, plain text or HTML
 *   loadLintConfig(dir)             medbrief.config.{json,yaml,yml} found upward
 *   formatStylish / formatJson / formatSarif
 */
import { type ParsedAnswer, serialiseAnswer } from '../content/index.js';
import type { ResolvedConfig } from './config.js';
import { documentFromMarkdown } from './document/from-answer.js';
import { documentFromPage } from './document/from-page.js';
import { type EngineOptions, runRules } from './engine.js';
import { applyFixes } from './fix.js';
import type { LintMessage } from './types.js';

export {
  type ConfigProblem,
  type LintConfig,
  LintConfigError,
  loadLintConfig,
  mergeConfigs,
  type ResolvedConfig,
  readLintConfigFile,
  resolveLintConfig,
} from './config.js';
export type { LintDocument } from './document/document.js';
export { documentFromMarkdown } from './document/from-answer.js';
export { documentFromPage } from './document/from-page.js';
export { type PageBlock, type PageParts, pageParts } from './document/page-parts.js';
export { applyFixes } from './fix.js';
export { formatJson } from './format/json.js';
export { formatSarif } from './format/sarif.js';
export { countBySeverity, type FileResult, formatStylish } from './format/stylish.js';
export { renderRuleDocs } from './rule-docs.js';
export { rules, rulesById } from './rules/index.js';
export type { AnyRule, Fix, LintMessage, Rule, RuleDocs, Severity } from './types.js';

export interface LintOptions {
  file?: string;
  config?: ResolvedConfig;
  /** YYYY-MM-DD used as "today" by date rules (default: the real date). */
  today?: string;
  /** Known reviewer ids (reviewers.yaml), checked by review-claim-unsupported. */
  reviewers?: string[];
}

function engineOptions(options: LintOptions): EngineOptions {
  const shared: Record<string, unknown> = {};
  if (options.today) shared.today = options.today;
  if (options.reviewers) shared.reviewers = options.reviewers;
  return { config: options.config, shared };
}

/**
 * Lints a Markdown answer. Pass the file text when you have it (positions then match the file);
 * a ParsedAnswer is serialised first, so positions refer to its canonical serialisation.
 */
export function lintAnswer(input: string | ParsedAnswer, options: LintOptions = {}): LintMessage[] {
  const text = typeof input === 'string' ? input : serialiseAnswer(input.answer);
  const file = options.file ?? (typeof input === 'string' ? '<answer>' : input.file);
  return runRules(documentFromMarkdown(text, file), engineOptions(options));
}

/** Audits a published page (plain text or HTML) with the same rules. */
export function auditPage(
  text: string,
  file = '<page>',
  options: Omit<LintOptions, 'file'> = {},
): LintMessage[] {
  return runRules(documentFromPage(text, file), engineOptions(options));
}

/** Lints and fixes a Markdown answer, re-linting after each pass (at most 10 passes). */
export function fixAnswer(
  text: string,
  options: LintOptions = {},
): { output: string; fixed: number; messages: LintMessage[] } {
  let output = text;
  let fixed = 0;
  for (let pass = 0; pass < 10; pass++) {
    const messages = lintAnswer(output, options);
    const r = applyFixes(output, messages);
    if (!r.applied) return { output, fixed, messages };
    output = r.output;
    fixed += r.applied;
  }
  return { output, fixed, messages: lintAnswer(output, options) };
}

/** True when publishing must be refused: any error-severity message remains. */
export function hasErrors(messages: readonly LintMessage[]): boolean {
  return messages.some((m) => m.severity === 'error');
}
