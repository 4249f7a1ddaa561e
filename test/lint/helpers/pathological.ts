/** Pathological inputs for the work-bound tests and the bench. */
export const FRONT = '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\n---\n';

/** Pathological bodies of about n characters. */
export const PATHOLOGICAL: Record<string, (n: number) => string> = {
  'repeated initials': (n) => 'A.B.'.repeat(n / 4),
  'spaced initials': (n) => 'A. B. '.repeat(n / 6),
  '> nesting': (n) => '>'.repeat(n),
  '> nesting with spaces': (n) => '> '.repeat(n / 2),
  '[ runs': (n) => '['.repeat(n),
  '( runs': (n) => '('.repeat(n),
  '[^ runs': (n) => '[^'.repeat(n / 2),
  '< runs': (n) => '<a '.repeat(n / 3),
  'long word': (n) => 'a'.repeat(n),
  'long number': (n) => '1'.repeat(n),
  'number groups': (n) => '1,000,'.repeat(n / 6),
  'no spaces': (n) => 'word.word,'.repeat(n / 10),
  'white space run': (n) => `${' '.repeat(n)}x`,
  'star runs': (n) => '*'.repeat(n),
  'list markers': (n) => '- '.repeat(n / 2),
  'colon intros': (n) => 'Causes include:\n'.repeat(n / 16),
  'one long paragraph': (n) =>
    'About 15% of people, researchers believe, have an etiology 3 times more likely. '.repeat(n / 80),
  'digits and spaces': (n) => '1 '.repeat(n / 2),
  'percent runs': (n) => '1% '.repeat(n / 3),
  'html tags': (n) => '<p>'.repeat(n / 3),
  'source lines': (n) => 'Source: National Institute of Mental Health\nAbout 8% of adults.\n'.repeat(n / 64),
  'covering statements': (n) =>
    'Facts\nThe figures in this section come from the CDC. About 1 in 3 people.\n'.repeat(n / 70),
  'name then spaces': (n) => `Source: National${' '.repeat(n)}x`,
  'sources locator lines': (n) => `References\n1. NHS.\n${'https://www.nhs.uk/conditions/\n'.repeat(n / 31)}`,
  'sources bare domains': (n) => `References\n1. ${'nhs.uk.'.repeat(n / 7)}\n`,
  'html links': (n) => '<p><a href="https://www.nhs.uk/a">NHS</a> '.repeat(n / 40),
  'html ordered lists': (n) => '<ol><li>x'.repeat(n / 10),
  'trailing year brackets': (n) => `About 15% of people. (Smith${' a'.repeat(n / 2)} 2019)`,
};
