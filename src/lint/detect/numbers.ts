/** Regular-expression pieces for numbers as health texts write them ("1,000", "2.5", "one in four"). */

export const NUM = '(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?';
export const WORD_NUM =
  '(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|a thousand|a million|one hundred|one thousand|one million)';
export const MULTIPLIER = '(?:\\s*(?:hundred|thousand|million|billion))?';
export const ANY_NUM = `(?:${NUM}|${WORD_NUM})${MULTIPLIER}`;
export const APPROX =
  '(?:(?:about|around|approximately|approx\\.?|roughly|nearly|almost|up to|over|more than|less than|fewer than|at least|an estimated|estimated|some)\\s+)?';
/** A number or a range of numbers ("200 to 600", "2–3", "between 5 and 10"). */
export const RANGE = `(?:between\\s+)?${ANY_NUM}(?:\\s*(?:to|-|–|—|and|or)\\s*${ANY_NUM})?`;
export const PERCENT = `${RANGE}\\s?(?:%|percent\\b|per\\s?cent\\b)`;
