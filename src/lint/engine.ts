/**
 * The rule engine: runs every enabled rule over a LintDocument and turns their reports into
 * located messages. It knows no rule by name; rules come from the registry or the caller.
 */
import type { ResolvedConfig } from './config.js';
import { resolveLintConfig } from './config.js';
import { DisableDirectives } from './disable-comments.js';
import type { LintDocument } from './document/document.js';
import { LineIndex } from './document/line-index.js';
import { rules as registry } from './rules/index.js';
import { type AnyRule, docsUrlFor, type LintMessage, type Report } from './types.js';

export interface EngineOptions {
  /** Per-rule severity and options; rules not mentioned run with their defaults. */
  config?: ResolvedConfig;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly AnyRule[];
  /** Options applied to every rule that accepts them (e.g. `{ today }` for reproducible runs). */
  shared?: Record<string, unknown>;
}

/** Configuration from an answer's front matter (`lint: { rules: … }`), if any. */
function frontMatterConfig(doc: LintDocument): ResolvedConfig | undefined {
  const raw = doc.frontMatter?.lint;
  if (!raw || typeof raw !== 'object') return undefined;
  return resolveLintConfig(raw, `${doc.file} (front matter "lint")`);
}

export function runRules(doc: LintDocument, options: EngineOptions = {}): LintMessage[] {
  const sourceLines = new LineIndex(doc.source);
  const textLines = doc.text === doc.source ? sourceLines : new LineIndex(doc.text);
  const directives = new DisableDirectives(doc.text);
  const messages: LintMessage[] = [];
  let local: ResolvedConfig | undefined;
  try {
    local = frontMatterConfig(doc);
  } catch (err) {
    messages.push({
      ruleId: 'front-matter-valid',
      severity: 'error',
      message: (err as Error).message,
      hint: 'fix the "lint:" settings in the front matter',
      file: doc.file,
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      offset: 0,
      endOffset: 0,
      docsUrl: docsUrlFor('front-matter-valid'),
    });
  }
  const locate = (offset: number) => {
    const p = sourceLines.position(doc.toSource(offset));
    return `${p.line}:${p.column}`;
  };
  for (const rule of options.rules ?? registry) {
    if (rule.appliesTo && !rule.appliesTo.includes(doc.kind)) continue;
    const setting = local?.get(rule.id) ?? options.config?.get(rule.id);
    const severity = setting?.severity ?? rule.severity;
    if (severity === 'off') continue;
    const shape = (rule.options as { shape?: Record<string, unknown> }).shape ?? {};
    const shared = Object.fromEntries(Object.entries(options.shared ?? {}).filter(([k]) => k in shape));
    const ruleOptions = rule.options.parse({ ...shared, ...(setting?.options ?? {}) });
    const reports: Report[] = [];
    try {
      rule.check(doc, { options: ruleOptions, report: (r) => reports.push(r), locate });
    } catch (err) {
      reports.push({
        start: 0,
        end: 0,
        message: `rule failed on this input: ${(err as Error).message}`,
        hint: 'please report this as a bug',
      });
    }
    for (const r of reports) {
      const start = clamp(Math.min(r.start, r.end), doc.text.length);
      const end = clamp(Math.max(r.start, r.end), doc.text.length);
      if (directives.isDisabled(rule.id, textLines.position(start).line)) continue;
      const offset = clamp(doc.toSource(start), doc.source.length);
      const endOffset = Math.max(offset, clamp(doc.toSource(end), doc.source.length));
      const a = sourceLines.position(offset);
      const b = sourceLines.position(endOffset);
      messages.push({
        ruleId: rule.id,
        severity,
        message: r.message,
        hint: r.hint,
        file: doc.file,
        line: a.line,
        column: a.column,
        endLine: b.line,
        endColumn: b.column,
        offset,
        endOffset,
        fix: doc.kind === 'markdown' ? r.fix : undefined,
        docsUrl: docsUrlFor(rule.id),
      });
    }
  }
  return messages.sort((x, y) => x.offset - y.offset || x.ruleId.localeCompare(y.ruleId));
}

function clamp(n: number, max: number): number {
  return Number.isFinite(n) ? Math.max(0, Math.min(Math.trunc(n), max)) : 0;
}
