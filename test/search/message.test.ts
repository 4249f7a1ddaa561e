/**
 * The message parser on real-style consumer messages. Every message here was written for this
 * test (none is copied from a data set): subject lines, background, typos, several questions.
 */
import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/search/index.js';
import { isAsking, parseMessage, splitSubject } from '../../src/search/message.js';
import { FIXTURE_DOCS } from './fixtures.js';

const engine = new AskEngine(FIXTURE_DOCS);

/** The message is read as about a medicine and abstains for that reason. */
function expectAboutMedicine(message: string): void {
  const r = engine.ask(message);
  expect(r.parsed?.focus.kind).toBe('drug');
  expect(r.reason).toBe('drug-only');
}
const reasonOf = (message: string) => engine.ask(message).reason;

describe('splitting a message', () => {
  it('takes "SUBJECT: … MESSAGE: …" and a short first line as the subject', () => {
    expect(splitSubject('SUBJECT: gout\nMESSAGE: how do i stop the attacks?')).toEqual({
      subject: 'gout',
      message: 'how do i stop the attacks?',
    });
    expect(splitSubject('fibromyalgia question\nI have had pain for years. Is there a cure?').subject).toBe(
      'fibromyalgia question',
    );
    // a first line that is a whole sentence is not a subject
    expect(splitSubject('I have gout.\nIs there a cure?').subject).toBeNull();
  });

  it('tells asking sentences from background', () => {
    expect(isAsking('is there a cure')).toBe(true);
    expect(isAsking('I would like to know what causes it.')).toBe(true);
    expect(isAsking('Please tell me where to start')).toBe(true);
    expect(isAsking('My mother was diagnosed in 2019.')).toBe(false);
  });
});

