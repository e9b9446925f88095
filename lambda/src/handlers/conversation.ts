import type { ErrorHandler, HandlerInput, PersistenceAdapter, RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { ERROR_REPLY, transition, type Effect, type Outcome } from '../flow/transition';
import { memoryFrom, readMemory, type Memory } from '../flow/memory';
import { readState, STATE_KEY, type State } from '../flow/state';
import type { Reply } from '../flow/reply';
import { localePack } from '../locale';
import { render } from '../speech/render';
import { toEvent } from './events';
import { screenDirectives, supportsApl } from '../screen/apl';
import { screenView } from '../screen/view';
import { logEvent, logFailure } from '../services/log';
import {
  askForPermissionDirective, createAnnouncedTimer, createReminder, hourlyUntil, REMINDERS_SCOPE, TIMERS_SCOPE,
  type AlertResult,
} from '../services/alexaApi';
import {
  CHECK_IN_REMINDER_TEXT, MOVE_REMINDER_TEXT, MOVE_UNTIL_HOUR, TIMER_ANNOUNCE, TIMER_LABEL, TIMER_MINUTES,
} from '../content/alerts';
import { textFor } from '../content/types';
import type { AlertPlan } from '../flow/state';
import type { LocalTime } from '../flow/transition';

/** What the handlers need from the outside world; every part is optional. */
export interface SkillServices {
  /** Preferences and where to carry on, between sessions. */
  readonly memory?: PersistenceAdapter;
}

function localeOf(input: HandlerInput): string | undefined {
  const locale = (input.requestEnvelope?.request as { locale?: unknown } | undefined)?.locale;
  return typeof locale === 'string' ? locale : undefined;
}

/** The time of the request as Alexa stamped it, so tests and replays pin the clock. */
function requestTime(envelope: RequestEnvelope): number {
  const stamp = Date.parse(String((envelope.request as { timestamp?: unknown }).timestamp));
  return Number.isFinite(stamp) ? stamp : Date.now();
}

function hasUser(envelope: RequestEnvelope): boolean {
  return typeof envelope.context?.System?.user?.userId === 'string' && envelope.context.System.user.userId !== '';
}

export function respond(input: HandlerInput, reply: Reply, state?: State): Response {
  const pack = localePack(localeOf(input));
  const out = render(reply, pack);
  const builder = input.responseBuilder.speak(out.speech);
  // Screens only where the device has one (docs/platform.md: screens); a voice-only device gets no APL.
  if (supportsApl(input.requestEnvelope) && reply.permission?.how !== 'voice') {
    for (const directive of screenDirectives(screenView(state, reply, pack))) builder.addDirective(directive);
  }
  const scope = reply.permission?.scope === 'timers' ? TIMERS_SCOPE : REMINDERS_SCOPE;
  if (reply.permission?.how === 'voice') {
    // Alexa asks the person itself and answers with Connections.Response: no reprompt, no shouldEndSession.
    return builder.addDirective(askForPermissionDirective(scope)).getResponse();
  }
  if (reply.permission?.how === 'card') builder.withAskForPermissionsConsentCard([scope]);
  if (out.reprompt) builder.reprompt(out.reprompt);
  // Alexa treats a missing shouldEndSession differently per device: always say it.
  return builder.withShouldEndSession(out.end).getResponse();
}

/** The person's local date and time, from the device's time zone setting (no permission needed). */
async function localTime(input: HandlerInput, now: number): Promise<LocalTime | undefined> {
  const deviceId = input.requestEnvelope.context?.System?.device?.deviceId;
  if (!deviceId || !input.requestEnvelope.context.System.apiAccessToken || !input.serviceClientFactory) return undefined;
  try {
    const zone = await input.serviceClientFactory.getUpsServiceClient().getSystemTimeZone(deviceId);
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(new Date(now))
        .map((p) => [p.type, p.value]),
    );
    return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
  } catch (error) {
    logFailure(input.requestEnvelope.request, error);
    return undefined;
  }
}

async function createAlert(input: HandlerInput, plan: AlertPlan): Promise<AlertResult> {
  const locale = localeOf(input) ?? 'en-US';
  const l = localePack(locale);
  switch (plan.p) {
    case 'timer':
      return createAnnouncedTimer(input, { minutes: TIMER_MINUTES, label: TIMER_LABEL, announce: textFor(TIMER_ANNOUNCE.say, l), locale });
    case 'once':
      return createReminder(input, { trigger: { type: 'relative', offsetSeconds: 3600 }, text: textFor(MOVE_REMINDER_TEXT.say, l), locale });
    case 'move':
      return createReminder(input, {
        trigger: { type: 'absolute', at: `${plan.d}T${String(plan.h).padStart(2, '0')}:00:00`, recurrence: hourlyUntil({ date: plan.d, fromHour: plan.h, untilHour: MOVE_UNTIL_HOUR }) },
        text: textFor(MOVE_REMINDER_TEXT.say, l),
        locale,
      });
    case 'checkIn':
      return createReminder(input, {
        trigger: { type: 'absolute', at: `${plan.d}T${String(plan.h).padStart(2, '0')}:00:00` },
        text: textFor(CHECK_IN_REMINDER_TEXT.say, l),
        locale,
      });
  }
}

