/**
 * Given names used to spot personal names that come without a cue ("John has asthma"). A short,
 * hand-written list of common given names across English-speaking, European, South Asian, Arabic,
 * African and East Asian naming traditions; it only needs to catch names written without a cue,
 * because cue phrases ("my name is", "Dear", "Thanks,", "Mrs", "my son …") catch the rest.
 *
 * AMBIGUOUS names are also ordinary words (Will, May, Grace, Mark…): they are removed only after a
 * cue or when followed by a capitalised surname, never on their own.
 */
export const GIVEN_NAMES = new Set(
  `aaron abdul abdullah abigail adam adrian ahmed aisha alan albert alberto alejandro alex alexander alexandra
alexis alfred ali alice alicia alison amanda amber amelia amir amit amy ana andrea andrew angela anita ann anna
anne annie anthony antonio anya arjun arthur ashley aubrey barbara ben benjamin bernard beth betty beverly
brandon brenda brian bridget bruce bryan carl carla carlos carmen carol caroline catherine cathy charles
charlotte chen chloe chris christian christina christine christopher claire clara colin connor craig cynthia
dale daniel daniela danielle david deborah debra denise dennis derek diana diane diego dmitri donald donna
doris dorothy douglas duncan dylan edward eileen elena elijah elizabeth ella ellen emily emma eric erica erin
ethan eugene evelyn fatima felix fernando fiona florence francesca francis gary gemma george georgia gerald
gloria gordon graham gregory hannah harold harry hassan heather helen henry hiroshi holly howard hugh ian
imran irene isaac isabel isabella jacob james jamie jane janet janice jason jean jeffrey jennifer jeremy
jessica jill joan joanne joe joel john jonathan jordan jorge jose joseph joshua juan judith julia julie justin
karen katherine kathleen kathryn katie keith kelly kenneth kevin kimberly kyle laura lauren leah leonard
liam linda lisa lucas lucy luis luke lydia madison manuel margaret maria marie marilyn mario martha martin
mary matthew megan melissa michael michelle miguel mohammed muhammad nancy natalie nathan neil nicholas nicole
nina noah oliver olivia omar oscar pamela patricia patrick paul paula peter philip priya rachel rahul rajesh
ralph rebecca richard robert roger ronald rosemary ruth ryan samantha samuel sandra sara sarah scott sean
sharon shirley simon sophia sophie stephanie stephen steven susan tanya teresa thomas timothy tom tony tracy
tyler valerie vanessa victor victoria vincent walter wayne wei william yasmin yusuf zainab zoe`.split(/\s+/),
);

/** Given names that are also common words: removed only with a cue or a following surname. */
export const AMBIGUOUS_NAMES = new Set(
  `april art autumn bill bob dawn faith frank grace hope ivy jack jade joy june mark may melody pat penny ray
rose ruby sue summer will`.split(/\s+/),
);

/**
 * Names of people that are part of a condition's name (Parkinson's disease, Down syndrome): a
 * given name followed by one of these words is kept.
 */
export const EPONYM_FOLLOWERS =
  /^(?:'s|’s|s'|s)?\s*(?:syndrome|disease|disorder|palsy|sarcoma|lymphoma|tumou?r|anomaly|ataxia|dystrophy|sign|phenomenon|test|procedure|operation|esophagus|oesophagus|ulcer|fracture|cyst|reflex|hernia|neuroma|node)\b/i;