describe('reading real-style messages', () => {
  it('a subject naming the condition and a diagnosis question in the message', () => {
    const p = engine.parse(
      'SUBJECT: fibromyalgia\nMESSAGE: My doctor thinks I might have it but nobody has done anything. How do they test for this?',
    );
    expect(p.subject).toBe('fibromyalgia');
    expect(p.question).toBe('How do they test for this?');
    expect(p.focus).toMatchObject({ kind: 'condition', slug: 'fibromyalgia' });
    expect(p.aspect).toBe('diagnosis');
  });

  it("a worried relative's paragraph that ends in the question", () => {
    const p = engine.parse(
      'My sister had type 1 diabetes for many years before her pregnancy. Her baby boy was born last month and ' +
        'the doctors say he has sacrel agenisis, his lower spine did not form. We are all devastated. ' +
        'Could her diabetes have caused this?',
    );
    expect(p.question).toBe('Could her diabetes have caused this?');
    expect(p.focus).toMatchObject({ kind: 'condition', slug: 'sacral-agenesis' });
    expect(p.type).toBe('cause');
    expect(p.aspect).toBe('causes');
    expect(p.backgroundSentences).toBe(3);
  });

  it('several questions: the first real one is main, the others are listed', () => {
    const p = engine.parse(
      'Hi, I am 54 and was told I have gout in my big toe. What foods should I avoid? Also is it hereditary? ' +
        'and will it damage my kidneys? thank you',
    );
    expect(p.question).toBe('What foods should I avoid?');
    expect(p.otherQuestions).toEqual(['Also is it hereditary?', 'and will it damage my kidneys?']);
    expect(p.focus.slug).toBe('gout');
  });

  it('all capitals and no question mark', () => {
    const p = engine.parse('IS THERE ANY CURE FOR FIBROMYALGIA I AM IN PAIN EVERY DAY');
    expect(p.focus.slug).toBe('fibromyalgia');
    expect(p.aspect).toBe('treatment');
  });

  it('a question only about a medicine has no aspect of ours', () => {
    const p = engine.parse(
      'SUBJECT: allopurinol\nMESSAGE: who makes allopurinol 300 mg? my pharmacy says there is a shortage and I need a new supplier',
    );
    expect(p.type).toBe('manufacturer');
    expect(p.noAspect).toBe(true);
    expect(p.drugs).toContain('allopurinol');
    const r = engine.ask('does atorvastatin contain gluten? I have coeliac and have to be careful');
    expect(r.abstained).toBe(true);
    expect(r.reason).toBe('drug-only');
  });

  it('a message about a medicine is about the medicine, even when it names a condition', () => {
    // The subject line is only a medicine (with its form); the condition is background.
    expectAboutMedicine(
      'SUBJECT: Plaquenil 200 mg tablets\nMESSAGE: I was diagnosed with gout last year. Is this a steroid?',
    );
    // The asking sentence names a medicine and no condition; "this medicine" refers back to one.
    expect(reasonOf('My mum has gout. Could she take Motrin along with her other pills?')).toBe('drug-only');
    expect(
      reasonOf(
        'SUBJECT: metoclopramide\nMESSAGE: my mouth is dry. Could this be a side effect of this medicine?',
      ),
    ).toBe('drug-only');
    // A question about a condition that mentions a medicine stays a condition question.
    const gout = engine.parse('I take allopurinol. What causes gout?');
    expect(gout.aboutMedicine).toBe(false);
    expect(gout.focus.slug).toBe('gout');
    expect(engine.parse('SUBJECT: gout and allopurinol\nMESSAGE: how is gout treated?').aboutMedicine).toBe(
      false,
    );
    // "cholesterol" ends like a medicine (-terol) but is not one.
    expect(engine.parse('Is low cholesterol inherited?').drugs).toEqual([]);
  });

  it('a medicine misspelt by one letter, a supplement, or named only in the background', () => {
    // one letter off a known name: a subject line that is only that name is about the medicine
    expectAboutMedicine(
      'SUBJECT: Pentoxifyline\nMESSAGE: my dad took two of them this morning by mistake. is he in danger?',
    );
    expect(engine.parse('SUBJECT: metforman tablets\nMESSAGE: can they be cut in half?').drugs).toContain(
      'metforman',
    );
    // everyday words one letter from a brand are not medicines ("ability" ~ Abilify, "program" ~ Prograf)
    expect(
      engine.parse('Is there a program that helps with the ability to walk after a stroke?').drugs,
    ).toEqual([]);
    // herbs and supplements MedQuAD has no pages on
    expect(reasonOf('Can I take ashwagandha with my evening tea? Is it safe?')).toBe('drug-only');
    // no condition named anywhere: a medicine named in the background is what the message is about
    expect(
      engine.parse(
        'Last week I took far too much Benadryl to sleep. I feel fine now. Could it have hurt my nerves?',
      ).focus.kind,
    ).toBe('drug');
    // a condition named in the background keeps the question about the condition
    expect(
      engine.parse('I take allopurinol every day for my gout. Why does it flare in winter?').focus.kind,
    ).toBe('condition');
  });

  it('"what is causing this" asks for a cause, not what something is', () => {
    expect(parseMessage('my feet tingle at night. what is causing this and can it get worse?').type).toBe(
      'cause',
    );
    expect(parseMessage("what's causing my headaches").type).toBe('cause');
    expect(parseMessage('What is gout?').type).toBe('what-is');
  });

  it('asks whether a medicine is safe given a condition, or asks for a product', () => {
    // whether a medicine may be taken with a condition: no page of ours says, whatever it names
    expect(reasonOf('I have gout. Is it safe to take echinacea with it?')).toBe('drug-only');
    expect(reasonOf('Can I take my vitamins while I have a gout flare?')).toBe('drug-only');
    // whether a medicine treats a condition stays a treatment question about the condition
    expect(engine.parse('Can allopurinol help my gout?').aboutMedicine).toBe(false);
    // asking for a product when no condition is asked of
    expect(engine.parse('Is there a pill or shake that helps you lose weight fast?').aboutMedicine).toBe(
      true,
    );
    expect(engine.parse('Which treatments are there for gout?').aboutMedicine).toBe(false);
  });

  it('asks about what a product contains or whether it keeps', () => {
    expect(engine.parse('Is the gelatin in your capsules from pork? We do not eat pork.').type).toBe(
      'ingredients',
    );
    expect(engine.parse('does it contain dairy? my son is allergic to milk').type).toBe('ingredients');
    expect(
      engine.parse(
        'The bags of saline froze in the van. If we let them thaw at room temperature can we use them?',
      ).type,
    ).toBe('storage');
    expect(engine.parse('I have pills from last year. Are they still potent?').type).toBe('storage');
  });

  it('a condition we do not cover, a test, and something that is not about health', () => {
    expect(parseMessage('what does a high ferritin blood test result mean?').focus.kind).toBe('test');
    expect(parseMessage('how do I change the oil in my car').focus.kind).toBe('non-health');
  });

  it('pasted HTML is read as text', () => {
    const p = engine.parse(
      '<div><p>Hello,</p><p>what causes <b>gout</b>?</p><br><i>Sent from my phone</i></div>',
    );
    expect(p.question).toBe('what causes gout ?');
    expect(p.focus.slug).toBe('gout');
    expect(p.aspect).toBe('causes');
  });
});
