import { talkTo, type Dialog } from '../support/dialog';
import { movementIn, movementSentences } from '../support/clinicalWalk';
import { localePack } from '../../lambda/src/locale';
import { SCREEN } from '../../lambda/src/content/screen';

const ALL_NO = SCREEN.length;

const MOVES = movementSentences(localePack('en-US'));
const saysNoMovement = (d: Dialog, from: number) => {
  const spoken = d.spokenSince(from);
  expect(movementIn(spoken, MOVES)).toEqual([]);
};

async function screenTo(d: Dialog, noes: number) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
  for (let i = 0; i < noes; i++) await d.user('no', 'AMAZON.NoIntent');
}

/** After T1 advice, a person tries everything that would lead to movement elsewhere. */
async function tryToMove(d: Dialog) {
  await d.user('help me get up', 'GetUpIntent');
  await d.user('pelvic tilts', 'TiltsIntent');
  await d.user("i'm on the floor", 'OnFloorIntent');
  await d.user('next', 'AMAZON.NextIntent');
  await d.user('start over', 'AMAZON.StartOverIntent');
  await d.user('menu', 'MenuIntent');
  await d.user('yes', 'AMAZON.YesIntent');
  await d.user('no', 'AMAZON.NoIntent');
}

describe('the emergency screen, spoken', () => {
  it('greets briefly and asks the first question', async () => {
    const d = talkTo();
    const t = await d.user('open back helper');
    expect(t.speech).toMatch(/^I'm sorry your back hurts\. Stay where you are, and let your breath out slowly\. Now a few quick safety questions: just say yes or no\./);
    expect(t.speech).toContain('Did this start after a bad fall');
    expect(t.listening).toBe(true);
  });

  it.each([
    [0, 'yes', 'You said this started after a bad fall or a hard hit.'],
    [1, 'yeah', 'You said you have pain in your chest.'],
    [2, 'yes', 'You said it is hard to breathe.'],
    [5, 'yes', 'You said you have new trouble peeing.'],
    [6, 'yes i have', 'You said you have lost the feeling that you need to pee.'],
    [7, 'yes', 'You said you have leaked pee or poo.'],
    [8, "i'm not sure", "You weren't sure about numbness between your legs."],
    [10, 'maybe', "You weren't sure about both of your legs."],
    [11, "i don't think so", "You weren't sure about weakness in your legs."],
  ])('answer to question %i "%s": says it back, then "Call 911 now", and never movement after', async (noes, answer, heard) => {
    const d = talkTo();
    await screenTo(d, noes);
    const t1 = await d.user(answer);
    expect(t1.speech.startsWith(`${heard} Call 911 now, or your local emergency number.`)).toBe(true);
    expect(t1.speech).toMatch(/Alexa can't call for you\. Shall I tell you other ways to get help\?$/);
    const more = await d.user('yes');
    expect(more.speech).toMatch(/^Call out to someone nearby, or use a phone\. If you set up an emergency contact, say stop\. Then say: Alexa, call for help\./);
    expect(more.speech).toMatch(/Don't try to get up|where you are, and rest\.|Lie down if you safely can|Don't go on your own/);
    const from = d.turns.length - 2;
    await tryToMove(d);
    saysNoMovement(d, from);
  });

  it.each([
    ["i can't feel my legs", 'You said both of your legs feel numb or tingly.'],
    ['i wet myself', 'You said you wet yourself.'],
    ["i can't pee", "You said you can't pee."],
    ["i'm numb between my legs", 'You said you have numbness between your legs.'],
    ['my legs are giving way', 'You said your legs are weak or giving way.'],
    ['i have chest pain', 'You said you have chest pain.'],
    ['i fell', 'You said you had a bad fall or an accident.'],
    ['both my legs are tingling', 'You said both of your legs feel numb or tingly.'],
    ['it feels numb when i wipe', 'You said you have numbness between your legs.'],
    ['my leg just went numb', 'You said your leg has gone numb.'],
  ])('"%s" at any step jumps to T1 advice', async (statement, heard) => {
    const d = talkTo();
    await screenTo(d, ALL_NO);
    await d.user("i'm in bed", 'InBedIntent');
    const t = await d.user(statement, 'EmergencyStatementIntent');
    expect(t.speech.startsWith(`${heard} Call 911 now`)).toBe(true);
    const from = d.turns.length - 1;
    await tryToMove(d);
    saysNoMovement(d, from);
  });

  it('an emergency said in one breath from outside the skill gets T1 advice first', async () => {
    const d = talkTo();
    const t = await d.user("alexa, tell back helper i can't feel my legs");
    expect(t.speech).toMatch(/^You said both of your legs feel numb or tingly\. Call 911 now/);
  });

  // Short turns: the first reply is the number and that Alexa can't call; what to do while waiting comes next,
  // and it is heard whatever the person says or does not say.
  it.each([
    ['yes', 'AMAZON.YesIntent', true],
    ['no', 'AMAZON.NoIntent', false],
    ['', undefined, true],
    ['help me get up', 'GetUpIntent', true],
    ['what', 'AMAZON.FallbackIntent', true],
    ["i'm alone", 'AloneIntent', true],
    ["i've called them", 'HelpComingIntent', true],
  ])('after the first emergency reply, "%s" still hears what to do while waiting', async (said, intent, open) => {
    const d = talkTo();
    await screenTo(d, 0);
    const first = await d.user('yes');
    expect(first.speech).not.toContain("Don't try to get up");
    const next = said === '' ? await d.silence() : await d.user(said, intent === 'AMAZON.FallbackIntent' ? undefined : intent);
    expect(next.speech).toContain("Don't try to get up. Stay as you are until help comes.");
    expect(next.listening).toBe(open);
  });

  it('"repeat" after the first emergency reply gives the number first, and what to do while waiting', async () => {
    const d = talkTo();
    await screenTo(d, 0);
    await d.user('yes');
    const again = await d.user('repeat that', 'AMAZON.RepeatIntent');
    expect(again.speech).toMatch(/^Call 911 now, or your local emergency number\. Alexa can't call for you\. Don't try to get up\./);
  });

  it('offers only breathing while they wait, and ends with the reminder', async () => {
    const d = talkTo();
    await screenTo(d, 0);
    await d.user('yes');
    await d.user('yes', 'AMAZON.YesIntent');
    const set = await d.user('yes', 'AMAZON.YesIntent');
    expect(set.speech).toContain('Breathe in.');
    expect(set.speech).toContain('Call 911 now if you haven\'t yet.');
    const end = await d.user('no thanks');
    expect(end.listening).toBe(false);
    expect(end.speech).toContain("Call 911 now if you haven't yet. Alexa can't call for you.");
  });

  it('after one silence speaks the T1 list as a statement; after two the session closes', async () => {
    const d = talkTo();
    await screenTo(d, 1);
    const first = await d.silence();
    expect(first.speech).toContain('If any of these are true, call 911 now');
    expect(first.speech).toContain('numbness between your legs');
    const second = await d.silence();
    expect(second.listening).toBe(false);
  });

  it('help and repeat return to the same question; fallback asks it in other words', async () => {
    const d = talkTo();
    await screenTo(d, 8);
    const help = await d.user('help', 'AMAZON.HelpIntent');
    expect(help.speech).toContain('Just say yes or no.');
    expect(help.speech).toContain('numbness or tingling between your legs');
    const again = await d.user('say that again', 'AMAZON.RepeatIntent');
    expect(again.speech).toContain('numbness or tingling between your legs');
    const other = await d.user('purple elephants dancing');
    expect(other.heard).toBeNull();
    expect(other.speech).toMatch(/^Sorry, I didn't catch that\. When you wipe/);
    const no = await d.user('no');
    expect(no.speech).toContain('private parts');
  });

  it('cannot skip the safety questions', async () => {
    const d = talkTo();
    await screenTo(d, 1);
    const t = await d.user('skip', 'SkipIntent');
    expect(t.speech).toContain("I can't skip these safety questions.");
    expect(t.speech).toContain('pain or tightness in your chest');
  });

  it('asks for the screen before any topic asked for by name, then goes straight to it', async () => {
    const d = talkTo();
    const t = await d.user('alexa, ask back helper how do i get out of bed');
    expect(t.heard?.intent).toBe('GetOutOfBedIntent');
    expect(t.speech).toContain('Did this start after a bad fall');
    for (let i = 0; i < ALL_NO - 1; i++) await d.user('no');
    const clear = await d.user('no');
    expect(clear.speech).toContain('None of those warning signs.');
    // Getting up waits for the infection and cancer questions, then comes straight after them.
    expect(clear.speech).toContain('Before that, a few more safety questions.');
    expect(clear.speech).toContain('Do you have a fever or chills');
    expect(clear.speech).not.toContain('Lie on your back and bend your knees.');
  });

  it('stop and cancel end kindly with the safety net', async () => {
    for (const word of ['stop', 'cancel']) {
      const d = talkTo();
      await screenTo(d, 2);
      const t = await d.user(word);
      expect(t.listening).toBe(false);
      expect(t.speech).toContain('If you get numbness between your legs, trouble peeing, or weak legs, call 911 now.');
    }
  });

  it('a yes after the session ended starts a new one honestly', async () => {
    const d = talkTo();
    await screenTo(d, 1);
    await d.user('stop');
    const outside = await d.user('yes');
    expect(outside.outsideSkill).toBe(true);
    const back = await d.user('alexa, ask back helper yes');
    expect(back.speech).toMatch(/^Let's start with a few quick safety questions\./);
  });

  it('checks, rather than guesses, when a warning sign was not understood', async () => {
    const d = talkTo();
    await screenTo(d, ALL_NO);
    const t = await d.user('i have a funny feeling in my toes');
    expect(t.heard?.intent).toBe('EmergencyStatementIntent');
    expect(t.speech).toContain('I want to be sure I heard you. Did you fall or faint? Or do you have chest pain, trouble breathing, numbness between your legs');
    // A check, not yet the emergency: no number, and nothing stored as an emergency.
    expect(t.speech).not.toMatch(/call 911/i);
    expect(t.response?.sessionAttributes?.bh).toMatchObject({ step: 'checkSign' });
    expect(t.response?.sessionAttributes?.bh).not.toHaveProperty('emergency');
    const no = await d.user('no');
    expect(no.speech).toContain('Where are you now?');
    await d.user('i have a strange feeling');
    const yes = await d.user('yes');
    expect(yes.speech).toMatch(/^You told me about a warning sign\. Call 911 now/);
  });
});
