import type { ErrorHandler, HandlerInput, RequestHandler } from 'ask-sdk-core';
import type { RequestEnvelope, Response } from 'ask-sdk-model';
import { ERROR_REPLY, transition, type Effect, type Outcome } from '../flow/transition';
import { memoryFrom, readMemory, type Memory } from '../flow/memory';
import { initialState, readSessionState, readState, STATE_KEY, type State } from '../flow/state';
import type { Reply } from '../flow/reply';
import { localePack } from '../locale';
import { render } from '../speech/render';
import { toEvent } from './events';
import { screenDirectives, supportsApl } from '../screen/apl';
import { screenView } from '../screen/view';
import { logEvent, logFailure } from '../services/log';
import type { MemoryStore } from '../services/persistence';
import { BOOK_KEY, CircuitBreaker, readBook, saveMemory, type Book, type Written } from './saving';
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
  readonly memory?: MemoryStore;
  /** The clock of the database back-off (epoch ms); the request's time stamp when absent. */
  readonly clock?: () => number;
  /** How long to leave a failed database alone before trying it again. */
  readonly breakerMs?: number;
  /** Pauses between attempts to forget a person who disabled the skill (then the failure goes to Alexa). */
  readonly disableRetryMs?: readonly number[];
}

/** How long a timer or reminder waiting for Alexa's permission answer is kept in the database. */
export const PENDING_SECONDS = 10 * 60;

/** A closing session's write is tried again only if this much of the request's time has not yet gone. */
const LAST_TRY_BEFORE_MS = 4000;

/** How long a failed database is left alone: long enough to spare the next turns its timeouts, short enough to lose nothing. */
export const BREAKER_MS = 30_000;

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

/** The device's time zone setting (no permission needed), or undefined when it cannot be read. */
async function timeZone(input: HandlerInput): Promise<string | undefined> {
  const deviceId = input.requestEnvelope.context?.System?.device?.deviceId;
  if (!deviceId || !input.requestEnvelope.context.System.apiAccessToken || !input.serviceClientFactory) return undefined;
  try {
    const zone = await input.serviceClientFactory.getUpsServiceClient().getSystemTimeZone(deviceId);
    // Only a zone this runtime knows is passed on.
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch (error) {
    logFailure(input.requestEnvelope.request, error);
    return undefined;
  }
}

/** The person's local date and time, from the device's time zone setting. */
async function localTime(input: HandlerInput, now: number): Promise<LocalTime | undefined> {
  const zone = await timeZone(input);
  if (!zone) return undefined;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(now))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute) };
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
    case 'checkIn': {
      // The zone the local time was worked out in (looked up again: a plan in the session keeps no zone),
      // so the reminder rings at the person's local hour even if the device's setting is unknown to Alexa's clock.
      const zone = await timeZone(input);
      const at = `${plan.d}T${String(plan.h).padStart(2, '0')}:00:00`;
      return createReminder(input, {
        trigger: {
          type: 'absolute',
          at,
          ...(zone ? { timeZoneId: zone } : {}),
          ...(plan.p === 'move' ? { recurrence: hourlyUntil({ date: plan.d, fromHour: plan.h, untilHour: MOVE_UNTIL_HOUR }) } : {}),
        },
        text: textFor((plan.p === 'move' ? MOVE_REMINDER_TEXT : CHECK_IN_REMINDER_TEXT).say, l),
        locale,
      });
    }
  }
}

