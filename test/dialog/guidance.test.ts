import { talkTo, type Dialog } from '../support/dialog';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';

async function clearScreen(d: Dialog, opening = 'alexa, ask back helper, my back went out') {
  await d.user(opening);
  for (let i = 0; i < SCREEN.length - 1; i++) await d.user('no', 'AMAZON.NoIntent');
  return d.user('no', 'AMAZON.NoIntent');
}

/** Q6-Q11 answered no, one per turn; returns the reply after the last. */
async function laterNoes(d: Dialog) {
  for (let i = 0; i < MORE_QUESTIONS.length - 1; i++) await d.user('no', 'AMAZON.NoIntent');
  return d.user('no', 'AMAZON.NoIntent');
}

describe('the comfort plan, spoken start to finish', () => {
  it('carries one conversation from "my back went out" to the safety net by voice alone', async () => {
    const d = talkTo();
    const clear = await clearScreen(d);
    expect(clear.speech).toContain('None of those warning signs.');
    expect(clear.speech).toContain("I'm not a doctor.");
    expect(clear.speech).toContain('Where are you now?');

    const position = await d.user("i'm in bed", 'InBedIntent');
    // The resting position for a bed; the skill holds it with them, then checks in.
    expect(position.speech).toContain('Lie on your back with your knees bent.');
    expect(position.speech).toContain("I'll keep time.");
    expect(position.speech).toContain('How is that? Say another minute to stay longer, or done to go on.');

    const offer = await d.user("okay i'm there", 'DoneIntent');
    expect(offer.speech).toContain('Shall we breathe together for a minute?');
    const minute = await d.user('yes please', 'AMAZON.YesIntent');
    expect(minute.speech.match(/And out\./g)).toHaveLength(6);
    expect(minute.speech).toContain('Would you like another minute?');

    const more = await d.user('no', 'AMAZON.NoIntent');
    expect(more.speech).toContain('Do you have a fever or chills');
    const tiltsOffer = await laterNoes(d);
    expect(tiltsOffer.speech).toContain('Nothing there that needs a doctor today.');
    expect(tiltsOffer.speech).toContain('pelvic tilts');

    const tilts = await d.user('yes');
    expect(tilts.speech).toContain('Stop if you feel sharp pain, or pain going into a leg.');
    expect(tilts.speech).toContain('When I say flatten, breathe out, and gently press your low back down flat.');
    // the timed reps hold only two-word cues, each followed by its pause
    expect(tilts.speech.match(/Now flatten\. \[pause [\d.]+s\] And arch\. \[pause [\d.]+s\]/g)).toHaveLength(6);
    expect(tilts.speech).toContain('Better, the same, or worse?');
    const feel = await d.user('a bit better', 'FeelBetterIntent');
    expect(feel.speech).toContain('I can talk you through getting up');

    let step = await d.user('yes');
    expect(step.speech).toContain('Lie on your back and bend your knees.');
    const said: string[] = [step.speech];
    for (let i = 0; i < 5; i++) {
      step = await d.user(i % 2 ? 'next' : 'done');
      said.push(step.speech);
    }
    expect(said.join(' ')).toContain('Breathe out as you push.');
    const q12 = await d.user('done');
    expect(q12.speech).toContain('Well done.');
    expect(q12.speech).toContain('Is this the first time your back has hurt like this?');
    await d.user('no');
    await d.user('no');
    // The self-care plan and the close come in short parts, each its own turn (the harness holds every turn to 60 words).
    const care = await d.user('no');
    expect(care.speech).toContain('Wrap heat in a cloth');
    expect(care.speech).toContain('Would you like a fifteen minute timer');
    const cold = await d.user('no');
    expect(cold.speech).toContain('Check your skin');
    expect(cold.speech).toContain('Want the next part?');
    const moving = await d.user('yes');
    expect(moving.speech).toContain('Keep moving a little, and often.');
    await d.user('yes');
    await d.user('yes');
    const caution = await d.user('yes');
    expect(caution.speech).toBe('Before pain pills, a quick check. Are you pregnant, over sixty-five, or on blood thinners?');
    const conditions = await d.user('no');
    expect(conditions.speech).toBe('Do you have asthma, high blood pressure, a stomach ulcer, or heart, kidney or liver trouble?');
    const reaction = await d.user('no');
    expect(reaction.speech).toBe('Have aspirin or ibuprofen ever made you feel ill?');
    const plan = await d.user('no');
    expect(plan.speech).toContain('Ibuprofen or naproxen can help with the pain. Follow the label.');
    expect(plan.speech).toContain('Call 911 straight away if you get any of these: numbness between your legs');
    expect(plan.speech).not.toContain("I'm not a doctor."); // once per conversation
    const timeline = await d.user('yes');
    expect(timeline.speech).toContain('still bad after about twelve hours');
    const last = await d.user('yes');
    expect(last.speech).toContain('What else?');
    const bye = await d.user('no thanks');
    expect(bye.listening).toBe(false);
  });
});

