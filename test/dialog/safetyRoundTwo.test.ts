/**
 * Safety, round two: what real people said that broke the first design, spoken through the real model.
 * Each test is one of the conversations strangers held, in their words, and what they must hear now.
 */
import { talkTo, type Dialog } from '../support/dialog';
import { movementIn, movementSentences } from '../support/clinicalWalk';
import { localePack } from '../../lambda/src/locale';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';
import { WHEN_TO_SEE_DOCTOR } from '../../lambda/src/content/selfcare';
import { textFor } from '../../lambda/src/content/types';

const en = localePack('en-US');
const MOVES = movementSentences(en);
const stepOf = (d: Dialog): unknown => (d.last.response?.sessionAttributes?.bh as { step?: unknown } | undefined)?.step;
const stateOf = (d: Dialog): Record<string, unknown> => (d.last.response?.sessionAttributes?.bh ?? {}) as Record<string, unknown>;

async function opened(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
}
async function cleared(d: Dialog) {
  await opened(d);
  for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
}
/** Cleared, settled in bed, breathing declined: at the first of Q6-Q11. */
async function atLaterQuestions(d: Dialog) {
  await cleared(d);
  await d.user("i'm in bed", 'InBedIntent');
  await d.user('done', 'DoneIntent');
  await d.user('no', 'AMAZON.NoIntent');
}

describe('"Alexa, call for help" is heard, at every step', () => {
  const calls = ['call for help', 'call nine one one', 'call an ambulance', 'ring an ambulance', 'call my wife', 'phone my husband', 'alexa call for help'];

  it.each(calls)('"%s" on the first question: the skill says it cannot call, gives the number, and closes', async (words) => {
    const d = talkTo();
    await opened(d);
    const t = await d.user(words, 'CallIntent');
    expect(t.listening).toBe(false);
    expect(t.speech).toContain("I can't make calls.");
    expect(t.speech).toContain('911');
    expect(t.speech).toContain('Alexa, call for help, if you set up an emergency contact.');
    // Asked to call a person, it says how to call them; asked for help, it does not send them to "a name".
    expect(t.speech.includes('Then say: Alexa, call, and a name.')).toBe(/wife|husband/.test(words));
  });

  it('after the emergency advice, a call request starts with the action and closes', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('yes');
    const t = await d.user('call for help', 'CallIntent');
    expect(t.speech).toMatch(/^Call 911 now, or your local emergency number\. I can't make calls\./);
    expect(t.listening).toBe(false);
  });

  it('in the middle of the plan too: breathing, the later questions, getting up', async () => {
    for (const before of [0, 1, 2]) {
      const d = talkTo();
      await atLaterQuestions(d);
      for (let i = 0; i < before; i++) await d.user('no');
      const t = await d.user('call my daughter', 'CallIntent');
      expect([before, t.listening, t.speech.includes("I can't make calls.")]).toEqual([before, false, true]);
    }
  });
});

