/**
 * Words the skill acts on, not the question again in silence: what the flow check's new rule found ("a reply
 * that stays where it was says why"), through the real model, in the words people use.
 */
import { talkTo, type Dialog } from '../support/dialog';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';
import { TILTS_OFFER, TILTS_SKIP_PREGNANT } from '../../lambda/src/content/guidance';
import { textFor } from '../../lambda/src/content/types';
import { localePack } from '../../lambda/src/locale';
import { TALK } from '../../lambda/src/content/talk';

const en = localePack('en-US');
const stateOf = (d: Dialog): Record<string, unknown> => (d.last.response?.sessionAttributes?.bh ?? {}) as Record<string, unknown>;

async function opened(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
}

describe('"It\'s an emergency", without a sign', () => {
  it.each(["it's an emergency", 'this is an emergency', "it's serious"])('"%s" is checked with the sign question, and said again it is the number', async (words) => {
    const d = talkTo();
    await opened(d);
    const check = await d.user(words);
    expect(check.speech).toContain('Did you fall or faint? Or do you have chest pain, trouble breathing');
    expect(check.speech).not.toContain("didn't catch");
    const again = await d.user(words);
    expect(again.speech).toContain('You said this is an emergency. Call 911 now');
    expect(again.speech).toContain("Alexa can't call for you.");
    expect(stateOf(d)).toMatchObject({ step: 'emergency', emergency: 'UNKNOWN' });
  });

  it('an ordinary sentence in the same words is still answered by the step', async () => {
    const d = talkTo();
    await opened(d);
    const t = await d.user("i'm at my desk");
    expect(t.speech).not.toContain('chest pain, trouble breathing');
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 0 });
  });
});

describe('"go back" with nothing before it', () => {
  it('at the first question: says so, and asks it again', async () => {
    const d = talkTo();
    await opened(d);
    const t = await d.user('go back', 'AMAZON.PreviousIntent');
    expect(t.speech).toContain(`${TALK.atStart} ${textFor(SCREEN[0]!.ask.say, en)}`);
  });

  it('at the second question: the first again', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no', 'AMAZON.NoIntent');
    const t = await d.user('go back', 'AMAZON.PreviousIntent');
    expect(t.speech).toContain(textFor(SCREEN[0]!.ask.say, en));
    expect(t.speech).not.toContain(TALK.atStart);
  });
});

describe('the same request again, to its own confirmation', () => {
  it('"forget me", twice, is the yes', async () => {
    const d = talkTo();
    await opened(d);
    const ask = await d.user('forget me', 'ForgetMeIntent');
    expect(ask.speech).toContain(TALK.forgetAsk);
    const done = await d.user('forget me', 'ForgetMeIntent');
    expect(done.speech).toContain(TALK.forgetDone);
  });
});

describe('"I meant yes": a no taken back', () => {
  it.each(['i meant yes', 'wait, i meant yes', 'actually yes', 'change that to yes', 'wait, actually yes', 'sorry, yes', 'no wait, yes', 'i mean yes'])('"%s" at the second question is a yes to the first: the number', async (words) => {
    const d = talkTo();
    await opened(d);
    await d.user('no', 'AMAZON.NoIntent');
    const t = await d.user(words, 'MeantYesIntent');
    expect(t.speech).toContain(`${textFor(SCREEN[0]!.heard.say, en)} Call 911 now`);
    expect(stateOf(d)).toMatchObject({ step: 'emergency', emergency: SCREEN[0]!.id });
  });

  it('just after the last question, which one is not known: the one check question about the signs', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    const t = await d.user('actually yes', 'MeantYesIntent');
    expect(t.speech).toContain('Did you fall or faint? Or do you have chest pain, trouble breathing');
    const yes = await d.user('yes', 'AMAZON.YesIntent');
    expect(yes.speech).toContain('Call 911 now');
    expect(stateOf(d)).toMatchObject({ step: 'emergency' });
  });

  it('at an offer in the plan it is simply a yes', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user("i'm in bed", 'InBedIntent');
    await d.user('done', 'DoneIntent');
    const t = await d.user('actually yes', 'MeantYesIntent');
    expect(stateOf(d)).toMatchObject({ step: 'breathing' });
    expect(t.speech).not.toContain('911 now');
  });
});

/** Cleared, on the floor, breathing declined, Q6-Q11 all no: at the tilts offer. */
async function atTiltsOffer(d: Dialog) {
  await opened(d);
  for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
  await d.user("i'm on the floor", 'OnFloorIntent');
  await d.user('done', 'DoneIntent');
  await d.user('no', 'AMAZON.NoIntent');
  for (let i = 0; i < MORE_QUESTIONS.length; i++) await d.user('no', 'AMAZON.NoIntent');
}

