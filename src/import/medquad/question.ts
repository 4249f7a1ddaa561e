/**
 * MedQuAD questions come from templates ("What is (are) X ?", "Who is at risk for X? ?") or
 * are lower-cased page headings (CDC). This turns them into questions a reader would write.
 */
export function cleanQuestion(raw: string): string {
  let q = raw.replace(/\s+/g, ' ').trim();
  q = q.replace(/^What is \(are\)\s+/i, 'What is ');
  q = q.replace(/\s*\?(\s*\?)+\s*$/, '?'); // "X? ?" → "X?"
  q = q.replace(/\s+\?$/, '?'); // "X ?" → "X?"
  q = q.replace(/[.:;,!\s]+$/, '');
  if (!q.endsWith('?')) q = `${q}?`;
  return q.charAt(0).toUpperCase() + q.slice(1);
}