describe('the emergency, as a conversation', () => {
  it('"repeat" and "what?" give the number first, whatever step the emergency is at', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no');
    await d.user('yes'); // chest pain
    const again = await d.user('repeat', 'AMAZON.RepeatIntent');
    expect(again.speech).toMatch(/^Call 911 now/);
    await d.user('yes'); // breathe while waiting
    const what = await d.user('what', 'AMAZON.RepeatIntent');
    expect(what.speech).toMatch(/^Call 911 now/);
  });

  it.each([
    ['a fall', 0, "Don't try to get up. Stay as you are until help comes."],
    ['chest pain', 1, 'Sit or lie in the easiest position where you are, and rest.'],
    ['feeling faint', 4, 'Lie down if you safely can, or sit on the floor.'],
    ['numbness between the legs', 7, 'Or get someone to take you to the emergency room now.'],
  ])('advice fits the cause: %s', async (_cause, noes, advice) => {
    const d = talkTo();
    await opened(d);
    for (let i = 0; i < noes; i++) await d.user('no');
    const first = await d.user('yes');
    const t = await d.user('yes'); // other ways to get help, and what to do while waiting
    expect(`${first.speech} ${t.speech}`).toContain(advice);
  });

  it('no paced breathing for someone who cannot breathe: the offer is the number again', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no');
    await d.user('no');
    await d.user('yes'); // hard to breathe
    const t = await d.user('yes'); // other ways to get help
    expect(t.speech).not.toContain('breathe slowly with you');
    expect(t.speech).toContain('Shall I say the number again?');
    const yes = await d.user('yes');
    expect(yes.speech).toMatch(/^Call 911 now/);
    expect(yes.speech).not.toContain('Breathe in.');
  });

  it('answers "I\'ve called them", "I\'m alone", "I\'m scared" and "the ambulance is here", never with movement', async () => {
    const d = talkTo();
    await d.user("alexa, tell back helper i can't feel my legs", 'EmergencyStatementIntent');
    const from = d.turns.length - 1;
    const alone = await d.user("i'm alone", 'AloneIntent');
    expect(alone.speech).toContain('Shout, or bang on the floor or a wall.');
    expect(alone.speech).toContain('Keep warm.');
    const phone = await d.user("i can't reach my phone", 'AloneIntent');
    expect(phone.speech).toContain('If another device can call, use it.');
    const scared = await d.user("i'm scared", 'ScaredIntent');
    expect(scared.speech).toMatch(/^It's okay to be scared\. You are doing the right thing\. Call 911 now/);
    const called = await d.user("i've called an ambulance", 'HelpComingIntent');
    expect(called.speech).toContain('That was the right thing to do.');
    expect(called.speech).toContain('ask them to unlock the door');
    const waiting = await d.user("they're on their way", 'HelpComingIntent');
    expect(waiting.listening).toBe(true);
    const here = await d.user('the ambulance is here', 'HelpHereIntent');
    expect(here.speech).toContain('Tell them what you told me');
    expect(here.listening).toBe(false);
    expect(movementIn(d.spokenSince(from), MOVES)).toEqual([]);
  });

  it('"I called 911" before any warning sign holds still too: no movement until help comes', async () => {
    const d = talkTo();
    await cleared(d);
    const t = await d.user('i called nine one one', 'HelpComingIntent');
    expect(t.speech).toContain('That was the right thing to do.');
    await d.user('help me get up', 'GetUpIntent');
    await d.user('pelvic tilts', 'TiltsIntent');
    expect(stateOf(d).emergency).toBeDefined();
    expect(['emergency', 'breathingOffer', 'breathing']).toContain(stepOf(d));
    expect(movementIn(d.spokenSince(d.turns.length - 3), MOVES)).toEqual([]);
  });
});

