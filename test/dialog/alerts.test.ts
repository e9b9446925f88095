import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { SCREEN } from '../../lambda/src/content/screen';
import { buildSkill } from '../../lambda/src/skill';
import { AMAZON, startAlexaApiStub, type AlexaApiStub } from '../support/alexaApiStub';
import { talkTo, type Dialog, TEST_SKILL_ID } from '../support/dialog';
import { checked } from '../support/responseChecks';
import { DynamoPersistenceAdapter, createDynamoClient, userKey } from '../../lambda/src/services/persistence';
import { ensureTable, startLocalDynamo } from '../../tools/dynamo/local';
import { GetCommand } from '@aws-sdk/lib-dynamodb';

let api: AlexaApiStub;
beforeAll(async () => {
  api = await startAlexaApiStub();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

// 15:20 in New York on a November day.
const clock = () => new Date('2026-11-21T20:20:00Z');
const TIMER = 'POST /v1/alerts/timers';
const REMINDER = 'POST /v1/alerts/reminders';
const TIME_ZONE = 'GET /v2/devices/amzn1.ask.device.SIMULATED-DEVICE/settings/System.timeZone';

async function toHeatAdvice(d: Dialog) {
  await d.user('alexa, ask back helper should i use ice or heat', 'HeatIceIntent');
  for (let i = 0; i < SCREEN.length - 1; i++) await d.user('no');
  const clear = await d.user('no');
  expect(clear.speech).toContain('You asked about heat or ice. Shall we start with that?');
  const heat = await d.user('yes');
  expect(heat.speech).toContain('Would you like a fifteen minute timer');
}

/** The answer Alexa sends after it asked for a permission by voice. */
async function permissionAnswer(after: ResponseEnvelope, request: RequestEnvelope, status: string) {
  const skill = buildSkill({ skillId: TEST_SKILL_ID });
  const envelope = {
    ...request,
    session: { ...request.session!, new: false, attributes: after.sessionAttributes ?? {} },
    request: {
      type: 'Connections.Response', requestId: 'amzn1.echo-api.request.answer', timestamp: request.request.timestamp, locale: 'en-US',
      name: 'AskFor', status: { code: '200', message: 'OK' }, token: '',
      payload: { permissionScope: 'alexa::alerts:timers:skill:readwrite', status },
    },
  } as unknown as RequestEnvelope;
  return checked((e: RequestEnvelope) => skill.invoke(e))(envelope);
}

describe('the heat or ice timer', () => {
  it('creates an announcing 20-minute timer with the exact body Amazon documents', async () => {
    api.script(TIMER, { status: 200, body: AMAZON.timerCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await toHeatAdvice(d);
    const set = await d.user('yes');
    expect(set.speech).toMatch(/^Done\. Your fifteen minute timer is set\./);
    expect(api.requests).toHaveLength(1);
    const [req] = api.requests;
    expect(req!.method).toBe('POST');
    expect(req!.path).toBe('/v1/alerts/timers');
    expect(req!.headers.authorization).toBe('Bearer simulated-api-access-token');
    expect(req!.body).toEqual({
      duration: 'PT15M',
      timerLabel: 'heat or ice pack',
      creationBehavior: { displayExperience: { visibility: 'VISIBLE' } },
      triggeringBehavior: {
        operation: { type: 'ANNOUNCE', textToAnnounce: [{ locale: 'en-US', text: 'Time to take the heat or ice pack off.' }] },
        notificationConfig: { playAudible: true },
      },
    });
  });

  it('asks for permission by voice, then sets the timer when it is granted', async () => {
    api.script(TIMER, { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no permission') }, { status: 200, body: AMAZON.timerCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await toHeatAdvice(d);
    const ask = await d.user('yes');
    const directives = ask.response!.response.directives ?? [];
    expect(directives).toEqual([expect.objectContaining({ type: 'Connections.SendRequest', name: 'AskFor' })]);
    expect(ask.response!.response.shouldEndSession).toBeUndefined();
    expect(ask.response!.response.reprompt).toBeUndefined();
    const granted = await permissionAnswer(ask.response!, ask.request!, 'ACCEPTED');
    expect(granted.response.outputSpeech).toEqual(expect.objectContaining({ ssml: expect.stringContaining('Your fifteen minute timer is set.') }));
    expect(api.requests.filter((r) => r.path === '/v1/alerts/timers')).toHaveLength(2);
  });

  it('falls back to a card when permission is denied', async () => {
    api.script(TIMER, { status: 403, body: AMAZON.error('FORBIDDEN', 'denied') });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await toHeatAdvice(d);
    const ask = await d.user('yes');
    const denied = await permissionAnswer(ask.response!, ask.request!, 'DENIED');
    expect(JSON.stringify(denied.response.outputSpeech)).toContain('open the Alexa app');
    expect(denied.response.card).toEqual({ type: 'AskForPermissionsConsent', permissions: ['alexa::alerts:timers:skill:readwrite'] });
    expect(denied.response.shouldEndSession).toBe(false);
  });

  it.each([
    [{ status: 504, body: AMAZON.error('DEVICE_OFFLINE', 'offline') }, 'Your device seems to be offline'],
    [{ status: 500, body: AMAZON.error('INTERNAL', 'boom') }, "Sorry, I couldn't set that just now."],
    [{ hang: true as const }, "Sorry, I couldn't set that just now."],
  ])('says something useful and keeps its place when the API answers %j', async (reply, words) => {
    api.script(TIMER, reply);
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await toHeatAdvice(d);
    const t = await d.user('yes');
    expect(t.speech).toContain(words);
    // The plan's next part, where it stood, offered first so it is a turn of its own.
    expect(t.speech).toMatch(/Shall we carry on with the self-care tips\?$/);
    expect(t.listening).toBe(true);
    expect((await d.user('yes')).speech).toContain('Check your skin');
  });

  it('is never set after a warning sign', async () => {
    api.script(TIMER, { status: 200, body: AMAZON.timerCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await d.user('open back helper');
    await d.user('yes');
    const t = await d.user('set a timer', 'TimerIntent');
    expect(t.speech).toContain('Call 911 now');
    expect(api.requests).toHaveLength(0);
  });
});

describe('reminders', () => {
  it('speaks back the hours, and after a yes creates hourly reminders until the evening', async () => {
    api.script(TIME_ZONE, { status: 200, body: 'America/New_York' });
    api.script(REMINDER, { status: 201, body: AMAZON.reminderCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await d.user('open back helper');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    const confirm = await d.user('remind me to get up and move every hour until this evening', 'MoveReminderIntent');
    expect(confirm.speech).toContain("I'll remind you every hour, from 4 PM until 8 PM, to get up and move a little. Shall I set that?");
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0); // nothing before the yes
    const done = await d.user('yes');
    expect(done.speech).toContain("Done. I'll remind you every hour, from 4 PM until 8 PM.");
    expect(done.speech).toContain('Where are you now?'); // back where we were
    const body = api.requests.find((r) => r.path === '/v1/alerts/reminders')!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      trigger: {
        type: 'SCHEDULED_ABSOLUTE',
        scheduledTime: '2026-11-21T16:00:00',
        timeZoneId: 'America/New_York',
        recurrence: {
          startDateTime: '2026-11-21T16:00:00',
          endDateTime: '2026-11-21T20:00:59',
          recurrenceRules: [16, 17, 18, 19, 20].map((h) => `FREQ=DAILY;BYHOUR=${h};BYMINUTE=0;BYSECOND=0;INTERVAL=1;`),
        },
      },
      alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: 'Time to get up and move a little.' }] } },
    });
  });

  it('checks in tomorrow morning, after a yes', async () => {
    api.script(TIME_ZONE, { status: 200, body: 'America/New_York' });
    api.script(REMINDER, { status: 201, body: AMAZON.reminderCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await d.user('open back helper');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    const confirm = await d.user('check in with me tomorrow morning', 'CheckInReminderIntent');
    expect(confirm.speech).toContain("I'll check in with you tomorrow at 9 AM. Shall I set that?");
    const no = await d.user('no');
    expect(no.speech).toContain("Okay, I won't set it.");
    expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(0);
  });

  it('says so when it cannot tell the local time', async () => {
    api.script(TIME_ZONE, { status: 500, body: {} });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await d.user('open back helper');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    const t = await d.user('remind me to move', 'MoveReminderIntent');
    expect(t.speech).toContain("I can't tell the time where you are");
    expect(t.listening).toBe(true);
  });
});

describe('reminders by the book', () => {
  /** Alexa's answer to a voice permission ask, sent with whatever session attributes it carries. */
  async function answer(skill: ReturnType<typeof buildSkill>, after: ResponseEnvelope, request: RequestEnvelope, attributes: Record<string, unknown>) {
    const envelope = {
      ...request,
      session: { ...request.session!, new: false, attributes },
      request: {
        type: 'Connections.Response', requestId: 'amzn1.echo-api.request.answer', timestamp: request.request.timestamp, locale: 'en-US',
        name: 'AskFor', status: { code: '200', message: 'OK' }, token: '',
        payload: { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status: 'ACCEPTED' },
      },
    } as unknown as RequestEnvelope;
    void after;
    return checked((e: RequestEnvelope) => skill.invoke(e))(envelope);
  }

  it('the check-in is short and skill-neutral, rings in the person\'s zone, and the time is said again after permission', async () => {
    api.script(TIME_ZONE, { status: 200, body: 'America/New_York' });
    api.script(REMINDER, { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no permission') }, { status: 201, body: AMAZON.reminderCreated });
    const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock });
    await d.user('open back helper');
    for (let i = 0; i < SCREEN.length; i++) await d.user('no');
    await d.user('check in with me tomorrow morning', 'CheckInReminderIntent');
    const ask = await d.user('yes');
    expect(ask.response!.response.directives).toEqual([expect.objectContaining({ name: 'AskFor' })]);
    const granted = await answer(buildSkill({ skillId: TEST_SKILL_ID }), ask.response!, ask.request!, ask.response!.sessionAttributes ?? {});
    expect(JSON.stringify(granted.response.outputSpeech)).toContain('Done. I&apos;ll check in with you tomorrow at 9 AM.');
    const bodies = api.requests.filter((r) => r.path === '/v1/alerts/reminders').map((r) => r.body as Record<string, any>);
    expect(bodies).toHaveLength(2);
    const text: string = bodies[1].alertInfo.spokenInfo.content[0].text;
    expect(text).toBe('Time to check how you are feeling today.');
    expect(text.toLowerCase()).not.toMatch(/back helper|open|alexa/);
    expect(bodies[1].trigger).toEqual({ type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-22T09:00:00', timeZoneId: 'America/New_York' });
  });
});

describe('a plan waiting for permission is kept in the database too', () => {
  const TABLE = 'back-helper-alerts';
  const USER = 'amzn1.ask.account.pending-plan';

  async function pendingOf(endpoint: string): Promise<unknown> {
    const client = createDynamoClient({ endpoint });
    try {
      return (await client.send(new GetCommand({ TableName: TABLE, Key: { id: userKey(USER) } }))).Item?.attributes?.pending;
    } finally {
      client.destroy();
    }
  }

  it.each([
    ['within ten minutes, the plan comes back from the database and is set', 5, true],
    ['after ten minutes, the plan has expired and nothing is set', 11, false],
  ])('%s', async (_, minutes, restored) => {
    const db = await startLocalDynamo();
    try {
      await ensureTable(db.endpoint, TABLE);
      const now = Date.parse('2026-11-21T20:20:00Z');
      const memory = new DynamoPersistenceAdapter({ tableName: TABLE, endpoint: db.endpoint, now: () => now });
      api.script(TIME_ZONE, { status: 200, body: 'America/New_York' });
      api.script(REMINDER, { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no permission') }, { status: 201, body: AMAZON.reminderCreated });
      const d = talkTo('en-US', { apiEndpoint: api.endpoint, clock, memory, userId: USER });
      await d.user('open back helper');
      for (let i = 0; i < SCREEN.length; i++) await d.user('no');
      await d.user('remind me to get up and move every hour until this evening', 'MoveReminderIntent');
      const ask = await d.user('yes');
      expect(ask.response!.response.directives).toEqual([expect.objectContaining({ name: 'AskFor' })]);
      expect(await pendingOf(db.endpoint)).toEqual({ p: 'move', d: '2026-11-21', h: 16, until: Math.floor(now / 1000) + 600 });

      // Alexa's answer arrives with the plan gone from the session attributes.
      const attributes = JSON.parse(JSON.stringify(ask.response!.sessionAttributes)) as { bh: Record<string, unknown> };
      delete attributes.bh.alert;
      const request = { ...ask.request!, request: { ...ask.request!.request, timestamp: new Date(now + minutes * 60_000).toISOString() } } as RequestEnvelope;
      const skill = buildSkill({ skillId: TEST_SKILL_ID, memory });
      const envelope = {
        ...request,
        session: { ...request.session!, new: false, attributes },
        request: {
          type: 'Connections.Response', requestId: 'amzn1.echo-api.request.answer', timestamp: request.request.timestamp, locale: 'en-US',
          name: 'AskFor', status: { code: '200', message: 'OK' }, token: '',
          payload: { permissionScope: 'alexa::alerts:reminders:skill:readwrite', status: 'ACCEPTED' },
        },
      } as unknown as RequestEnvelope;
      const granted = await checked((e: RequestEnvelope) => skill.invoke(e))(envelope);
      const said = JSON.stringify(granted.response.outputSpeech);
      const posts = api.requests.filter((r) => r.path === '/v1/alerts/reminders');
      if (restored) {
        expect(said).toContain('remind you every hour, from 4 PM until 8 PM.');
        expect(posts).toHaveLength(2);
        expect(await pendingOf(db.endpoint)).toBeUndefined(); // set, so no longer kept
      } else {
        expect(said).not.toContain('Done.');
        expect(posts).toHaveLength(1);
      }
    } finally {
      await db.stop();
    }
  });
});
