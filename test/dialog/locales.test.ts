import { talkTo } from '../support/dialog';
import { SCREEN } from '../../lambda/src/content/screen';

describe.each([
  ['en-US', 'Call 911 now, or your local emergency number.', 'call your doctor or go to urgent care', 'the emergency room', 'call 911 now.'],
  ['en-CA', 'Call 911 now, or your local emergency number.', 'call your doctor or go to urgent care', 'the emergency room', 'call 911 now.'],
  ['en-GB', 'Call 999 now, or your local emergency number.', 'call 111 or your GP', 'A and E', 'call 999 now.'],
  ['en-AU', 'Call triple zero now, or the emergency number where you are. In New Zealand, call 111.', 'see your GP today', 'the emergency department', 'call triple zero now. In New Zealand, call 111.'],
  ['en-IN', 'Call 112 now, or your local emergency number.', 'see a doctor today', 'the emergency department', 'call 112 now.'],
  ['en-ZA', 'Call your local emergency number now.', 'see a doctor today', 'the emergency department', 'call your local emergency number now.'],
])('in %s', (locale, callNow, adviceToday, dept, safetyNet) => {
  it('the emergency path gives the right number first', async () => {
    const d = talkTo(locale);
    await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
    const t = await d.user('yes', 'AMAZON.YesIntent');
    expect(t.speech.startsWith(`You said this started after a bad fall or a hard hit. ${callNow}`)).toBe(true);
    expect(t.speech).toContain("Alexa can't call for you.");
    expect(t.speech).not.toContain('triple zero or 111');
    const again = await d.user('what', 'AMAZON.RepeatIntent');
    expect(again.speech.startsWith(callNow)).toBe(true);
  });

  it('bladder, bowel, saddle or leg signs also send them to the emergency department now', async () => {
    const d = talkTo(locale);
    const t = await d.user("alexa, tell back helper i can't pee", 'EmergencyStatementIntent');
    expect(t.speech).toContain(`${callNow} Or get someone to take you to ${dept} now.`);
  });

  it('a request to call anyone says the skill cannot, gives the number, and closes', async () => {
    const d = talkTo(locale);
    await d.user('open back helper');
    const t = await d.user('call for help', 'CallIntent');
    expect(t.speech.startsWith(callNow)).toBe(true);
    expect(t.speech).toContain("I can't make calls.");
    expect(t.speech).toContain('Alexa, call for help');
    expect(t.listening).toBe(false);
  });

  it('the safety net gives the number the local way', async () => {
    const d = talkTo(locale);
    await d.user('open back helper');
    const bye = await d.user('stop');
    expect(bye.speech).toContain(`trouble peeing, or weak legs, ${safetyNet}`);
    expect(bye.speech).not.toContain('triple zero or 111');
  });

  it('a later warning sign asks for medical advice the local way', async () => {
    const d = talkTo(locale);
    await d.user('open back helper');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    await d.user('skip');
    await d.user('skip');
    const t2 = await d.user('yes');
    expect(t2.speech).toMatch(/^You said you have a fever or feel very unwell\./);
    expect(t2.speech).toContain(`Please get medical advice today. You can ${adviceToday}.`);
  });
});

describe('local words', () => {
  it.each([
    ['en-GB', "i've done my back in", 'BackWentOutIntent'],
    ['en-GB', 'should i go to a and e', 'EmergencyRoomIntent'],
    ['en-AU', "i've stuffed my back", 'BackWentOutIntent'],
    ['en-IN', 'i got a catch in my back', 'BackWentOutIntent'],
    ['en-CA', 'can i take advil', 'PainReliefIntent'],
  ])('%s hears "%s"', async (locale, phrase, intent) => {
    const d = talkTo(locale);
    const t = await d.user(`alexa, ask back helper, ${phrase}`);
    expect(t.heard?.intent).toBe(intent);
  });
});