describe('statements at any moment go to their own tier', () => {
  it('a warning sign inside the opening sentence gets the number at once', async () => {
    for (const words of ['my back went out and i have chest pain', 'i threw my back out and i have numbness between my legs', 'my back hurts and my legs are giving way']) {
      const d = talkTo();
      const t = await d.user(`alexa, ask back helper, ${words}`, 'EmergencyStatementIntent');
      expect([words, /^You said [^.]+\. Call 911 now/.test(t.speech)]).toEqual([words, true]);
    }
  });

  it('a fever is same-day advice, never the emergency number, and the screen carries on', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no');
    const t = await d.user('i have a fever', 'EmergencyStatementIntent');
    expect(t.speech).toMatch(/^You said you have a fever or feel very unwell\. Please get medical advice today\./);
    expect(t.speech).not.toContain('911');
    expect(t.speech).toContain('Do you have any pain or tightness in your chest?');
    expect(stateOf(d).emergency).toBeUndefined();
  });

  it.each([
    ["i've had cancer", 'You said you have had cancer.'],
    ["i'm on steroids", 'You said you take medicine that weakens your immune system.'],
    ['i have osteoporosis', 'You said you have weak bones.'],
  ])('"%s" is a same-day reason, said back truthfully', async (words, heard) => {
    const d = talkTo();
    await cleared(d);
    const t = await d.user(words, 'EmergencyStatementIntent');
    expect(t.speech).toContain(`${heard} Please get medical advice today.`);
    expect(t.speech).toContain('Where are you now?');
  });

  it('pregnancy changes the advice without alarm: side-lying, and no ibuprofen', async () => {
    const d = talkTo();
    const t = await d.user("alexa, ask back helper, i'm pregnant", 'EmergencyStatementIntent');
    expect(t.speech).toContain('lie on your side, with a pillow under your bump');
    expect(t.speech).toContain('Did this start after a bad fall');
    expect(t.speech).not.toContain('911');
  });

  it('an age is noted, not alarmed at; "I\'m sitting in a chair" is a place, not a warning sign', async () => {
    const d = talkTo();
    await cleared(d);
    const age = await d.user("i'm seventy five", 'AgeIntent');
    expect(age.speech).toContain("Thank you. I'll keep that in mind.");
    expect(age.speech).toContain('Where are you now?');
    const chair = await d.user("i'm sitting in a chair", 'SittingIntent');
    expect(chair.speech).not.toContain('I want to be sure I heard you');
  });

  it('a statement that cannot be placed gets one specific question about the signs, never "anything new?"', async () => {
    const d = talkTo();
    await cleared(d);
    const t = await d.user('i feel really weird', 'EmergencyStatementIntent');
    expect(t.speech).toContain('Did you fall or faint? Or do you have chest pain, trouble breathing, numbness between your legs, trouble peeing, or weak or numb legs?');
    expect(t.speech).not.toMatch(/anything new|something new/i);
  });
});

describe('no exercise or getting up before the infection and cancer questions, on every path', () => {
  const exercise = /Now flatten|And arch|Roll onto your side, all in one piece|Lie on your back and bend your knees\./;

  it('asking for tilts by name, right after the screen, asks Q6-Q11 first, then does them', async () => {
    const d = talkTo();
    await cleared(d);
    const t = await d.user('pelvic tilts', 'TiltsIntent');
    expect(t.speech).not.toMatch(exercise);
    expect(t.speech).toContain('Before that, a few more safety questions.');
    for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await d.user('no');
    const tilts = await d.user('no');
    expect(tilts.speech).toContain('Now flatten.');
  });

  it('"skip" at a later question does not skip it', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    const t = await d.user('skip', 'SkipIntent');
    expect(t.speech).toContain("I can't skip these.");
    expect(t.speech).toContain('Do you have a fever or chills');
  });

  it('a side question in the middle of Q6-Q11 and then "help me get up" comes back to the next unanswered one', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    await d.user('no');
    await d.user('no');
    await d.user('should i use ice or heat', 'HeatIceIntent');
    const up = await d.user('help me get up', 'GetUpIntent');
    expect(up.speech).not.toMatch(exercise);
    expect(up.speech).toContain(textFor(MORE_QUESTIONS[2]!.ask.say, en));
  });

  it('a one-shot "how do i do pelvic tilts" is answered only after both screens', async () => {
    const d = talkTo();
    const t = await d.user('alexa, ask back helper how do i do pelvic tilts');
    expect(t.heard?.intent).toBe('TiltsIntent');
    for (let i = 0; i < SCREEN.length; i++) expect((await d.user('no')).speech).not.toMatch(exercise);
    expect(d.last.speech).toContain('Do you have a fever or chills');
  });
});

