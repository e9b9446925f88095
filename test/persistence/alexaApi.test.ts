import { createServer } from 'node:net';
import { SkillBuilders, type HandlerInput } from 'ask-sdk-core';
import { services, type Request, type RequestEnvelope } from 'ask-sdk-model';
import {
  REMINDERS_SCOPE,
  TIMERS_SCOPE,
  askForPermissionDirective,
  createAnnouncedTimer,
  createReminder,
  hasGrantedScope,
  hourlyUntil,
  isoDuration,
  permissionCard,
  readPermissionAnswer,
  type AlertResult,
  type AnnouncedTimerSpec,
  type ReminderSpec,
} from '../../lambda/src/services/alexaApi';
import { ALEXA_API_TIMEOUT_MS, TimeoutApiClient } from '../../lambda/src/services/apiClient';
import { AMAZON, startAlexaApiStub, type AlexaApiStub, type StubReply } from '../support/alexaApiStub';

const TOKEN = 'Atza|IwEBIEXAMPLE-api-access-token';

function envelope(apiEndpoint: string, options: { token?: string | null; scopes?: Record<string, { status: 'GRANTED' | 'DENIED' }> } = {}): RequestEnvelope {
  const token = options.token === undefined ? TOKEN : options.token;
  return {
    version: '1.0',
    session: { new: false, sessionId: 'amzn1.echo-api.session.t', application: { applicationId: 'amzn1.ask.skill.t' }, user: { userId: 'amzn1.ask.account.t' }, attributes: {} },
    context: {
      System: {
        application: { applicationId: 'amzn1.ask.skill.t' },
        user: { userId: 'amzn1.ask.account.t', ...(options.scopes ? { permissions: { scopes: options.scopes } } : {}) },
        device: { deviceId: 'd', supportedInterfaces: {} },
        apiEndpoint,
        ...(token === null ? {} : { apiAccessToken: token }),
      },
    },
    request: { type: 'IntentRequest', requestId: 'amzn1.echo-api.request.t', timestamp: '2026-11-21T10:00:00Z', locale: 'en-US', dialogState: 'COMPLETED', intent: { name: 'AMAZON.YesIntent', confirmationStatus: 'NONE' } },
  } as RequestEnvelope;
}

/** Runs `call` inside a real ask-sdk skill, so the real service clients call the stub. */
async function insideSkill(env: RequestEnvelope, call: (input: HandlerInput) => Promise<AlertResult>, withApiClient = true): Promise<AlertResult> {
  let result: AlertResult | undefined;
  const builder = SkillBuilders.custom().addRequestHandlers({
    canHandle: () => true,
    async handle(input) {
      result = await call(input);
      return input.responseBuilder.getResponse();
    },
  });
  if (withApiClient) builder.withApiClient(new TimeoutApiClient());
  await builder.create().invoke(env);
  return result!;
}

const TIMER: AnnouncedTimerSpec = {
  minutes: 20,
  label: 'Back Helper rest',
  announce: 'Twenty minutes are up. Time to change position gently.',
  locale: 'en-US',
};

const REMINDER: ReminderSpec = {
  trigger: { type: 'absolute', at: '2026-11-21T18:00:00', timeZoneId: 'America/New_York', recurrence: hourlyUntil({ date: '2026-11-21', fromHour: 15, untilHour: 18 }) },
  text: 'Time to stand up and walk a little',
  locale: 'en-US',
};