/** Launch and every intent: request -> event -> transition -> effects -> save state -> render. */
export function conversationHandler(services: SkillServices = {}): RequestHandler {
  const store = services.memory;
  const usable = (envelope: RequestEnvelope, s: State | undefined) => store && hasUser(envelope) && !s?.noSave && !s?.dbDown;

  async function loadMemory(input: HandlerInput): Promise<{ memory?: Memory; failed?: boolean }> {
    try {
      return { memory: readMemory(await store!.getAttributes(input.requestEnvelope)) };
    } catch (error) {
      logFailure(input.requestEnvelope.request, error);
      return { failed: true };
    }
  }

  async function perform(input: HandlerInput, out: Outcome, effect: Effect, now: number): Promise<Outcome> {
    switch (effect.kind) {
      case 'forget': {
        let ok = true;
        if (store && hasUser(input.requestEnvelope)) {
          try {
            await store.deleteAttributes!(input.requestEnvelope);
          } catch (error) {
            logFailure(input.requestEnvelope.request, error);
            ok = false;
          }
        }
        return transition(out.state, { kind: 'forgotten', ok }, { now });
      }
      case 'alert': {
        const result = await createAlert(input, effect.plan);
        if (result.kind === 'failed' || result.kind === 'invalid') logFailure(input.requestEnvelope.request, { name: `Alert${result.kind}` });
        return transition(out.state, { kind: 'alertDone', result: result.kind }, { now });
      }
    }
  }

  return {
    canHandle(input) {
      const type = input.requestEnvelope.request.type;
      return type === 'LaunchRequest' || type === 'IntentRequest' || type === 'Connections.Response';
    },
    async handle(input) {
      const envelope = input.requestEnvelope;
      logEvent(envelope.request);
      const attributes = input.attributesManager.getSessionAttributes();
      const prev = readState(attributes[STATE_KEY]);
      const now = requestTime(envelope);

      // Saved preferences are read once, when a conversation starts.
      const loaded = !prev && usable(envelope, prev) ? await loadMemory(input) : {};
      const event = toEvent(envelope.request);
      // Only a reminder needs the person's clock, and only then is the time zone looked up.
      const local = event.kind === 'reminder' ? await localTime(input, now) : undefined;
      let out = transition(prev, event, { memory: loaded.memory, now, local });
      if (loaded.failed) out = { ...out, state: { ...out.state, dbDown: true } };
      if (out.effect) out = await perform(input, out, out.effect, now);
      let state = out.state;

      const before = prev ? memoryFrom(prev, now) : loaded.memory;
      const after = memoryFrom(state, now);
      if (after && usable(envelope, state) && changed(before, after)) {
        try {
          await store!.saveAttributes(envelope, { ...after });
        } catch (error) {
          // Logged once: the session carries on from its own state and stops asking the database.
          logFailure(envelope.request, error);
          state = { ...state, dbDown: true };
        }
      }
      input.attributesManager.setSessionAttributes({ ...attributes, [STATE_KEY]: state });
      return respond(input, out.reply, state);
    },
  };
}

/** Worth a write: anything but the time stamp differs. */
function changed(before: Memory | undefined, after: Memory): boolean {
  if (!before) return true;
  const { at: _a, ...b } = before;
  const { at: _b, ...a } = after;
  void _a;
  void _b;
  return JSON.stringify(b) !== JSON.stringify(a);
}

/** Alexa sends this when the session closes; it takes no speech. */
export const SessionEndedHandler: RequestHandler = {
  canHandle(input) {
    return input.requestEnvelope.request.type === 'SessionEndedRequest';
  },
  handle(input) {
    logEvent(input.requestEnvelope.request);
    return input.responseBuilder.getResponse();
  },
};

/** The person disabled the skill: forget them (privacy by design). */
export function skillDisabledHandler(services: SkillServices = {}): RequestHandler {
  return {
    canHandle(input) {
      return input.requestEnvelope.request.type === 'AlexaSkillEvent.SkillDisabled';
    },
    async handle(input) {
      logEvent(input.requestEnvelope.request);
      if (services.memory?.deleteAttributes && hasUser(input.requestEnvelope)) {
        try {
          await services.memory.deleteAttributes(input.requestEnvelope);
        } catch (error) {
          logFailure(input.requestEnvelope.request, error);
        }
      }
      return input.responseBuilder.getResponse();
    },
  };
}

/** Any other request type: nothing to say unless a person is in the conversation. */
export const OtherRequestHandler: RequestHandler = {
  canHandle() {
    return true;
  },
  handle(input) {
    logEvent(input.requestEnvelope.request);
    const type = input.requestEnvelope.request.type;
    // A tap on the screen we did not ask for, or an event outside a conversation: stay quiet.
    if (!input.requestEnvelope.session || type === 'Alexa.Presentation.APL.UserEvent') return input.responseBuilder.getResponse();
    const prev = readState(input.attributesManager.getSessionAttributes()[STATE_KEY]);
    const out = transition(prev, { kind: 'unsupported' });
    return respond(input, out.reply, out.state);
  },
};

/**
 * The session attributes an error reply may carry: the skill's own state, read through readState, and
 * nothing else that arrived. A broken or hostile envelope's extra keys (a megabyte, 5,000 levels deep)
 * never come back, so the reply stays small and serialisable.
 */
export function ownAttributes(raw: unknown): Record<string, unknown> {
  const bh = typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.hasOwn(raw, STATE_KEY) ? (raw as Record<string, unknown>)[STATE_KEY] : undefined;
  const state = readState(bh);
  return state ? { [STATE_KEY]: state } : {};
}

/** Last resort: a calm line that still carries the safety net, and the conversation stays where it was. */
export const SafetyNetErrorHandler: ErrorHandler = {
  canHandle() {
    return true;
  },
  handle(input, error) {
    logEvent(input.requestEnvelope?.request, error);
    // The envelope's own attributes, not the SDK's copy: copying them may be what failed.
    const session = input.requestEnvelope?.session;
    if (session) input.attributesManager.setSessionAttributes(ownAttributes(session.attributes));
    return respond(input, ERROR_REPLY);
  },
};