describe('same-day advice is carried to the end', () => {
  it('the close after a T2 answer repeats it and gives no later timeline', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    await d.user('yes'); // fever
    const bye = await d.user('stop', 'AMAZON.StopIntent');
    expect(bye.speech).toContain('Please get medical advice today.');
    const doctor = talkTo();
    await atLaterQuestions(doctor);
    await doctor.user('yes');
    const asked = await doctor.user('when should i see a doctor', 'DoctorIntent');
    expect(asked.speech).toContain('Please get medical advice today.');
    // The timeline this question gives everyone else (the close never gives it, so it is checked here).
    for (const later of WHEN_TO_SEE_DOCTOR) expect(asked.speech).not.toContain(textFor(later.say, en));
  });
});

describe('what strangers said, in their own words', () => {
  it('"okay" to a safety question is asked again, never taken as a yes', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no');
    await d.user('no');
    await d.user('no');
    const t = await d.user('okay', 'AckIntent');
    expect(t.speech).toContain('Sorry, is that a yes, or a no?');
    expect(t.speech).toContain('throbbing or pulsing in your belly');
    expect(stateOf(d).emergency).toBeUndefined();
  });

  it('an ordinary sentence caught by a statement phrase is answered by the step, not with the warning-sign check', async () => {
    const d = talkTo();
    await cleared(d);
    const t = await d.user("i'm at work", 'EmergencyStatementIntent');
    expect(t.speech).not.toContain('I want to be sure I heard you');
    expect(t.speech).toContain('standing, sitting, lying down, or on the floor');
    const chair = await d.user("i'm sitting in a chair at my desk", 'SittingIntent');
    expect(chair.speech).not.toContain('I want to be sure I heard you');
  });

  it('"what\'s the number?" after the emergency advice gives the number first', async () => {
    const d = talkTo('en-AU');
    await opened(d);
    await d.user('yes');
    const t = await d.user("what's the number again", 'AMAZON.RepeatIntent');
    expect(t.speech).toMatch(/^Call triple zero now/);
  });

  it('"I\'m in bed" said during the safety questions is remembered for after them', async () => {
    const d = talkTo();
    await opened(d);
    const early = await d.user("i'm in bed", 'InBedIntent');
    expect(early.speech).toContain("Let's finish these safety questions first");
    for (let i = 0; i < SCREEN.length - 1; i++) await d.user('no');
    const after = await d.user('no');
    expect(after.speech).not.toContain('Where are you now?');
    // The reassurance is its own turn; the position for bed comes with a yes.
    expect(after.speech).toMatch(/Shall we carry on finding a comfortable position\?$/);
    const position = await d.user('yes');
    expect(position.speech).toContain('Lie on your back with your knees bent.');
  });

  it('"I\'m 55" is the answer to "Are you over fifty?"', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    for (let i = 0; i < MORE_QUESTIONS.length; i++) await d.user('no');
    await d.user('no'); // no tilts
    await d.user('no'); // not getting up now
    const first = d.last;
    expect(first.speech).toContain('Is this the first time your back has hurt like this?');
    const over = await d.user('yes');
    expect(over.speech).toContain('Are you over fifty?');
    const age = await d.user("i'm fifty five", 'AgeIntent');
    expect(age.speech).toContain("Please book a doctor's appointment in the next few days.");
    expect(age.speech).not.toContain('Are you over fifty?');
  });

  it('a silence after the safety screen still hears the safety net before the session can close', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    const quiet = await d.silence();
    expect(quiet.speech).toContain('If you get numbness between your legs, trouble peeing, or weak legs, call 911 now.');
  });

  it('a pregnant woman is guided onto her side, and the tilts on the back are skipped', async () => {
    const d = talkTo();
    await d.user("alexa, ask back helper, i'm pregnant and my back just went out", 'EmergencyStatementIntent');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    const bed = await d.user("i'm in bed", 'InBedIntent');
    expect(bed.speech).toContain('Lie on your side, with a pillow between your knees and one under your bump.');
    expect(bed.speech).not.toContain('Lie on your back');
    await d.user('done');
    await d.user('no');
    for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await d.user('no');
    const next = await d.user('no');
    expect(next.speech).toContain("Let's skip the tilts on your back.");
    // What anyone else hears at this turn: the offer of the tilts (their cues only come after a yes).
    expect(next.speech).not.toContain('pelvic tilts can help');
  });

  it('"is this serious?" before the warning signs are ruled out gets no reassurance yet', async () => {
    const d = talkTo();
    await opened(d);
    const t = await d.user('is this serious', 'ScaredIntent');
    expect(t.speech).toContain('These questions help me tell if it is serious.');
    expect(t.speech).not.toContain('rarely serious');
  });
});