describe('breathing', () => {
  it('changes pace on request and stops after five minutes', async () => {
    const d = talkTo();
    await clearScreen(d, 'alexa, ask back helper to help me breathe');
    expect(d.last.speech).toMatch(/You asked about slow breathing\. Shall we start with that\?$/);
    const first = await d.user('yes');
    expect(first.speech).toContain('In for four, and out for six.');
    const slower = await d.user('slower', 'SlowerIntent');
    expect(slower.speech).toContain('In for four, and a long breath out for eight.');
    const even = await d.user('five and five', 'EvenPaceIntent');
    expect(even.speech).toContain('In for five, and out for five.');
    await d.user('yes');
    await d.user('yes');
    const done = await d.user('yes');
    expect(done.speech).toContain('That was five minutes of slow breathing.');
    // Asked for in one breath, before the plan began: after it, the plan carries on, not the menu.
    expect(done.speech).toContain("Now, let's carry on.");
    expect(done.speech).toContain('Do you have a fever or chills');
  });

  it('keeps its place on odd answers mid-exercise, and stops kindly when it hurts', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user("i'm on my back", 'LyingOnBackIntent');
    const what = await d.user('what', 'AMAZON.RepeatIntent');
    expect(what.speech).toContain('Put a pillow under your head, and two or three under your knees.');
    const num = await d.user('seven');
    expect(num.speech).toMatch(/^That's okay\. Take your time\./);
    expect(num.speech).toContain('How is that?');
    const ow = await d.user('ow', 'FeelWorseIntent');
    expect(ow.speech).toMatch(/^Then stop there, gently\./);
    expect(ow.speech).toContain('Is pain now going down both legs, or is there numbness between your legs?');
    // Not the position that hurt again: another way to rest, from where they are.
    const no = await d.user('no');
    expect(no.speech).toContain("Let's try another way to rest.");
    expect(no.speech).toContain('Where are you now?');
    expect(no.speech).not.toContain('two or three under your knees');
    const side = await d.user("i'm on my side", 'LyingOnSideIntent');
    expect(side.speech).toContain('pillow between your knees');
  });
});

describe('the rest of the screen', () => {
  it('a T2 answer asks for medical advice today and skips the exercises', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user('on my side');
    await d.user('done');
    await d.user('no');
    const t2 = await d.user("i'm not sure", 'NotSureIntent');
    expect(t2.speech).toMatch(/^You weren't sure about a fever, so let's be safe\. Please get medical advice today\./);
    expect(t2.speech).toContain('Please get medical advice today. You can call your doctor or go to urgent care.');
    expect(t2.speech).toContain("Let's skip exercises until a doctor checks you.");
    expect(t2.speech).not.toContain('pelvic tilts can help');
    const tilts = await d.user('pelvic tilts', 'TiltsIntent');
    expect(tilts.speech).not.toMatch(/flatten/i);
  });

  it('pregnancy means no ibuprofen, ever', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user('skip');
    await d.user('skip');
    await laterNoes(d);
    for (const say of ['no', 'no', 'no']) await d.user(say);
    const q13 = d.last;
    expect(q13.speech).toContain('Are you pregnant');
    const t3 = await d.user('yes');
    expect(t3.speech).toContain("I'll leave out pills like ibuprofen.");
    expect(t3.speech).toContain("Please book a doctor's appointment in the next few days.");
    await d.user('no');
    for (let i = 0; i < 4; i++) await d.user('next');
    const meds = await d.user('next');
    expect(meds.speech).toContain('ask a pharmacist');
    expect(meds.speech).not.toContain('naproxen can help');
    const asked = await d.user('what can i take for the pain', 'PainReliefIntent');
    expect(asked.speech).not.toContain('naproxen can help');
  });
});

describe('finding your way', () => {
  it('goes back, skips and offers a menu of what it can do', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user("i'm in bed", 'InBedIntent');
    const back = await d.user('go back', 'AMAZON.PreviousIntent');
    expect(back.speech).toContain('Where are you now?');
    const skip = await d.user('skip', 'SkipIntent');
    expect(skip.speech).toContain('Shall we breathe together');
    const menu = await d.user('menu', 'MenuIntent');
    expect(menu.speech).toContain('heat or ice');
    const heat = await d.user('should i use ice or heat', 'HeatIceIntent');
    expect(heat.speech).toContain('Cold is fine too, if you like it better.');
    const tip = await d.user('next');
    expect(tip.speech).toContain('Check your skin');
    const after = await d.user('next');
    expect(after.speech).toContain('What else?');
    // When to see a doctor, in the close's short parts: the emergency signs first.
    const doctor = await d.user('when should i see a doctor', 'DoctorIntent');
    expect(doctor.speech).toMatch(/^Call 911 straight away/);
    expect(doctor.speech).toContain('Want the next part?');
    const timeline = await d.user('yes');
    expect(timeline.speech).toContain('three to five days');
    const last = await d.user('yes');
    expect(last.speech).toMatch(/^See a doctor if it gets worse/);
    expect(last.speech).toContain('What else?');
  });
});

describe('standing or sitting, the plan fits where they are', () => {
  it('standing at the sink: no tilts on the back and no way up from a bed, and asking for them by name says why', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user("i'm standing", 'StandingIntent');
    await d.user('done');
    await d.user('no');
    const after = await laterNoes(d);
    expect(after.speech).toContain("Pelvic tilts are done lying on your back, so let's leave them for now.");
    expect(after.speech).not.toContain('Lie on your back');
    expect(after.speech).not.toContain('I can talk you through getting up');
    expect(after.speech).toContain('Is this the first time your back has hurt like this?');
    const tilts = await d.user('pelvic tilts', 'TiltsIntent');
    expect(tilts.speech).toContain("Pelvic tilts are done lying on your back, so let's leave them for now.");
    expect(tilts.speech).not.toContain('When I say flatten');
    const up = await d.user('help me get up', 'GetUpIntent');
    expect(up.speech).toContain("You're up already.");
    expect(up.speech).not.toContain('edge of the bed');
  });

  it('lying down from standing, then the tilts and the floor way up are offered again', async () => {
    const d = talkTo();
    await clearScreen(d);
    await d.user("i'm standing", 'StandingIntent');
    await d.user('help me lie down');
    await d.user("i'm 40");
    for (let i = 0; i < 4; i++) await d.user('done');
    await d.user('done');
    await d.user('no');
    const after = await laterNoes(d);
    expect(after.speech).toContain('pelvic tilts');
    expect(after.speech).not.toContain("let's leave them for now");
  });
});
