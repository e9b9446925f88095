import { talkTo } from '../support/dialog';

describe.each([
  ['en-US', 'Call 911 now, or your local emergency number.', 'call your doctor or go to urgent care'],
  ['en-CA', 'Call 911 now, or your local emergency number.', 'call your doctor or go to urgent care'],
  ['en-GB', 'Call 999 now, or your local emergency number.', 'call 111 or your GP'],
  ['en-AU', 'Call triple zero now. In New Zealand, call 111. Or call the emergency number where you are.', 'see your GP today'],
  ['en-IN', 'Call 112 now, or your local emergency number.', 'see a doctor today'],
  ['en-ZA', 'Call your local emergency number now.', 'see a doctor today'],
])('in %s', (locale, callNow, adviceToday) => {
  it('the emergency path gives the right number first', async () => {
    const d = talkTo(locale);
    await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
    const t = await d.user('yes', 'AMAZON.YesIntent');
    expect(t.speech.startsWith(`You said this started after a fall or a hard hit. ${callNow}`)).toBe(true);
    expect(t.speech).toContain("Alexa can't call for you.");
  });

  it('a later warning sign asks for medical advice the local way', async () => {
    const d = talkTo(locale);
    await d.user('open back helper');
    for (let i = 0; i < 5; i++) await d.user('no');
    await d.user('skip');
    await d.user('skip');
    const t2 = await d.user('yes');
    expect(t2.speech).toContain(`Please get medical advice today. You can ${adviceToday}.`);
  });
});

describe('local words', () => {
  it.each([
    ['en-GB', "i've done my back in", 'BackWentOutIntent'],
    ['en-GB', 'should i go to a and e', 'DoctorIntent'],
    ['en-AU', "i've stuffed my back", 'BackWentOutIntent'],
    ['en-IN', 'i got a catch in my back', 'BackWentOutIntent'],
    ['en-CA', 'can i take advil', 'PainReliefIntent'],
  ])('%s hears "%s"', async (locale, phrase, intent) => {
    const d = talkTo(locale);
    const t = await d.user(`alexa, ask back helper, ${phrase}`);
    expect(t.heard?.intent).toBe(intent);
  });
});