describe('forget me keeps the person\'s place', () => {
  it('in the middle of getting up: deleted, then the same step of getting up, once', async () => {
    const d = talkTo();
    await atLaterQuestions(d);
    for (let i = 0; i < MORE_QUESTIONS.length; i++) await d.user('no');
    await d.user('no'); // no tilts
    await d.user('yes'); // get up now
    const second = await d.user('next');
    await d.user('forget me', 'ForgetMeIntent');
    const done = await d.user('yes');
    expect(done.speech).toContain("Done. I've deleted all I saved about you.");
    expect(stepOf(d)).toBe('getUp');
    expect(done.speech).toContain('Say next when you are ready.');
    expect(done.speech).not.toContain('chest');
    expect((d.last.response?.sessionAttributes?.bh as { q?: number }).q).toBe((second.response?.sessionAttributes?.bh as { q?: number }).q);
  });
});

describe('strangers, round three: their words reach the right place', () => {
  it('"yes a bit" and "it is a bit tight" at the chest question are a yes: the emergency, said back as a yes', async () => {
    for (const words of ['yes a bit', 'it is a bit tight', 'a little bit', 'sometimes']) {
      const d = talkTo();
      await opened(d);
      await d.user('no', 'AMAZON.NoIntent');
      const t = await d.user(words, 'AMAZON.YesIntent');
      expect(t.speech).toMatch(/^You said/);
      expect(t.speech).toContain('Call 911 now');
      expect(stateOf(d).emergency).toBe('Q2A');
    }
  });

  it('warning signs in everyday words, after a clear screen, are the emergency', async () => {
    const said: Array<[string, string]> = [
      ['my bum feels numb', 'SADDLE'],
      ["i've got pins and needles in my groin", 'SADDLE'],
      ["i can't move my legs", 'LEGS_WEAK'],
      ["my legs won't work", 'LEGS_WEAK'],
      ["my leg's gone numb", 'LEG_NUMB'],
      ["i've pooed myself", 'BOWEL'],
    ];
    for (const [words, sign] of said) {
      const d = talkTo();
      await cleared(d);
      await d.user(words, 'EmergencyStatementIntent');
      expect(stateOf(d).emergency).toBe(sign);
      expect(stepOf(d)).toBe('emergency');
    }
  });

  it('"nothing like that", "no, just my back" and "i said no" answer a safety question no', async () => {
    const d = talkTo();
    await opened(d);
    for (const words of ['no nothing like that', 'no just my back', 'i said no']) await d.user(words, 'AMAZON.NoIntent');
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 3 });
    expect(stateOf(d).emergency).toBeUndefined();
    // Thanks is heard, and the question is asked again: not taken as an answer.
    const thanks = await d.user('thank you', 'AckIntent');
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 3 });
    expect(thanks.speech).toContain(textFor(SCREEN[3]!.ask.say, en).slice(0, 20));
  });

  it('places in their own words: hands and knees is the floor, the toilet is sitting, curled up is on the side', async () => {
    const cases: Array<[string, string, string]> = [
      ["i'm on my hands and knees", 'OnFloorIntent', 'FLOOR'],
      ["i'm on my back on the floor", 'OnFloorIntent', 'FLOOR'],
      ["i'm sitting on the toilet", 'SittingIntent', 'SITTING'],
      ["i'm curled up on my side", 'LyingOnSideIntent', 'SIDE'],
      ["i'm stuck bent over the sink", 'StandingIntent', 'STANDING'],
      ["i'm lying on the bed", 'InBedIntent', 'BED'],
    ];
    for (const [words, intent, pos] of cases) {
      const d = talkTo();
      await cleared(d);
      const t = await d.user(words, intent);
      expect(stateOf(d).pos).toBe(pos);
      expect(t.speech).not.toContain('I want to be sure I heard you');
      if (pos === 'FLOOR') expect(t.speech).not.toContain('bed');
    }
  });

  it('a hot bath, "should I go to emerg" and "I already called nine one one" are answered', async () => {
    const bath = talkTo();
    await cleared(bath);
    expect((await bath.user('is it ok to have a hot bath', 'WarmBathIntent')).speech).toContain('A warm bath or shower counts as heat.');
    const ca = talkTo('en-CA');
    await opened(ca);
    expect((await ca.user('should i go to emerg', 'EmergencyRoomIntent')).speech).toContain('Call 911 now for a bad fall');
    const called = talkTo();
    await opened(called);
    await called.user('yes', 'AMAZON.YesIntent');
    const t = await called.user('i already called nine one one', 'HelpComingIntent');
    expect(t.speech).toContain('That was the right thing to do.');
    const scared = await called.user("i'm scared", 'ScaredIntent');
    expect(scared.speech).toContain('Help is on the way.');
    expect(scared.speech).not.toContain('Call 911 now, or');
  });

  it('"get me up" and "get me off the floor" ask for getting up, never a call that closes the session', async () => {
    for (const [words, intent] of [['get me up', 'GetUpIntent'], ['get me off the floor', 'GetOffFloorIntent'], ['help me up', 'GetUpIntent'], ['just tell me how to get up', 'GetUpIntent']] as const) {
      const d = talkTo();
      await cleared(d);
      await d.user("i'm on the floor", 'OnFloorIntent');
      const t = await d.user(words, intent);
      expect(t.listening).toBe(true);
      expect(t.speech).not.toContain("I can't make calls");
      // Getting up waits for the later questions.
      expect(t.speech).toContain('Before that, a few more safety questions.');
    }
  });

  it('"start over" after a not-sure answer gives the number again, never "you said" what they did not say', async () => {
    const d = talkTo();
    await opened(d);
    await d.user("i don't think so", 'NotSureIntent');
    for (const words of ['start over', 'wait i meant no']) {
      const t = await d.user(words);
      expect(t.speech).not.toMatch(/You said/);
      expect(stateOf(d).emergency).toBe('Q1');
    }
  });

  it('"breathe with me" after "I can\'t breathe": why not, then the number and what to do', async () => {
    const d = talkTo();
    await opened(d);
    await d.user("i can't breathe", 'EmergencyStatementIntent');
    const t = await d.user('breathe with me', 'BreathingIntent');
    expect(t.speech).toContain("I won't pace your breathing while it's hard to breathe.");
    expect(t.speech).toContain('Call 911 now');
    expect(t.speech).not.toContain('In for four');
  });

  it('"why are you asking me all this?" in the middle of the screen: why, in a sentence, then the same question', async () => {
    const d = talkTo();
    await opened(d);
    await d.user('no', 'AMAZON.NoIntent');
    await d.user('no', 'AMAZON.NoIntent');
    const t = await d.user('why are you asking me all this', 'WhyAskIntent');
    expect(t.speech).toContain('I ask so I can spot the rare signs that need help straight away.');
    expect(t.speech).toContain(textFor(SCREEN[2]!.ask.say, en));
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 2 });
    const more = await d.user('how many more questions', 'WhyAskIntent');
    expect(stateOf(d)).toMatchObject({ step: 'screen', q: 2 });
    expect(more.listening).toBe(true);
  });

  it('pregnancy said in the opening sentence is heard, and a place the model cannot place still gets the calm start', async () => {
    for (const words of ["my back went out and i'm pregnant", "i'm thirty weeks pregnant is that a problem"]) {
      const d = talkTo();
      const t = await d.user(`alexa, ask back helper, ${words}`, 'EmergencyStatementIntent');
      expect(stateOf(d).pregnant).toBe(true);
      expect(t.speech).toContain('lie on your side');
      expect(stateOf(d)).toMatchObject({ step: 'screen', q: 0 });
    }
    const floor = talkTo();
    const t = await floor.user("alexa, ask back helper, my back went out and i'm on the floor", 'EmergencyStatementIntent');
    expect(t.speech).toMatch(/^I'm sorry your back hurts\./);
    expect(stateOf(floor)).toMatchObject({ step: 'screen', q: 0 });
  });

  it('over sixty-five and standing: "my son is here with me" opens the way down; in an emergency, ask them to call', async () => {
    const d = talkTo();
    await cleared(d);
    await d.user("i'm standing", 'StandingIntent');
    await d.user('help me lie down', 'LieDownIntent');
    const stay = await d.user('yes', 'AMAZON.YesIntent');
    expect(stay.speech).toContain('Only get down to the floor if someone is with you to help you up.');
    const son = await d.user('my son is here with me', 'NotAloneIntent');
    expect(stateOf(d).step).toBe('getDown');
    expect(son.speech).not.toContain('Only get down to the floor');

    const e = talkTo();
    await opened(e);
    await e.user('yes', 'AMAZON.YesIntent');
    const t = await e.user('someone is with me', 'NotAloneIntent');
    expect(t.speech).toContain('Ask them to call 911 for you now');
    expect(stateOf(e).emergency).toBe('Q1');
  });

  it('getting up from where they are: a chair, the floor said in the request, or asked first when not known', async () => {
    // In a chair: a moment seated, then up with the legs; never a bed edge.
    const c = talkTo();
    await cleared(c);
    await c.user("i'm sitting on the toilet", 'SittingIntent');
    await c.user('done', 'DoneIntent');
    await c.user('no', 'AMAZON.NoIntent');
    for (let i = 0; i < MORE_QUESTIONS.length; i++) await c.user('no', 'AMAZON.NoIntent');
    const up = await c.user('how do i get up out of this chair', 'GetOutOfChairIntent');
    expect(up.speech).toContain('When you feel ready, stand up slowly, using your legs.');
    expect(up.speech).not.toContain('edge of the bed');
    // Up now: standing, and the plan does not offer the way up again.
    const after = await c.user('done', 'DoneIntent');
    expect(after.speech).not.toContain('I can talk you through getting up');
    expect(stateOf(c).pos).toBe('STANDING');

    // Asked before anyone said where they are: where first, then the way up from there.
    const d = talkTo();
    await opened(d);
    await d.user('how do i get up', 'GetUpIntent');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
    for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await d.user('no', 'AMAZON.NoIntent');
    const where = await d.user('no', 'AMAZON.NoIntent');
    expect(where.speech).toContain('standing, sitting, lying down, or on the floor');
    expect(where.speech).not.toContain('bed');
    const floor = await d.user("i'm on the floor", 'OnFloorIntent');
    expect(floor.speech).toContain('roll onto your side');
    expect(floor.speech).not.toContain('edge of the bed');
    expect(stateOf(d)).toMatchObject({ step: 'getUp', pos: 'FLOOR' });

    // "How do I get off the floor?" said in one breath: the floor route, never a bed edge.
    const f = talkTo();
    await f.user('alexa, ask back helper how do i get up off the floor', 'GetOffFloorIntent');
    for (let i = 0; i < SCREEN.length; i++) await f.user('no', 'AMAZON.NoIntent');
    for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await f.user('no', 'AMAZON.NoIntent');
    const route = await f.user('no', 'AMAZON.NoIntent');
    expect(stateOf(f).pos).toBe('FLOOR');
    expect(route.speech).not.toContain('edge of the bed');
  });
});
