import type { IntentRequest, SessionEndedRequest } from 'ask-sdk-model';
import {
  DEFAULT_API_ENDPOINT,
  alexaTimestamp,
  buildIntentRequest,
  buildLaunchRequest,
  buildSessionEndedRequest,
  startSession,
  type DeviceOptions,
} from '../../tools/sim/envelope';
import { matchUtterance } from '../../tools/sim/matcher';
import { SKILL_ID, fixtureModel } from './fixture';

function pinned(extra: Partial<DeviceOptions> = {}): DeviceOptions {
  let n = 0;
  return {
    skillId: SKILL_ID,
    locale: 'en-US',
    userId: 'amzn1.ask.account.TEST',
    deviceId: 'amzn1.ask.device.TEST',
    clock: () => new Date('2024-05-01T12:00:00.123Z'),
    ids: () => `id-${++n}`,
    ...extra,
  };
}

describe('request envelopes', () => {
  it('formats timestamps without milliseconds', () => {
    expect(alexaTimestamp(new Date('2024-05-01T12:00:00.999Z'))).toBe('2024-05-01T12:00:00Z');
  });

  it('builds a LaunchRequest like Alexa sends', () => {
    const opts = pinned();
    const session = startSession(opts.ids);
    expect(buildLaunchRequest(opts, session)).toEqual({
      version: '1.0',
      session: {
        new: true,
        sessionId: 'amzn1.echo-api.session.id-1',
        application: { applicationId: SKILL_ID },
        user: { userId: 'amzn1.ask.account.TEST' },
        attributes: {},
      },
      context: {
        System: {
          application: { applicationId: SKILL_ID },
          user: { userId: 'amzn1.ask.account.TEST' },
          device: { deviceId: 'amzn1.ask.device.TEST', supportedInterfaces: {} },
          apiEndpoint: DEFAULT_API_ENDPOINT,
          apiAccessToken: expect.any(String),
        },
      },
      request: {
        type: 'LaunchRequest',
        requestId: 'amzn1.echo-api.request.id-2',
        timestamp: '2024-05-01T12:00:00Z',
        locale: 'en-US',
      },
    });
  });

  it('adds APL and a viewport only when asked, and honours apiEndpoint', () => {
    const opts = pinned({ apl: true, apiEndpoint: 'https://api.eu.amazonalexa.com' });
    const env = buildLaunchRequest(opts, startSession(opts.ids));
    expect(env.context.System.device?.supportedInterfaces['Alexa.Presentation.APL']).toBeDefined();
    expect(env.context.Viewport?.pixelWidth).toBeGreaterThan(0);
    expect(env.context.System.apiEndpoint).toBe('https://api.eu.amazonalexa.com');
    const plain = pinned();
    expect(buildLaunchRequest(plain, startSession(plain.ids)).context.Viewport).toBeUndefined();
  });

  it('builds an IntentRequest with Alexa-shaped slots', () => {
    const opts = pinned();
    const session = { ...startSession(opts.ids), new: false, attributes: { step: 2 } };
    const heard = matchUtterance(fixtureModel(), 'my low back went out', { skillId: SKILL_ID });
    if (!heard) throw new Error('fixture should match');
    const env = buildIntentRequest(opts, session, heard.intent, heard.slots);
    const request = env.request as IntentRequest;
    expect(env.session).toMatchObject({ new: false, attributes: { step: 2 } });
    expect(request).toMatchObject({ type: 'IntentRequest', dialogState: 'STARTED', locale: 'en-US' });
    expect(request.intent.name).toBe('BackWentOutIntent');
    expect(request.intent.confirmationStatus).toBe('NONE');
    const slot = request.intent.slots?.bodyPart;
    expect(slot).toMatchObject({ name: 'bodyPart', value: 'low back', confirmationStatus: 'NONE' });
    expect(slot?.resolutions?.resolutionsPerAuthority?.[0].values[0].value).toEqual({ id: 'LOWER_BACK', name: 'lower back' });
    expect(slot?.slotValue).toMatchObject({ type: 'Simple', value: 'low back' });
  });

  it('sends unfilled slots with no value', () => {
    const opts = pinned();
    const env = buildIntentRequest(opts, startSession(opts.ids), 'BackWentOutIntent', { bodyPart: { name: 'bodyPart' } });
    expect((env.request as IntentRequest).intent.slots).toEqual({ bodyPart: { name: 'bodyPart', confirmationStatus: 'NONE' } });
  });

  it('builds SessionEndedRequests with a reason', () => {
    const opts = pinned();
    const session = startSession(opts.ids);
    const timeout = buildSessionEndedRequest(opts, session, 'EXCEEDED_MAX_REPROMPTS').request as SessionEndedRequest;
    expect(timeout).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(timeout.error).toBeUndefined();
    const error = buildSessionEndedRequest(opts, session, 'ERROR').request as SessionEndedRequest;
    expect(error.error?.type).toBe('INVALID_RESPONSE');
  });

  it('copies the attributes, so the skill cannot change the session it was given', () => {
    const opts = pinned();
    const session = { ...startSession(opts.ids), attributes: { nested: { n: 1 } } };
    const env = buildLaunchRequest(opts, session);
    (env.session?.attributes as { nested: { n: number } }).nested.n = 99;
    expect(session.attributes.nested.n).toBe(1);
  });
});
