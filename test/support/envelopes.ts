import type { Intent, RequestEnvelope, Slot } from 'ask-sdk-model';

/**
 * The ids the proof tests put in envelopes. They look like Alexa's real ones on purpose,
 * so the log-hygiene check (logCapture.ts) would catch them if the skill ever logged one.
 */
export const TEST_IDS = {
  skill: 'amzn1.ask.skill.0b4c-proof-skill',
  otherSkill: 'amzn1.ask.skill.ffff-someone-else',
  user: 'amzn1.ask.account.PROOFUSER7F3A2C9E',
  device: 'amzn1.ask.device.PROOFDEVICE91C2B7D0',
  person: 'amzn1.ask.person.PROOFPERSON5E6F',
  apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJwcm9vZiI6dHJ1ZX0.proof-signature',
  session: 'amzn1.echo-api.session.proof-0001',
  request: 'amzn1.echo-api.request.proof-0001',
} as const;

export interface EnvelopeOptions {
  /** Session attributes as Alexa hands back what the skill returned last turn. */
  readonly attributes?: Record<string, unknown>;
  /** True on the first request of a session. */
  readonly isNew?: boolean;
  readonly applicationId?: string;
  readonly locale?: string;
}

/** One request envelope shaped like Alexa's, with fixed ids and clock so replies are deterministic. */
export function envelope(request: Record<string, unknown>, options: EnvelopeOptions = {}): RequestEnvelope {
  const applicationId = options.applicationId ?? TEST_IDS.skill;
  const application = { applicationId };
  const user = { userId: TEST_IDS.user };
  return {
    version: '1.0',
    session: {
      new: options.isNew ?? false,
      sessionId: TEST_IDS.session,
      application,
      user,
      attributes: options.attributes ?? {},
    },
    context: {
      System: {
        application,
        user,
        person: { personId: TEST_IDS.person },
        device: { deviceId: TEST_IDS.device, supportedInterfaces: {} },
        // Nothing listens here: an Alexa API call (timers, reminders) is refused at once and never leaves the machine.
        apiEndpoint: 'http://127.0.0.1:9',
        apiAccessToken: TEST_IDS.apiAccessToken,
      },
    },
    request: {
      requestId: TEST_IDS.request,
      timestamp: '2026-11-21T10:00:00Z',
      locale: options.locale ?? 'en-US',
      ...request,
    },
  } as unknown as RequestEnvelope;
}

export const launchRequest = (options?: EnvelopeOptions): RequestEnvelope =>
  envelope({ type: 'LaunchRequest' }, { isNew: true, ...options });

export const intentRequest = (intent: Intent, options?: EnvelopeOptions): RequestEnvelope =>
  envelope({ type: 'IntentRequest', dialogState: 'COMPLETED', intent }, options);

/** A slot as Alexa sends it when the person said nothing for it. */
export const emptySlot = (name: string): Slot => ({ name, confirmationStatus: 'NONE' });

/** A slot Alexa matched to one of our custom values (entity resolution success). */
export function matchedSlot(name: string, type: string, id: string, value: string): Slot {
  return {
    name,
    value,
    confirmationStatus: 'NONE',
    resolutions: {
      resolutionsPerAuthority: [
        {
          authority: `amzn1.er-authority.echo-sdk.${TEST_IDS.skill}.${type}`,
          status: { code: 'ER_SUCCESS_MATCH' },
          values: [{ value: { name: value, id } }],
        },
      ],
    },
  } as Slot;
}

/** A slot where the person said something Alexa could not match to any value. */
export function unmatchedSlot(name: string, type: string, value: string): Slot {
  return {
    name,
    value,
    confirmationStatus: 'NONE',
    resolutions: {
      resolutionsPerAuthority: [
        { authority: `amzn1.er-authority.echo-sdk.${TEST_IDS.skill}.${type}`, status: { code: 'ER_SUCCESS_NO_MATCH' } },
      ],
    },
  } as Slot;
}
