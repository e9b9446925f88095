/**
 * Words the skill acts on, not the question again in silence: what the flow check's new rule found ("a reply
 * that stays where it was says why"), through the real model, in the words people use.
 */
import { talkTo, type Dialog } from '../support/dialog';
import { SCREEN } from '../../lambda/src/content/screen';
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
    expect(check.speech).toContain('Do you have chest pain, trouble breathing');
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
    expect(t.speech).not.toContain('Do you have chest pain, trouble breathing');
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
