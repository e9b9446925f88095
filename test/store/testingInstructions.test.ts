/**
 * skill.json's testingInstructions, checked against the real skill: the text is exactly a list of claims,
 * and each claim is acted out here through the real model and the real skill, so the instructions fail this
 * test when the flow drifts away from them (Amazon's tester follows them word for word).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Turn } from '../../tools/sim';
import { CANT_CALL } from '../../lambda/src/content/emergency';
import { SCREEN } from '../../lambda/src/content/screen';
import { textFor } from '../../lambda/src/content/types';
import { localePack } from '../../lambda/src/locale';
import { AMAZON, startAlexaApiStub, type AlexaApiStub } from '../support/alexaApiStub';
import { talkTo, type Dialog } from '../support/dialog';
import { ROOT } from '../support/paths';

const manifest = JSON.parse(readFileSync(join(ROOT, 'skill-package', 'skill.json'), 'utf8')).manifest;
const INSTRUCTIONS: string = manifest.publishingInformation.testingInstructions;
const l = localePack('en-US');

let api: AlexaApiStub;
beforeAll(async () => {
  api = await startAlexaApiStub();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

// 15:20 in New York: reminders for later today are still possible.
const clock = () => new Date('2026-11-21T20:20:00Z');
const talk = () => talkTo('en-US', { apiEndpoint: api.endpoint, clock });
const stepOf = (t: Turn): string | undefined => (t.response?.sessionAttributes?.bh as { step?: string } | undefined)?.step;
/** A voice permission request (Connections.SendRequest AskFor) or a permission card for this scope. */
const askedFor = (t: Turn, scope: string) =>
  (t.response?.response.directives ?? []).some((d) => d.type === 'Connections.SendRequest' && JSON.stringify(d).includes(`"${scope}"`)) ||
  JSON.stringify(t.response?.response.card ?? {}).includes(`"${scope}"`);

/** Answers no until the safety questions are over; returns how many it took and the turn after them. */
async function clearScreen(d: Dialog): Promise<{ noes: number; after: Turn }> {
  let noes = 0;
  let turn = d.last;
  while (stepOf(turn) === 'screen' && noes < 20) {
    turn = await d.user('no', 'AMAZON.NoIntent');
    noes += 1;
  }
  return { noes, after: turn };
}

function expectEmergency(t: Turn) {
  expect(stepOf(t)).toBe('emergency');
  expect(t.speech).toContain(l.emergencyNumber);
  expect(t.speech).toContain(textFor(CANT_CALL.say, l));
}

interface Claim {
  readonly sentence: string;
  readonly check: () => Promise<void>;
}