describe('strangers, round E', () => {
  it('the tilts offer says they are on the back and asks about pregnancy; "yes I\'m pregnant" leaves them out', async () => {
    for (const words of ["yes i'm pregnant", "i'm expecting"]) {
      const d = talkTo();
      await atTiltsOffer(d);
      expect(d.last.speech).toContain(textFor(TILTS_OFFER.say, en));
      const t = await d.user(words, 'PregnantIntent');
      expect(t.speech).toContain(textFor(TILTS_SKIP_PREGNANT.say, en));
      expect(stateOf(d)).toMatchObject({ step: 'getUpOffer', pregnant: true });
    }
  });

  it('"hmm" while getting up is not "ready": the step waits', async () => {
    const d = talkTo();
    await atTiltsOffer(d);
    await d.user('no', 'AMAZON.NoIntent');
    await d.user('yes', 'AMAZON.YesIntent');
    const before = stateOf(d);
    expect(before).toMatchObject({ step: 'getUp', q: 0 });
    const t = await d.user('hmm');
    expect(stateOf(d)).toMatchObject({ step: 'getUp', q: 0 });
    expect(t.speech).toContain(TALK.takeYourTime);
  });

  it.each(['wait, back up', 'previous question', 'can we go back'])('"%s" goes back a question', async (words) => {
    const d = talkTo();
    await opened(d);
    await d.user('no', 'AMAZON.NoIntent');
    await d.user(words, 'AMAZON.PreviousIntent');
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 0 });
  });
});

describe('"what do I do?" after a warning sign', () => {
  it('says the number first, in what is spoken, not only in the reprompt', async () => {
    const d = talkTo();
    await opened(d);
    await d.user("it's an emergency");
    await d.user("it's an emergency");
    const t = await d.user('what do i do', 'AMAZON.HelpIntent');
    expect(t.speech).toMatch(/^Call 911 now if you haven't yet\. Alexa can't call for you\./);
    expect(stateOf(d)).toMatchObject({ step: 'emergency', emergency: 'UNKNOWN' });
  });
});

describe('the place, once known, is not asked again', () => {
  it('"how should I lie?", then settled in bed: the plan goes on, not "where are you?"', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('how should i lie', 'PositionsIntent');
    await d.user("i'm in bed", 'InBedIntent');
    const t = await d.user('done', 'DoneIntent');
    expect(t.speech).not.toContain('Where are you');
    expect(stateOf(d)).toMatchObject({ step: 'breathingOffer', pos: 'BED' });
  });

  it('a side question during the minute in bed: the offer to carry on with that position', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user("i'm in bed", 'InBedIntent');
    await d.user('when should i see a doctor');
    const t = await d.user('no', 'AMAZON.NoIntent');
    expect(t.speech).not.toContain('Where are you');
    expect(stateOf(d)).toMatchObject({ step: 'resumeOffer', ret: 'positionHold' });
  });
});

describe('strangers, round E: the later questions and a side question at "shall we carry on?"', () => {
  it('"go back" at Q13 after a no to Q12A is Q12A, not an age question never asked', async () => {
    const d = talkTo();
    await atTiltsOffer(d);
    await d.user('no', 'AMAZON.NoIntent'); // no tilts
    await d.user('no', 'AMAZON.NoIntent'); // no getting up
    expect(stateOf(d)).toMatchObject({ step: 'final', q: 0 });
    await d.user('no', 'AMAZON.NoIntent'); // not the first time
    expect(stateOf(d)).toMatchObject({ step: 'final' });
    await d.user('go back', 'AMAZON.PreviousIntent');
    expect(stateOf(d)).toMatchObject({ step: 'final', q: 0 });
  });

  it.each(["i'm standing at the kitchen sink", "i'm holding on to the counter"])('"%s" is a place: standing', async (words) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user(words, 'StandingIntent');
    expect(stateOf(d)).toMatchObject({ pos: 'STANDING' });
  });
});

describe('strangers, round F: a warning sign in other words', () => {
  it.each([
    ['i fell on the ice', 'FALL'],
    ['i tried to get up and fell over', 'FALL'],
    ['actually i did fall', 'FALL'],
    ['i passed out', 'FAINT'],
    ['i passed out before this', 'FAINT'],
    ['my chest feels tight now', 'CHEST'],
    ['i just wet myself and didn\'t notice', 'BLADDER_LEAK'],
    ['my groin has gone numb', 'SADDLE'],
    ['i can\'t feel my bum', 'SADDLE'],
    ['my legs have gone numb now', 'LEGS_NUMB'],
  ])('"%s", said while holding a position, is the number at once (%s)', async (words, sign) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('on the floor');
    const t = await d.user(words, 'EmergencyStatementIntent');
    expect(t.speech).toContain('Call 911 now');
    expect(t.speech).toContain("Alexa can't call for you.");
    expect(stateOf(d)).toMatchObject({ step: 'emergency', emergency: sign });
  });

  it('a fall said in words the model cannot place is asked about, and the check names falls and fainting', async () => {
    const d = talkTo();
    await opened(d);
    const t = await d.user('i came down hard on the stairs last night and fell');
    expect(t.speech).toContain('Did you fall or faint? Or do you have chest pain');
    const yes = await d.user('yes', 'AMAZON.YesIntent');
    expect(yes.speech).toContain('Call 911 now');
    expect(stateOf(d)).toMatchObject({ step: 'emergency' });
  });
});

