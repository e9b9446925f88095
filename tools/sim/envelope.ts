// Builds the JSON request envelopes Alexa sends to a custom skill endpoint.
import { randomUUID } from 'node:crypto';
import type {
  Context,
  IntentRequest,
  LaunchRequest,
  RequestEnvelope,
  Session,
  SessionEndedError,
  SessionEndedReason,
  SessionEndedRequest,
  Slot,
  SupportedInterfaces,
  interfaces,
} from 'ask-sdk-model';
import type { MatchedSlot } from './matcher';

export type Clock = () => Date;
export type IdGenerator = () => string;

export interface DeviceOptions {
  skillId: string;
  locale: string;
  userId?: string;
  deviceId?: string;
  apiEndpoint?: string;
  apiAccessToken?: string;
  /** Adds Alexa.Presentation.APL to supportedInterfaces and a Viewport, like an Echo Show. */
  apl?: boolean;
  clock?: Clock;
  ids?: IdGenerator;
}

/** The part of a session that changes between requests. */
export interface SessionState {
  sessionId: string;
  new: boolean;
  attributes: Record<string, unknown>;
}

export const DEFAULT_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';
export const DEFAULT_USER_ID = 'amzn1.ask.account.SIMULATED-USER';
export const DEFAULT_DEVICE_ID = 'amzn1.ask.device.SIMULATED-DEVICE';
export const DEFAULT_API_ENDPOINT = 'https://api.amazonalexa.com';
export const DEFAULT_API_ACCESS_TOKEN = 'simulated-api-access-token';

/** An Echo Show 8-like screen, enough for APL documents to pick a layout. */
export const DEFAULT_VIEWPORT: interfaces.viewport.ViewportState = {
  experiences: [{ arcMinuteWidth: 346, arcMinuteHeight: 216, canRotate: false, canResize: false }],
  mode: 'HUB',
  shape: 'RECTANGLE',
  pixelWidth: 1280,
  pixelHeight: 800,
  dpi: 213,
  currentPixelWidth: 1280,
  currentPixelHeight: 800,
  touch: ['SINGLE'],
  keyboard: [],
  video: { codecs: ['H_264_42', 'H_264_41'] },
};

/** Alexa's timestamps are ISO 8601 without milliseconds. */
export function alexaTimestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function newSessionId(ids: IdGenerator = randomUUID): string {
  return `amzn1.echo-api.session.${ids()}`;
}

export function newRequestId(ids: IdGenerator = randomUUID): string {
  return `amzn1.echo-api.request.${ids()}`;
}

/** A fresh session: `new` is true until its first request has been sent. */
export function startSession(ids: IdGenerator = randomUUID): SessionState {
  return { sessionId: newSessionId(ids), new: true, attributes: {} };
}

function buildContext(opts: DeviceOptions): Context {
  const supportedInterfaces: SupportedInterfaces = {};
  if (opts.apl) supportedInterfaces['Alexa.Presentation.APL'] = { runtime: { maxVersion: '2024.3' } };
  const context: Context = {
    System: {
      application: { applicationId: opts.skillId },
      user: { userId: opts.userId ?? DEFAULT_USER_ID },
      device: { deviceId: opts.deviceId ?? DEFAULT_DEVICE_ID, supportedInterfaces },
      apiEndpoint: opts.apiEndpoint ?? DEFAULT_API_ENDPOINT,
      apiAccessToken: opts.apiAccessToken ?? DEFAULT_API_ACCESS_TOKEN,
    },
  };
  if (opts.apl) context.Viewport = JSON.parse(JSON.stringify(DEFAULT_VIEWPORT)) as interfaces.viewport.ViewportState;
  return context;
}

function buildSession(opts: DeviceOptions, session: SessionState): Session {
  return {
    new: session.new,
    sessionId: session.sessionId,
    application: { applicationId: opts.skillId },
    user: { userId: opts.userId ?? DEFAULT_USER_ID },
    // a deep copy, because the skill must not be able to change our record of what Alexa holds
    attributes: JSON.parse(JSON.stringify(session.attributes)) as Record<string, unknown>,
  };
}

function envelope(opts: DeviceOptions, session: SessionState, request: RequestEnvelope['request']): RequestEnvelope {
  return { version: '1.0', session: buildSession(opts, session), context: buildContext(opts), request };
}

function common(opts: DeviceOptions): { requestId: string; timestamp: string; locale: string } {
  return {
    requestId: newRequestId(opts.ids),
    timestamp: alexaTimestamp((opts.clock ?? (() => new Date()))()),
    locale: opts.locale,
  };
}

export function buildLaunchRequest(opts: DeviceOptions, session: SessionState): RequestEnvelope {
  const request: LaunchRequest = { type: 'LaunchRequest', ...common(opts) };
  return envelope(opts, session, request);
}

/** Slots as Alexa sends them: every declared slot, filled ones with value, resolutions and slotValue. */
export function toAlexaSlots(slots: Record<string, MatchedSlot> = {}): Record<string, Slot> {
  const out: Record<string, Slot> = {};
  for (const [key, s] of Object.entries(slots)) {
    const slot: Slot = { name: s.name, confirmationStatus: 'NONE' };
    if (s.value !== undefined) {
      slot.value = s.value;
      if (s.resolutions) slot.resolutions = s.resolutions;
      slot.slotValue = { type: 'Simple', value: s.value, ...(s.resolutions ? { resolutions: s.resolutions } : {}) };
    }
    out[key] = slot;
  }
  return out;
}

export function buildIntentRequest(
  opts: DeviceOptions,
  session: SessionState,
  intentName: string,
  slots: Record<string, MatchedSlot> = {},
): RequestEnvelope {
  const request: IntentRequest = {
    type: 'IntentRequest',
    ...common(opts),
    dialogState: 'STARTED',
    intent: { name: intentName, confirmationStatus: 'NONE', slots: toAlexaSlots(slots) },
  };
  return envelope(opts, session, request);
}

/**
 * "Alexa, <utterance>" with no skill named: before choosing a skill, Alexa asks candidates whether
 * they can fulfil the intent. No speech is expected back, and nothing may change.
 */
export function buildCanFulfillIntentRequest(
  opts: DeviceOptions,
  session: SessionState,
  intentName: string,
  slots: Record<string, MatchedSlot> = {},
): RequestEnvelope {
  const request = {
    type: 'CanFulfillIntentRequest' as const,
    ...common(opts),
    intent: { name: intentName, confirmationStatus: 'NONE' as const, slots: toAlexaSlots(slots) },
  };
  return envelope(opts, session, request as unknown as RequestEnvelope['request']);
}

export function buildSessionEndedRequest(
  opts: DeviceOptions,
  session: SessionState,
  reason: SessionEndedReason,
  error?: SessionEndedError,
): RequestEnvelope {
  const request: SessionEndedRequest = { type: 'SessionEndedRequest', ...common(opts), reason };
  if (reason === 'ERROR') request.error = error ?? { type: 'INVALID_RESPONSE', message: 'The skill response was invalid.' };
  return envelope(opts, session, request);
}