const CLAIMS: readonly Claim[] = [
  {
    sentence: 'No account linking: any Alexa account and device can test it.',
    check: async () => {
      expect(manifest.apis.custom.accountLinking).toBeUndefined();
      expect(existsSync(join(ROOT, 'skill-package', 'accountLinking.json'))).toBe(false);
      expect(readdirSync(join(ROOT, 'skill-package')).filter((f) => /account/i.test(f))).toEqual([]);
    },
  },
  {
    sentence: 'Say "Alexa, ask back helper, my back went out" (or "Alexa, open back helper").',
    check: async () => {
      for (const phrase of ['alexa, ask back helper, my back went out', 'alexa, open back helper']) {
        const t = await talk().user(phrase);
        expect([phrase, stepOf(t), t.listening]).toEqual([phrase, 'screen', true]);
      }
    },
  },
  {
    sentence: 'The skill asks twelve short yes or no safety questions, one at a time.',
    check: async () => {
      const d = talk();
      await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
      const { noes } = await clearScreen(d);
      expect([noes, SCREEN.length]).toEqual([12, 12]);
    },
  },
  {
    sentence: 'Twelve no answers lead to a question about where you are.',
    check: async () => {
      const d = talk();
      await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
      const { noes, after } = await clearScreen(d);
      expect(noes).toBe(SCREEN.length);
      expect(stepOf(after)).toBe('position');
      expect(after.listening).toBe(true);
      // The question is answered by the model's position intents.
      expect((await d.user("i'm in bed", 'InBedIntent')).listening).toBe(true);
    },
  },
  {
    sentence:
      'A yes or "not sure" to any safety question gives the emergency advice (call the local emergency number; Alexa cannot call) and from then on only slow breathing is offered.',
    check: async () => {
      for (const answer of ['yes', 'not sure']) {
        for (let question = 0; question < SCREEN.length; question++) {
          const d = talk();
          await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
          for (let i = 0; i < question; i++) await d.user('no', 'AMAZON.NoIntent');
          expectEmergency(await d.user(answer));
          for (const ask of ['help me get up', 'pelvic tilts', 'what position should i lie in']) {
            const t = await d.user(ask);
            expect([ask, ['emergency', 'breathingOffer', 'breathing'].includes(stepOf(t) ?? '')]).toEqual([ask, true]);
          }
        }
      }
    },
  },
  {
    sentence: 'Saying a warning sign at any point, such as "I can\'t feel my legs", gives the same emergency advice.',
    check: async () => {
      for (const noes of [0, 2, 5]) {
        const d = talk();
        await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
        for (let i = 0; i < noes; i++) await d.user('no', 'AMAZON.NoIntent');
        expectEmergency(await d.user("i can't feel my legs", 'EmergencyStatementIntent'));
      }
    },
  },
  {
    sentence:
      'Saying "call for help" or "call 911" at any point explains that the skill cannot make calls, gives the emergency number and how to call with Alexa, and ends the session so Alexa can hear the call.',
    check: async () => {
      for (const noes of [0, 3, SCREEN.length]) {
        const d = talk();
        await d.user('alexa, ask back helper, my back went out', 'BackWentOutIntent');
        for (let i = 0; i < noes; i++) await d.user('no', 'AMAZON.NoIntent');
        const t = await d.user(noes === 3 ? 'call nine one one' : 'call for help', 'CallIntent');
        expect([noes, t.listening, t.speech.includes(l.emergencyNumber), t.speech.includes("I can't make calls.")]).toEqual([noes, false, true, true]);
      }
    },
  },
  {
    sentence:
      'Timer: say "Alexa, ask back helper should I use ice or heat", answer no to the safety questions, say yes to start with heat or ice, and yes to the fifteen minute timer it offers: it asks for the timers permission by voice (or sends a card to the Alexa app), then sets an announcing timer.',
    check: async () => {
      api.script('POST /v1/alerts/timers', { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no permission') }, { status: 200, body: AMAZON.timerCreated });
      const d = talk();
      await d.user('alexa, ask back helper should i use ice or heat', 'HeatIceIntent');
      const { noes } = await clearScreen(d);
      expect(noes).toBe(SCREEN.length);
      const heat = await d.user('yes', 'AMAZON.YesIntent');
      expect(heat.speech).toContain('fifteen minute timer');
      const ask = await d.user('yes', 'AMAZON.YesIntent');
      expect(askedFor(ask, 'alexa::alerts:timers:skill:readwrite')).toBe(true);
      const timer = api.requests.find((r) => r.path === '/v1/alerts/timers');
      expect((timer?.body as { triggeringBehavior?: { operation?: { type?: string } } }).triggeringBehavior?.operation?.type).toBe('ANNOUNCE');
    },
  },
  {
    sentence:
      'Reminders: after the safety questions, say "remind me to get up and move" or "check in with me tomorrow morning": it says the time back and asks you to confirm; after a yes it asks for the reminders permission the same way, then sets the reminder.',
    check: async () => {
      for (const [phrase, intent] of [['remind me to get up and move', 'MoveReminderIntent'], ['check in with me tomorrow morning', 'CheckInReminderIntent']]) {
        api.reset();
        api.script('GET /v2/devices/amzn1.ask.device.SIMULATED-DEVICE/settings/System.timeZone', { status: 200, body: 'America/New_York' });
        api.script('POST /v1/alerts/reminders', { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no permission') });
        const d = talk();
        await d.user('open back helper');
        await clearScreen(d);
        const confirm = await d.user(phrase!, intent);
        expect([phrase, stepOf(confirm)]).toEqual([phrase, 'reminderConfirm']);
        expect(confirm.speech).toMatch(/\d{1,2}(:\d\d)? ?(AM|PM)/);
        const ask = await d.user('yes', 'AMAZON.YesIntent');
        expect([phrase, askedFor(ask, 'alexa::alerts:reminders:skill:readwrite')]).toEqual([phrase, true]);
      }
    },
  },
  {
    sentence: 'Say "forget me" to delete saved settings (it asks to confirm), and "stop" to end.',
    check: async () => {
      const d = talk();
      await d.user('open back helper');
      expect(stepOf(await d.user('forget me', 'ForgetMeIntent'))).toBe('forgetConfirm');
      const stop = await d.user('stop', 'AMAZON.StopIntent');
      expect(stop.listening).toBe(false);
    },
  },
];

describe('testingInstructions in skill.json', () => {
  it('is exactly the claims checked below, nothing unchecked, within SMAPI\'s 4000 characters', () => {
    expect(INSTRUCTIONS).toBe(CLAIMS.map((c) => c.sentence).join(' '));
    expect(INSTRUCTIONS.length).toBeLessThanOrEqual(4000);
  });

  it('mentions the timers and reminders the skill asks permission for', () => {
    expect(INSTRUCTIONS).toMatch(/timer/i);
    expect(INSTRUCTIONS).toMatch(/reminder/i);
  });

  it.each(CLAIMS.map((c) => [c.sentence, c] as const))('holds for the real skill: %s', async (_sentence, claim) => {
    await claim.check();
  });
});
