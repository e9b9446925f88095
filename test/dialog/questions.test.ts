/**
 * Questions people ask out loud, heard through each locale's real model at three different steps (a safety
 * question, breathing, the later questions) and as a one-shot: each gets its answer, then the step it
 * interrupted asks its own question again, so the plan carries on.
 */
import { ANSWERS, QUESTION_INTENTS, TOPIC_QUESTION_INTENTS, type QuestionId } from '../../lambda/src/content/answers';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { loadModel } from '../../tools/sim/model';
import { talkTo, type Dialog } from '../support/dialog';
import { ROOT } from '../support/paths';

/** Questions answered in place (the two older topic intents lead into their own stage instead). */
const ASKED = Object.entries(QUESTION_INTENTS).filter(([intent]) => !(TOPIC_QUESTION_INTENTS as readonly string[]).includes(intent));
const stepOf = (d: Dialog): unknown => (d.last.response?.sessionAttributes?.bh as { step?: unknown } | undefined)?.step;

function firstSample(locale: string, intent: string): string {
  const found = loadModel(locale, ROOT).interactionModel.languageModel.intents.find((i) => i.name === intent);
  return found!.samples![0]!;
}

/** The first sentence of the answer that is said whatever the state (movement lines wait for a clear screen). */
function firstStill(q: QuestionId, locale: string): string {
  const c = ANSWERS[q].says.find((x) => !x.moves)!;
  return textFor(c.say, localePack(locale));
}

async function toScreenQuestion(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
  await d.user('no');
}
async function toBreathing(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
  for (let i = 0; i < SCREEN.length; i++) await d.user('no');
  await d.user("i'm in bed");
  await d.user('done');
  await d.user('yes');
}
async function toLaterQuestions(d: Dialog) {
  await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
  for (let i = 0; i < SCREEN.length; i++) await d.user('no');
  await d.user("i'm in bed");
  await d.user('done');
  await d.user('no');
  await d.user('no');
}

describe.each(SUPPORTED_LOCALES)('questions people ask, in %s', (locale) => {
  const l = localePack(locale);
  const chest = textFor(SCREEN.find((q) => q.id === 'Q2A')!.ask.say, l);
  // At the chest question itself (the screen's second), it is asked once more in its other words.
  const chestAgain = textFor(SCREEN.find((q) => q.id === 'Q2A')!.askAgain.say, l);

  it.each(ASKED)('%s: answered at a safety question, and the question comes back', async (intent, q) => {
    const d = talkTo(locale);
    await toScreenQuestion(d);
    const t = await d.user(firstSample(locale, intent), intent);
    expect(t.speech).toContain(firstStill(q, locale));
    expect(t.speech).toContain(ANSWERS[q].askChest ? chestAgain : textFor(SCREEN[1]!.ask.say, l));
  });

  it.each(ASKED)('%s: answered during breathing, and the breathing carries on', async (intent, q) => {
    const d = talkTo(locale);
    await toBreathing(d);
    const t = await d.user(firstSample(locale, intent), intent);
    expect(t.speech).toContain(firstStill(q, locale));
    if (ANSWERS[q].askChest) {
      expect(t.speech).toContain(chest);
      const no = await d.user('no');
      expect(no.speech).toContain('Would you like another minute?');
    } else {
      expect(t.speech).toContain('Would you like another minute?');
    }
  });

  it.each(ASKED)('%s: answered during the later questions, which carry on where they were', async (intent, q) => {
    const d = talkTo(locale);
    await toLaterQuestions(d);
    const t = await d.user(firstSample(locale, intent), intent);
    expect(t.speech).toContain(firstStill(q, locale));
    if (ANSWERS[q].askChest) await d.user('no');
    expect(d.last.speech).toContain(textFor(MORE_QUESTIONS[1]!.ask.say, l));
    expect(stepOf(d)).toBe('more');
  });

  it.each(ASKED)('%s: asked in one breath, answered before the safety questions start', async (intent, q) => {
    const d = talkTo(locale);
    const t = await d.user(`alexa, ask back helper, ${firstSample(locale, intent)}`, intent);
    expect(t.speech).toContain(firstStill(q, locale));
    expect(t.speech).toContain(ANSWERS[q].askChest ? chest : textFor(SCREEN[0]!.ask.say, l));
    expect(t.listening).toBe(true);
  });
});

describe('a side question in the middle of the plan comes back to it', () => {
  it('ice or heat during breathing: the advice, then back to the unfinished breathing', async () => {
    const d = talkTo();
    await toBreathing(d);
    const heat = await d.user('should i use ice or heat', 'HeatIceIntent');
    expect(heat.speech).toContain('Wrap heat in a cloth');
    await d.user('no'); // no timer: the cold part
    const back = await d.user('next');
    expect(back.speech).toContain("Now, let's carry on.");
    expect(back.speech).toContain('Shall we breathe together for a minute?');
  });
});
