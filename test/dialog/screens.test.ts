import { talkTo } from '../support/dialog';
import { SCREEN } from '../../lambda/src/content/screen';
import { buildSkill } from '../../lambda/src/skill';
import { APL_TOKEN } from '../../lambda/src/screen/apl';

type Screen = { title: string; lines: string[]; urgent: boolean; hint: string; breathing: { inMs: number; outMs: number; repeatCount: number } | null };

function screenOf(turn: { response?: { response: { directives?: unknown[] } } }): Screen | undefined {
  const d = (turn.response?.response.directives ?? []) as Array<{ type: string; token?: string; datasources?: { backHelper?: Screen } }>;
  const render = d.find((x) => x.type === 'Alexa.Presentation.APL.RenderDocument');
  expect(render?.token ?? APL_TOKEN).toBe(APL_TOKEN);
  return render?.datasources?.backHelper;
}

describe('Echo Show screens', () => {
  it('show each step in words, and a breathing circle at the pace of the voice', async () => {
    const d = talkTo('en-US', { apl: true });
    const q1 = await d.user('open back helper');
    expect(screenOf(q1)).toMatchObject({ title: `Safety question 1 of ${SCREEN.length}`, hint: 'Say "yes", "no" or "not sure"' });
    expect(screenOf(q1)!.lines.join(' ')).toContain('Did this start after a bad fall');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    await d.user("i'm on the floor");
    await d.user('done');
    const set = await d.user('yes');
    expect(screenOf(set)).toMatchObject({ title: 'Breathe with me', breathing: { inMs: 4000, outMs: 6000, repeatCount: 5 } });
    const slower = await d.user('slower');
    expect(screenOf(slower)!.breathing).toMatchObject({ inMs: 4000, outMs: 8000 });
  });

  it('makes the emergency screen urgent, with the number in the title', async () => {
    const d = talkTo('en-GB', { apl: true });
    await d.user('open back helper');
    const t1 = await d.user('yes');
    expect(screenOf(t1)).toMatchObject({ title: 'Call 999 now', urgent: true });
    expect(screenOf(t1)!.lines.join(' ')).toContain('Call 999 now, or your local emergency number.');
  });

  it('sends no APL to a voice-only device', async () => {
    const d = talkTo('en-US');
    const t = await d.user('open back helper');
    expect(t.response!.response.directives ?? []).toEqual([]);
  });

  it('ignores a screen tap it did not ask for, politely and silently', async () => {
    const skill = buildSkill();
    const r = await skill.invoke({
      version: '1.0',
      session: { new: false, sessionId: 's', application: { applicationId: 'a' }, user: { userId: 'u' }, attributes: { bh: { v: 1, step: 'screen', q: 2, pace: 'normal', sets: 0 } } },
      context: { System: { application: { applicationId: 'a' }, user: { userId: 'u' }, device: { deviceId: 'd', supportedInterfaces: { 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } } }, apiEndpoint: 'https://api.amazonalexa.com' } },
      request: { type: 'Alexa.Presentation.APL.UserEvent', requestId: 'r', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US', token: 'x', arguments: ['tap'] },
    } as never);
    expect(r.response.outputSpeech).toBeUndefined();
    expect(r.sessionAttributes?.bh).toMatchObject({ step: 'screen', q: 2 });
  });
});
