/**
 * The parsed message and the reason for the outcome as label/value lines: what `medbrief ask
 * --explain` prints first and what the Ask page shows with ?explain=1, so both say the same.
 */

/** The part of an AskResult the lines are made from (structurally compatible with AskResult). */
export interface ExplainableResult {
  abstained: boolean;
  reason?: string | null;
  parsed?: {
    question: string;
    otherQuestions: string[];
    subject: string | null;
    focus: { kind: string; name?: string; phrase?: string };
    type: string | null;
    aspect: string | null;
    noAspect: boolean;
  };
  explain?: {
    corrections?: { from: string; to: string }[];
    threshold?: number;
    confidence?: { value: number | null };
  };
}

/** The parsed message and the reason, as label/value lines for ?explain=1. */
export function explainLines(result: ExplainableResult): { label: string; value: string }[] {
  const p = result.parsed;
  const lines: { label: string; value: string }[] = [];
  if (p) {
    if (p.subject) lines.push({ label: 'Subject line', value: p.subject });
    lines.push({ label: 'Question answered', value: p.question });
    if (p.otherQuestions.length)
      lines.push({ label: 'Other questions', value: p.otherQuestions.join(' | ') });
    const focus =
      p.focus.kind === 'condition'
        ? `${p.focus.name} (a condition we cover; named as “${p.focus.phrase}”)`
        : `${p.focus.kind}${p.focus.phrase ? ` (“${p.focus.phrase}”)` : ''}`;
    lines.push({ label: 'About', value: focus });
    lines.push({
      label: 'Kind of question',
      value: `${p.type ?? 'nothing specific'} → ${p.aspect ?? (p.noAspect ? 'no kind of answer we have' : 'any')}`,
    });
  }
  const fixes = result.explain?.corrections ?? [];
  if (fixes.length)
    lines.push({ label: 'Spelling read as', value: fixes.map((c) => `${c.from} → ${c.to}`).join(', ') });
  const confidence = result.explain?.confidence?.value;
  if (typeof confidence === 'number' && typeof result.explain?.threshold === 'number')
    lines.push({
      label: 'Confidence',
      value: `${confidence.toFixed(2)} that the top answer answers it (answers from ${result.explain.threshold})`,
    });
  lines.push({
    label: 'Result',
    value: result.abstained ? `no answer (${result.reason ?? 'unknown reason'})` : 'answered',
  });
  return lines;
}
