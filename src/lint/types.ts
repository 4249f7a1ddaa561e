/**
 * The linter's vocabulary: documents the rules read, the messages they report, and the shape of a
 * rule. Rules see only a LintDocument and their options, never files, so they stay pure.
 */
import type { z } from 'zod';
import type { LintDocument } from './document/document.js';

export type { LintDocument } from './document/document.js';

export type Severity = 'error' | 'warn';

/** A replacement of `text[start, end)` by `text` in the analysed document. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** What a rule reports: offsets into `doc.text`; the engine turns them into lines and columns. */
export interface Report {
  start: number;
  end: number;
  message: string;
  /** How to fix it, in words. */
  hint?: string;
  fix?: Fix;
}

export interface LintMessage {
  ruleId: string;
  severity: Severity;
  message: string;
  hint?: string;
  file: string;
  /** 1-based, in the original input. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based offsets in the original input. */
  offset: number;
  endOffset: number;
  fix?: Fix;
  docsUrl: string;
}

export interface RuleExample {
  /** What the example shows, in a few words. */
  title?: string;
  /** 'markdown' = an answer file (front matter optional); 'page' = a published page, as audited. */
  kind: 'markdown' | 'page';
  text: string;
}

/** A message a not-ok example must give: where, the reason in plain words, and the fix hint. */
export interface ExpectedMessage {
  /** `line:column` */
  at: string;
  message: string;
  hint: string;
}

export interface NotOkExample extends RuleExample {
  /** Every message the rule must report on this example, in order, with its text pinned. */
  expected: ExpectedMessage[];
}

export interface RuleDocs {
  /** One line: what the rule checks. */
  summary: string;
  /** Why it matters, with the guidance it follows. */
  why: string;
  references: { title: string; url: string }[];
  ok: RuleExample[];
  notOk: NotOkExample[];
  /** Options and their defaults, in words. */
  options?: string;
}

export interface RuleContext<O> {
  options: O;
  report(r: Report): void;
  /** `line:column` of an offset of `doc.text` in the original input, for messages. */
  locate(offset: number): string;
}

export interface Rule<O = Record<string, unknown>> {
  id: string;
  severity: Severity;
  /** Which documents it applies to; both when absent. */
  appliesTo?: readonly ('markdown' | 'page')[];
  /** Options schema with defaults (z.object({...}).default({})-like: parse({}) gives the defaults). */
  options: z.ZodType<O>;
  fixable?: boolean;
  docs: RuleDocs;
  check(doc: LintDocument, ctx: RuleContext<O>): void;
}

// biome-ignore lint/suspicious/noExplicitAny: a registry holds rules with different option types
export type AnyRule = Rule<any>;

/** Rule docs live in the repository; links are relative to its root so they work in any clone. */
export function docsUrlFor(ruleId: string): string {
  return `docs/rules.md#${ruleId}`;
}