describe('Alexa timers and reminders through ask-sdk’s service clients', () => {
  let stub: AlexaApiStub;
  beforeAll(async () => {
    stub = await startAlexaApiStub();
  });
  afterAll(() => stub.close());
  beforeEach(() => stub.reset());

  describe('createAnnouncedTimer', () => {
    it('POSTs the documented ANNOUNCE body to /v1/alerts/timers with the request’s token', async () => {
      stub.script('POST /v1/alerts/timers', { status: 200, body: AMAZON.timerCreated });
      const result = await insideSkill(envelope(stub.endpoint), (input) => createAnnouncedTimer(input, TIMER));

      expect(result).toEqual({ kind: 'ok', id: AMAZON.timerCreated.id });
      expect(stub.requests).toHaveLength(1);
      const [sent] = stub.requests;
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/v1/alerts/timers');
      expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent.headers['content-type']).toBe('application/json');
      expect(sent.body).toEqual({
        duration: 'PT20M',
        timerLabel: 'Back Helper rest',
        creationBehavior: { displayExperience: { visibility: 'VISIBLE' } },
        triggeringBehavior: {
          operation: {
            type: 'ANNOUNCE',
            textToAnnounce: [{ locale: 'en-US', text: 'Twenty minutes are up. Time to change position gently.' }],
          },
          notificationConfig: { playAudible: true },
        },
      });
    });

    it('accepts 201 as well as the 200 ask-sdk-model documents', async () => {
      stub.script('POST /v1/alerts/timers', { status: 201, body: AMAZON.timerCreated });
      expect(await insideSkill(envelope(stub.endpoint), (input) => createAnnouncedTimer(input, TIMER))).toEqual({ kind: 'ok', id: AMAZON.timerCreated.id });
    });

    it('writes durations as ISO-8601 and allows exactly two hours', async () => {
      expect([isoDuration(5), isoDuration(60), isoDuration(90), isoDuration(120), isoDuration(0.5)]).toEqual(['PT5M', 'PT1H', 'PT1H30M', 'PT2H', 'PT30S']);
      stub.script('POST /v1/alerts/timers', { status: 200, body: AMAZON.timerCreated });
      await insideSkill(envelope(stub.endpoint), (input) => createAnnouncedTimer(input, { ...TIMER, minutes: 120 }));
      expect((stub.requests[0].body as { duration: string }).duration).toBe('PT2H');
    });

    it.each([
      ['longer than two hours', { minutes: 121 }, 'DURATION_TOO_LONG'],
      ['zero minutes', { minutes: 0 }, 'DURATION_TOO_SHORT'],
      ['no label', { label: ' ' }, 'INVALID_LABEL'],
      ['nothing to announce', { announce: '' }, 'INVALID_ANNOUNCEMENT'],
    ])('refuses a timer %s without calling Alexa', async (_, change, code) => {
      const result = await insideSkill(envelope(stub.endpoint), (input) => createAnnouncedTimer(input, { ...TIMER, ...change }));
      expect(result).toEqual({ kind: 'invalid', code });
      expect(stub.requests).toHaveLength(0);
    });
  });

  describe('createReminder', () => {
    it('POSTs an absolute, recurring reminder to /v1/alerts/reminders in the documented shape', async () => {
      stub.script('POST /v1/alerts/reminders', { status: 201, body: AMAZON.reminderCreated });
      const result = await insideSkill(envelope(stub.endpoint), (input) => createReminder(input, REMINDER));

      expect(result).toEqual({ kind: 'ok', id: AMAZON.reminderCreated.alertToken });
      const [sent] = stub.requests;
      expect(sent.method).toBe('POST');
      expect(sent.path).toBe('/v1/alerts/reminders');
      expect(sent.headers.authorization).toBe(`Bearer ${TOKEN}`);
      expect(sent.body).toEqual({
        trigger: {
          type: 'SCHEDULED_ABSOLUTE',
          scheduledTime: '2026-11-21T18:00:00',
          timeZoneId: 'America/New_York',
          recurrence: {
            startDateTime: '2026-11-21T15:00:00',
            endDateTime: '2026-11-21T18:00:59',
            recurrenceRules: [
              'FREQ=DAILY;BYHOUR=15;BYMINUTE=0;BYSECOND=0;INTERVAL=1;',
              'FREQ=DAILY;BYHOUR=16;BYMINUTE=0;BYSECOND=0;INTERVAL=1;',
              'FREQ=DAILY;BYHOUR=17;BYMINUTE=0;BYSECOND=0;INTERVAL=1;',
              'FREQ=DAILY;BYHOUR=18;BYMINUTE=0;BYSECOND=0;INTERVAL=1;',
            ],
          },
        },
        alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: 'Time to stand up and walk a little' }] } },
        pushNotification: { status: 'ENABLED' },
      });
    });

    it('sends a relative reminder as an offset in seconds', async () => {
      stub.script('POST /v1/alerts/reminders', { status: 201, body: AMAZON.reminderCreated });
      await insideSkill(envelope(stub.endpoint), (input) =>
        createReminder(input, { trigger: { type: 'relative', offsetSeconds: 3600 }, text: 'Time to move', locale: 'en-US', pushNotification: false }),
      );
      expect(stub.requests[0].body).toEqual({
        trigger: { type: 'SCHEDULED_RELATIVE', offsetInSeconds: 3600 },
        alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: 'Time to move' }] } },
        pushNotification: { status: 'DISABLED' },
      });
    });

    it.each([
      ['a UTC time (Alexa wants local time without zone)', { type: 'absolute', at: '2026-11-21T18:00:00Z' }, 'INVALID_SCHEDULED_TIME'],
      ['a negative offset', { type: 'relative', offsetSeconds: -5 }, 'INVALID_OFFSET'],
      ['an empty rule list', { type: 'absolute', at: '2026-11-21T18:00:00', recurrence: { rules: [] } }, 'INVALID_RECURRENCE'],
    ] as const)('refuses %s without calling Alexa', async (_, trigger, code) => {
      const result = await insideSkill(envelope(stub.endpoint), (input) => createReminder(input, { ...REMINDER, trigger }));
      expect(result).toEqual({ kind: 'invalid', code });
      expect(stub.requests).toHaveLength(0);
    });
  });

  describe('what Alexa answers, as result kinds', () => {
    const calls = [
      ['timer', 'POST /v1/alerts/timers', (input: HandlerInput) => createAnnouncedTimer(input, TIMER)],
      ['reminder', 'POST /v1/alerts/reminders', (input: HandlerInput) => createReminder(input, REMINDER)],
    ] as const;

    const answers: [string, StubReply, AlertResult][] = [
      ['401', { status: 401, body: AMAZON.error('UNAUTHORIZED', 'Invalid token') }, { kind: 'noPermission', status: 401 }],
      ['403', { status: 403, body: AMAZON.error('FORBIDDEN', 'Permission not granted') }, { kind: 'noPermission', status: 403 }],
      ['400', { status: 400, body: AMAZON.error('INVALID_REQUEST', 'Timer label already exists') }, { kind: 'invalid', code: 'INVALID_REQUEST' }],
      ['504 (device offline)', { status: 504, body: AMAZON.error('DEVICE_OFFLINE', 'Device offline') }, { kind: 'offline' }],
      ['500', { status: 500, body: AMAZON.error('INTERNAL_ERROR', 'Internal Server Error') }, { kind: 'failed', reason: 'server', status: 500 }],
      ['503', { status: 503 }, { kind: 'failed', reason: 'server', status: 503 }],
      ['429 (throttled, not the timer limit)', { status: 429, body: AMAZON.error('RATE_EXCEEDED', 'RateExceededException') }, { kind: 'failed', reason: 'throttled', status: 429 }],
      // Amazon documents no status for "10 timers already"; this body is an assumption, see alexaApi.ts.
      ['400 naming a maximum count', { status: 400, body: AMAZON.error('MAX_TIMERS_EXCEEDED', 'Maximum number of timers reached') }, { kind: 'limit', code: 'MAX_TIMERS_EXCEEDED' }],
      ['400 naming a maximum duration', { status: 400, body: AMAZON.error('INVALID_DURATION', 'Duration exceeds the maximum') }, { kind: 'invalid', code: 'INVALID_DURATION' }],
    ];

    describe.each(calls)('%s', (_, route, call) => {
      it.each(answers)('%s', async (__, reply, expected) => {
        stub.script(route, reply);
        expect(await insideSkill(envelope(stub.endpoint), call)).toEqual(expected);
        expect(stub.requests).toHaveLength(1);
      });

      it('no apiAccessToken in the envelope: noPermission, and no call', async () => {
        stub.script(route, { status: 200, body: AMAZON.timerCreated });
        expect(await insideSkill(envelope(stub.endpoint, { token: null }), call)).toEqual({ kind: 'noPermission' });
        expect(stub.requests).toHaveLength(0);
      });

      it('a skill built without an ApiClient (no serviceClientFactory): noPermission', async () => {
        expect(await insideSkill(envelope(stub.endpoint), call, false)).toEqual({ kind: 'noPermission' });
        expect(stub.requests).toHaveLength(0);
      });

      it('a network failure: failed', async () => {
        const port = await new Promise<number>((resolve) => {
          const s = createServer().listen(0, '127.0.0.1', () => {
            const p = (s.address() as { port: number }).port;
            s.close(() => resolve(p));
          });
        });
        expect(await insideSkill(envelope(`http://127.0.0.1:${port}`), call)).toEqual({ kind: 'failed', reason: 'network' });
      });
    });

    it('an Alexa API that never answers: failed within the ApiClient’s 1.5 s', async () => {
      expect(ALEXA_API_TIMEOUT_MS).toBeLessThanOrEqual(1500);
      stub.script('POST /v1/alerts/timers', { hang: true });
      const started = Date.now();
      expect(await insideSkill(envelope(stub.endpoint), (input) => createAnnouncedTimer(input, TIMER))).toEqual({ kind: 'failed', reason: 'timeout' });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(ALEXA_API_TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(ALEXA_API_TIMEOUT_MS + 500);
    });

    it('an answer slower than the timeout counts as a timeout too', async () => {
      stub.script('POST /v1/alerts/reminders', { status: 201, body: AMAZON.reminderCreated, delayMs: 400 });
      const quick = new services.ServiceClientFactory({ apiClient: new TimeoutApiClient(150), apiEndpoint: stub.endpoint, authorizationValue: TOKEN });
      const result = await createReminder({ requestEnvelope: envelope(stub.endpoint), serviceClientFactory: quick }, REMINDER);
      expect(result).toEqual({ kind: 'failed', reason: 'timeout' });
    });
  });
});

