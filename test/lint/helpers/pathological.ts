/** Pathological inputs for the work-bound tests and the bench. */
export const FRONT = '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\n---\n';

/** About n characters of one unit repeated. */
const times = (unit: string) => (n: number) => unit.repeat(Math.max(1, Math.floor(n / unit.length)));

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
  // Shapes of the relative-risk, attribution, citation, list, repeat and jargon-name patterns.
  'ratio runs': (n) => 'risk ratio of '.repeat(n / 14),
  'multiplier runs': (n) => 'raises the risk 3x '.repeat(n / 19),
  'percent more likely runs': (n) => 'about 49% more '.repeat(n / 15),
  'authority about runs': (n) => `Evidence from ${'neuroscience, '.repeat(n / 14)}`,
  'authority about verbs': (n) => 'Research on gout in men shows research on '.repeat(n / 42),
  'quote runs': (n) => '"'.repeat(n),
  'unclosed title quotes': (n) => 'the fact sheet, "Idiopathic Chronic Renal '.repeat(n / 42),
  'pdf marker runs': (n) => '1 in 4 [PDF-'.repeat(n / 12),
  'do intros': (n) => 'Do:\n'.repeat(n / 4),
  'intro then intro': (n) => 'You should:\nYou could also try:\n'.repeat(n / 32),
  'comma items': (n) => `Black and over age 40${', over age 60'.repeat(n / 13)}.`,
  'headings and repeats': (n) =>
    'Cataract\nIf you are over age 60, have an eye exam through dilated pupils every two years.\n'.repeat(
      n / 90,
    ),
  'condition headings': (n) =>
    'Chronic obstructive pulmonary disease\nChronic renal failure is rare.\n'.repeat(n / 70),
  'review wordings': (n) => 'Medically reviewed in May 2005 by '.repeat(n / 34),
  // Round 4: unnamed sources and guidance, headings with a colon, featured repeats, generic words.
  'unnamed source runs': times('a new study reveals a new '),
  'guidance runs': times('National Guidance also states guidelines recommend new findings '),
  'title case colons': times('Health Risk Factors: '),
  'headings with colons': times(
    'Health Risk Factors:\nOur nation faces a health crisis due to the burden of chronic disease today.\n',
  ),
  'featured repeats': times(
    'Week of January 7, 2019\nCDC urges all women of reproductive age to take folic acid each day.\n',
  ),
  'generic condition words': times('a progressive disease, cardiovascular disease '),
  'topic titles': times(
    '- Biomarkers\nA biomarker is an objective measure of what is happening in a cell now.\n',
  ),
  'considers what runs': times('health research considers what '),
  'next sentence explains': times('This is an autoimmune condition. That means '),
  'bracket percent runs': times('(the 95% (the 95% confidence interval '),
  // Round 5: glossary entries, sub-headings, cut intros, thresholds, negated purposes, contrasts,
  // "What is …?" questions, plain words before a term, contents lists, evidence said to exist.
  'pronunciation runs': times('abdomen (AB-doh-men) (AB-doh-'),
  'glossary entries': times('abdomen (AB-doh-men):\nthe area between the chest and hips.\n'),
  'sub-headings with items': times(
    'Other sites include the following:\nGeneral Health Websites:\nPatient UK : leaflets\n',
  ),
  'cut intros': times('Common asthma triggers include\n'),
  'include runs': times('include are such as include '),
  'of the time runs': times('at least 25 percent of the time '),
  'negated purpose runs': times("You can't take antibiotics to cure not to to "),
  'opposite runs': times('Acute is the opposite of chronic. the opposite of '),
  'what is questions': times('What is the gastrointestinal tract? The GI tract is a tube. '),
  'what is runs': times('what is what are the '),
  'plain word before': times('in your stomach a gastric polyp stomachs gastric '),
  'contents questions': times(
    '- What is drug addiction and how quickly can I become addicted to it?\nWhat is drug addiction and how quickly can I become addicted to it?\n',
  ),
  'there is evidence runs': times('There is some research to support there is some growing '),
};