/** Launch and every intent: request -> event -> transition -> effects -> save state -> render. */
export function conversationHandler(services: SkillServices = {}): RequestHandler {
  const store = services.memory;
  // One per Lambda container: a failure spares the next turns (anyone's) the database's timeouts for a while.
  const breaker = new CircuitBreaker(services.breakerMs ?? BREAKER_MS);
  const clockOf = (input: HandlerInput) => services.clock?.() ?? requestTime(input.requestEnvelope);
  const usable = (envelope: RequestEnvelope, s: State | undefined) => Boolean(store && hasUser(envelope) && !s?.noSave);

  function failed(input: HandlerInput, error: unknown): void {
    logFailure(input.requestEnvelope.request, error);
    breaker.trip(clockOf(input));
  }

  async function loadMemory(input: HandlerInput): Promise<{ memory?: Memory; book: Book; gone?: boolean }> {
    if (breaker.isOpen(clockOf(input))) return { book: {} };
    try {
      const record = await store!.load(input.requestEnvelope);
      const memory = readMemory(record.attributes);
      return { memory, book: { ver: record.version, pace: memory?.pace ?? initialState().pace }, ...(record.gone ? { gone: true } : {}) };
    } catch (error) {
      failed(input, error);
      return { book: {} };
    }
  }

  async function perform(input: HandlerInput, out: Outcome, effect: Effect, now: number): Promise<Outcome> {
    switch (effect.kind) {
      case 'forget': {
        let ok = true;
        if (store && hasUser(input.requestEnvelope)) {
          if (breaker.isOpen(clockOf(input))) ok = false;
          else {
            try {
              // A person with no item gets none, not even a tombstone.
              await store.forget(input.requestEnvelope, { onlyIfPresent: true });
            } catch (error) {
              failed(input, error);
              ok = false;
            }
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

  /** A timer or reminder plan kept in the database while Alexa asked for a permission, if it has not expired. */
  async function pendingPlan(input: HandlerInput, now: number): Promise<AlertPlan | undefined> {
    try {
      const raw = (await store!.load(input.requestEnvelope)).attributes.pending as { until?: unknown } | undefined;
      if (!raw || typeof raw.until !== 'number' || raw.until * 1000 <= now) return undefined;
      // The state's own reader is the one validator of a plan.
      return readState({ ...initialState(), alert: raw })?.alert;
    } catch (error) {
      failed(input, error);
      return undefined;
    }
  }

  /** Writes what changed (or what an earlier turn could not write); a failure is retried on a later turn. */
  async function save(input: HandlerInput, state: State, after: Written, book: Book, lastTurn: boolean, startedAt: number): Promise<{ state: State; book: Book }> {
    // Backing off, unless the session is closing: its last turn gets its tries even so, as no later turn can catch up.
    if (breaker.isOpen(clockOf(input)) && !lastTurn) return { state, book: { ...book, dirty: true } };
    for (let attempt = 1; ; attempt++) {
      try {
        const saved = await saveMemory(store!, input.requestEnvelope, after, book);
        if (saved.kind === 'forgotten') return { state: { ...state, noSave: true }, book: {} };
        return { state, book: saved.book };
      } catch (error) {
        failed(input, error);
      }
      // One more try on the last turn, while at least half of Alexa's 8 s are left.
      if (!lastTurn || attempt >= 2 || Date.now() - startedAt > LAST_TRY_BEFORE_MS) return { state, book: { ...book, dirty: true } };
    }
  }

  return {
    canHandle(input) {
      const type = input.requestEnvelope.request.type;
      return type === 'LaunchRequest' || type === 'IntentRequest' || type === 'Connections.Response';
    },
    async handle(input) {
      const startedAt = Date.now();
      const envelope = input.requestEnvelope;
      logEvent(envelope.request);
      const attributes = input.attributesManager.getSessionAttributes();
      // Fails closed: an emergency trace stays an emergency; other state we can't read is a fresh full screen.
      const session = readSessionState(attributes[STATE_KEY]);
      let prev = session.state;
      const now = requestTime(envelope);

      // Saved preferences are read once, when a conversation starts; never to shorten the screen for state we lost.
      const loaded = !prev && !session.lost && usable(envelope, prev) ? await loadMemory(input) : undefined;
      let book = loaded ? loaded.book : readBook(attributes[BOOK_KEY]);
      const event = toEvent(envelope.request);
      // Alexa asked for a permission and answered: the plan waits in the session, and in the database in case the session lost it.
      if (event.kind === 'permission' && prev && !prev.alert && usable(envelope, prev) && !breaker.isOpen(clockOf(input))) {
        const plan = await pendingPlan(input, now);
        if (plan) prev = { ...prev, alert: plan };
      }
      // Only a reminder needs the person's clock, and only then is the time zone looked up.
      const local = event.kind === 'reminder' ? await localTime(input, now) : undefined;
      let out = transition(prev, event, { memory: loaded?.memory, now, local });
      // Forgotten on another device a moment ago: this conversation writes nothing back.
      if (loaded?.gone) out = { ...out, state: { ...out.state, noSave: true } };
      if (out.effect) out = await perform(input, out, out.effect, now);
      let state = out.state;

      const before = prev ? memoryFrom(prev, now) : loaded?.memory;
      const after = memoryFrom(state, now);
      // Waiting for Alexa's permission answer: keep the plan in the database too, for a short while.
      const pending = out.reply.permission?.how === 'voice' && state.alert ? { ...state.alert, until: Math.floor(now / 1000) + PENDING_SECONDS } : undefined;
      // While "forget me?" waits for its yes, nothing is written (a new person's one-shot "forget me" creates no item).
      if (after && usable(envelope, state) && state.step !== 'forgetConfirm' && (book.dirty || book.pending || pending || changed(before, after))) {
        ({ state, book } = await save(input, state, pending ? { ...after, pending } : after, book, out.reply.end, startedAt));
        if (pending && !book.dirty) book = { ...book, pending: true };
      }
      const next: Record<string, unknown> = { ...attributes, [STATE_KEY]: state };
      if (store && hasUser(envelope) && !state.noSave) next[BOOK_KEY] = book;
      else delete next[BOOK_KEY];
      input.attributesManager.setSessionAttributes(next);
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

/**
 * Alexa sends this when the session closes (silence, an error); it takes no speech, so a change that
 * a failing database kept from being written gets one more try here, with nobody waiting on it.
 */
export function sessionEndedHandler(services: SkillServices = {}): RequestHandler {
  return {
    canHandle(input) {
      return input.requestEnvelope.request.type === 'SessionEndedRequest';
    },
    async handle(input) {
      logEvent(input.requestEnvelope.request);
      const attributes = input.attributesManager.getSessionAttributes();
      const book = readBook(attributes[BOOK_KEY]);
      const state = readState(attributes[STATE_KEY]);
      const memory = state && memoryFrom(state, requestTime(input.requestEnvelope));
      if (services.memory && book.dirty && memory && hasUser(input.requestEnvelope) && state.step !== 'forgetConfirm') {
        try {
          await saveMemory(services.memory, input.requestEnvelope, memory, book);
        } catch (error) {
          logFailure(input.requestEnvelope.request, error);
        }
      }
      return input.responseBuilder.getResponse();
    },
  };
}

/** Thrown when a skill event could not be done: Alexa must see a failure, so it delivers the event again. */
export class RedeliverError extends Error {
  override readonly name = 'RedeliverError';
  constructor(readonly causeName: string) {
    super(`Skill event not done: ${causeName}`);
  }
}

/** The person disabled the skill: forget them (privacy by design), retrying, and failing loudly if it cannot. */
export function skillDisabledHandler(services: SkillServices = {}): RequestHandler {
  // Three tries of at most 2 s each, inside the function's 8 s timeout.
  const pauses = services.disableRetryMs ?? [100, 300];
  return {
    canHandle(input) {
      return input.requestEnvelope.request.type === 'AlexaSkillEvent.SkillDisabled';
    },
    async handle(input) {
      logEvent(input.requestEnvelope.request);
      const store = services.memory;
      if (!store || !hasUser(input.requestEnvelope)) return input.responseBuilder.getResponse();
      let last: unknown;
      for (let attempt = 0; attempt <= pauses.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, pauses[attempt - 1]));
        try {
          // A tombstone even with no item: a session still open on another device must not write them back.
          await store.forget(input.requestEnvelope, { onlyIfPresent: false });
          return input.responseBuilder.getResponse();
        } catch (error) {
          last = error;
          logFailure(input.requestEnvelope.request, error);
        }
      }
      const name = (last as { name?: unknown } | undefined)?.name;
      throw new RedeliverError(typeof name === 'string' ? name : 'Error');
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
    const prev = readSessionState(input.attributesManager.getSessionAttributes()[STATE_KEY]).state;
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
  // An emergency trace survives the error path too (readSessionState fails closed).
  const state = readSessionState(bh).state;
  return state ? { [STATE_KEY]: state } : {};
}

/** Last resort: a calm line that still carries the safety net, and the conversation stays where it was. */
export const SafetyNetErrorHandler: ErrorHandler = {
  canHandle(_input, error) {
    // A skill event that failed must reach Alexa as a failure; there is no person to answer.
    return !(error instanceof RedeliverError);
  },
  handle(input, error) {
    logEvent(input.requestEnvelope?.request, error);
    // The envelope's own attributes, not the SDK's copy: copying them may be what failed.
    const session = input.requestEnvelope?.session;
    if (session) input.attributesManager.setSessionAttributes(ownAttributes(session.attributes));
    return respond(input, ERROR_REPLY);
  },
};