describe('strangers, round F: everyday words for where they are, pregnancy and fear', () => {
  it.each([
    ['sitting in my armchair', 'SITTING'],
    ['in my armchair', 'SITTING'],
    ['sitting at my desk', 'SITTING'],
    ['standing in the hallway', 'STANDING'],
    ["i'm standing at the kitchen sink holding on", 'STANDING'],
  ])('"%s" at "where are you?" is a place (%s)', async (words, pos) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    const t = await d.user(words);
    expect(t.speech).not.toContain("didn't catch");
    expect(stateOf(d)).toMatchObject({ pos });
  });

  it('"I\'m pregnant by the way" at the first question is noted, and the question asked again', async () => {
    const d = talkTo();
    await opened(d);
    const t = await d.user("i'm pregnant by the way", 'PregnantIntent');
    expect(t.speech).not.toContain("didn't catch");
    expect(t.speech).toContain(textFor(SCREEN[0]!.ask.say, en));
    expect(stateOf(d)).toMatchObject({ pregnant: true, step: 'screen', q: 0 });
  });

  it.each(["what if it's something serious", "please tell me i'll be okay"])('"%s" is heard as fear, with no reassurance before the questions are done', async (words) => {
    const d = talkTo();
    await opened(d);
    const t = await d.user(words, 'ScaredIntent');
    expect(t.speech).not.toContain("didn't catch");
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 0 });
  });
});

describe('strangers, round F: more signs and answers in their own words', () => {
  it.each([
    ['my legs feel a bit numb actually', 'LEGS_NUMB'],
    ['my feet are numb', 'LEGS_NUMB'],
    ["i can't feel my foot", 'LEG_NUMB'],
    ['i slipped on the stairs this morning', 'FALL'],
  ])('"%s" during the plan is the number at once (%s)', async (words, sign) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('on the floor');
    const t = await d.user(words, 'EmergencyStatementIntent');
    expect(t.speech).toContain('Call 911 now');
    expect(stateOf(d)).toMatchObject({ step: 'emergency', emergency: sign });
  });

  it('"I need to pee" at the sign check is not an emergency said again: the question, once more', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('standing', 'StandingIntent');
    const check = await d.user('i really need to go to the toilet');
    expect(check.speech).toContain('Did you fall or faint?');
    const again = await d.user('i need to pee');
    expect(again.speech).not.toContain('Call 911');
    expect(again.speech).toContain('First, please answer this. Just say yes or no.');
    expect(stateOf(d).emergency).toBeUndefined();
    // "It's an emergency" there is still the number.
    const urgent = await d.user("it's an emergency");
    expect(urgent.speech).toContain('You said this is an emergency. Call 911 now');
  });

  it('"yes, I have osteoporosis" at the weak-bones question is its yes: not asked again', async () => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('in bed');
    await d.user('done');
    await d.user('no');
    const q9 = MORE_QUESTIONS.findIndex((q) => q.id === 'Q9');
    for (let i = 0; i < q9; i++) await d.user('no', 'AMAZON.NoIntent');
    expect(d.last.speech).toContain(textFor(MORE_QUESTIONS[q9]!.ask.say, en));
    const t = await d.user('yes i have osteoporosis');
    expect(t.speech).not.toContain(textFor(MORE_QUESTIONS[q9]!.ask.say, en));
    expect(stateOf(d)).toMatchObject({ t2: true, later: true });
    expect(stateOf(d).step).not.toBe('more');
  });
});

describe('strangers, round F: "is it a slipped disc?"', () => {
  it.each(['is it a slipped disc', 'could it be a slipped disc', 'have i slipped a disc', 'i think i slipped a disc'])('"%s" while holding a position is answered, and the position goes on', async (words) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    await d.user('on the floor');
    const before = stateOf(d);
    const t = await d.user(words, 'SlippedDiscIntent');
    expect(t.speech).toContain('Most sudden back spasms come from a strained muscle, not a slipped disc.');
    expect(t.speech).toContain('see a doctor in the next few days');
    expect(stateOf(d)).toMatchObject({ step: before.step, q: before.q });
  });
});
