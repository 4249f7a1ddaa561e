/** Dates as pages write them: ISO, "7 April 2026", "April 7, 2026", "04/07/2026". */

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** Source of a date pattern (no flags, no groups that callers depend on). */
export const DATE_SOURCE = `(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{4})`;

export const DATE = new RegExp(DATE_SOURCE, 'gi');

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function monthIndex(name: string): number {
  const n = name.toLowerCase().replace(/\.$/, '');
  return MONTHS.findIndex((m) => m.startsWith(n.slice(0, 3))) + 1;
}

/** ISO form of a date, or undefined when it cannot be read unambiguously. */
export function toIsoDate(raw: string): string | undefined {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return s;
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    if (a > 12 && b <= 12) return `${y}-${pad(b)}-${pad(a)}`;
    if (b > 12 && a <= 12) return `${y}-${pad(a)}-${pad(b)}`;
    if (a === b) return `${y}-${pad(a)}-${pad(b)}`;
    return undefined;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s);
  if (m) return `${m[3]}-${pad(monthIndex(m[2]!))}-${pad(Number(m[1]))}`;
  m = /^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i.exec(s);
  if (m) return `${m[3]}-${pad(monthIndex(m[1]!))}-${pad(Number(m[2]))}`;
  m = /^([a-z]+)\.?\s+(\d{4})$/i.exec(s);
  if (m) return `${m[2]}-${pad(monthIndex(m[1]!))}-01`;
  return undefined;
}

/** A numeric date whose day and month could be swapped (04/07/2026: 4 July or April 7?). */
export function isAmbiguousNumericDate(raw: string): boolean {
  const m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})$/.exec(raw.trim());
  if (!m) return false;
  const a = Number(m[1]);
  const b = Number(m[2]);
  return a >= 1 && b >= 1 && a <= 12 && b <= 12 && a !== b;
}