describe('TimeoutApiClient', () => {
  it('resolves non-2xx answers (ask-sdk turns them into errors) with lower-case header names', async () => {
    const stub = await startAlexaApiStub();
    try {
      stub.script('GET /v1/alerts/timers', { status: 401, body: AMAZON.error('UNAUTHORIZED', 'no') });
      const response = await new TimeoutApiClient().invoke({ url: `${stub.endpoint}/v1/alerts/timers`, method: 'GET', headers: [{ key: 'Authorization', value: 'Bearer x' }] });
      expect(response.statusCode).toBe(401);
      expect(response.headers).toContainEqual({ key: 'content-type', value: 'application/json' });
      expect(JSON.parse(response.body!)).toEqual({ code: 'UNAUTHORIZED', message: 'no' });
      expect(stub.requests[0].headers.authorization).toBe('Bearer x');
    } finally {
      await stub.close();
    }
  });
});

describe('asking for permission', () => {
  it('builds the AskFor directive Amazon documents (version 2, account consent)', () => {
    expect(askForPermissionDirective(REMINDERS_SCOPE, 'reminder-offer')).toEqual({
      type: 'Connections.SendRequest',
      name: 'AskFor',
      payload: {
        '@type': 'AskForPermissionsConsentRequest',
        '@version': '2',
        permissionScopes: [{ permissionScope: 'alexa::alerts:reminders:skill:readwrite', consentLevel: 'ACCOUNT' }],
      },
      token: 'reminder-offer',
    });
    expect(askForPermissionDirective(TIMERS_SCOPE).payload!.permissionScopes[0].permissionScope).toBe('alexa::alerts:timers:skill:readwrite');
  });

  it('builds the permissions card as the fallback', () => {
    expect(permissionCard(TIMERS_SCOPE, REMINDERS_SCOPE)).toEqual({
      type: 'AskForPermissionsConsent',
      permissions: ['alexa::alerts:timers:skill:readwrite', 'alexa::alerts:reminders:skill:readwrite'],
    });
  });

  const response = (payload: unknown, code = '200', name = 'AskFor') =>
    ({ type: 'Connections.Response', requestId: 'r', timestamp: 't', locale: 'en-US', name, status: { code, message: 'OK' }, token: 'reminder-offer', payload }) as Request;

  it.each([
    ['ACCEPTED', { permissionScopes: [{ permissionScope: REMINDERS_SCOPE, consentLevel: 'ACCOUNT' }], status: 'ACCEPTED' }],
    ['DENIED', { permissionScopes: [{ permissionScope: REMINDERS_SCOPE, consentLevel: 'ACCOUNT' }], status: 'DENIED' }],
    ['NOT_ANSWERED', { permissionScopes: [{ permissionScope: REMINDERS_SCOPE, consentLevel: 'ACCOUNT' }], status: 'NOT_ANSWERED' }],
    ['ACCEPTED', { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' }], // version 1 shape
    ['DENIED', { permissionScopes: [{ permissionScope: TIMERS_SCOPE, consentLevel: 'ACCOUNT', status: 'DENIED' }] }],
  ] as const)('reads %s from a Connections.Response', (expected, payload) => {
    expect(readPermissionAnswer(response(payload))).toBe(expected);
  });

  it('counts a failed AskFor as not answered, and ignores other requests', () => {
    expect(readPermissionAnswer(response(undefined, '400'))).toBe('NOT_ANSWERED');
    expect(readPermissionAnswer(response({ status: 'ACCEPTED' }, '200', 'Buy'))).toBeUndefined();
    expect(readPermissionAnswer({ type: 'LaunchRequest', requestId: 'r', timestamp: 't', locale: 'en-US' } as Request)).toBeUndefined();
    expect(readPermissionAnswer(undefined)).toBeUndefined();
  });

  it('reads granted scopes from the request', () => {
    const granted = envelope('https://api.amazonalexa.com', { scopes: { [TIMERS_SCOPE]: { status: 'GRANTED' }, [REMINDERS_SCOPE]: { status: 'DENIED' } } });
    expect(hasGrantedScope(granted, TIMERS_SCOPE)).toBe(true);
    expect(hasGrantedScope(granted, REMINDERS_SCOPE)).toBe(false);
    expect(hasGrantedScope(envelope('https://api.amazonalexa.com'), TIMERS_SCOPE)).toBe(false);
  });
});
