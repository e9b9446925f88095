import { BREATHING_INTRO, BREATHING_LAST_SET, BREATHING_OFFER, BREATHING_SET_DONE, BREATHS_PER_SET, MAX_SETS } from '../content/breathing';
import { CLEAR } from '../content/guidance';
import {
  DISCLAIMER, HEARD_SIGN, isSignId, HEARD_UNKNOWN, SAFETY_NET, T1_ADVICE, T1_OFFER_BREATHING, T1_REMINDER, T1_STAY,
} from '../content/emergency';
import { SCREEN, T1_LIST } from '../content/screen';
import { TALK } from '../content/talk';
import type { Clinical } from '../content/types';
import type { FlowEvent } from './events';
import { line, talk, type Part, type Reply } from './reply';
import { initialState, type EmergencyCause, type State } from './state';

export interface Outcome {
  readonly state: State;
  readonly reply: Reply;
}

/**
 * The whole conversation as a pure function: the state before, what the person did,
 * the state after and what to say. No I/O, no clock, no randomness.
 */
export function transition(prev: State | undefined, event: FlowEvent): Outcome {
  // A red flag said at any moment outranks everything else (CLINICAL.md: the screen).
  if (event.kind === 'emergency') return emergency(prev ?? initialState(), event.sign ?? 'UNKNOWN');
  if (!prev) return fromNothing(event);

  switch (event.kind) {
    case 'stop':
      return goodbye(prev);
    case 'help':
      return { state: prev, reply: { say: [talk(helpFor(prev))], ...prompt(prev), end: false } };
    case 'repeat':
      return { state: prev, reply: { say: [], ...prompt(prev), end: false } };
    case 'fallback':
    case 'unsupported':
      return { state: prev, reply: { say: [talk(TALK.notUnderstood)], ...prompt(prev, true), end: false } };
    case 'startOver':
      // A warning sign heard in this session cannot be taken back by starting over.
      if (prev.emergency) return emergency(prev, prev.emergency);
      return startScreen({ ...initialState(), pace: prev.pace, disclaimed: prev.disclaimed }, [talk(TALK.greetingAgain)]);
    case 'launch':
    case 'entry':
      if (prev.step === 'screen') {
        return { state: prev, reply: { say: [talk(TALK.finishScreenFirst)], ...prompt(prev), end: false } };
      }
      if (prev.emergency) return emergency(prev, prev.emergency);
      return { state: prev, reply: { say: [], ...prompt(prev), end: false } };
    case 'yes':
    case 'no':
    case 'notSure':
      return answer(prev, event.kind);
  }
}

/** A request that arrives with no conversation behind it: a new session, or lost state. */
function fromNothing(event: FlowEvent): Outcome {
  const fresh = initialState();
  switch (event.kind) {
    case 'launch':
    case 'entry':
      return startScreen(fresh, [talk(TALK.greeting)]);
    case 'stop':
      return goodbye(fresh);
    case 'help':
      return startScreen(fresh, [talk(TALK.helpScreen)]);
    default:
      // "Yes" after the session ended, or an unknown intent: say honestly where we are.
      return startScreen(fresh, [talk(TALK.newSessionNoContext)]);
  }
}

function startScreen(state: State, opening: readonly Part[]): Outcome {
  const next: State = { ...state, step: 'screen', q: 0 };
  return { state: next, reply: { say: [...opening, talk(TALK.answerHint)], ...prompt(next), end: false } };
}

function answer(s: State, said: 'yes' | 'no' | 'notSure'): Outcome {
  switch (s.step) {
    case 'screen': {
      const question = SCREEN[s.q];
      if (!question) return clear(s);
      // CLINICAL.md: on Q1-Q5, "not sure" counts as yes.
      if (said !== 'no') return emergency(s, question.id);
      const next: State = { ...s, q: s.q + 1 };
      return next.q >= SCREEN.length ? clear(next) : { state: next, reply: { say: [], ...prompt(next), end: false } };
    }
    case 'emergency':
    case 'breathingOffer':
      if (said === 'yes') return breathe(s);
      if (said === 'no') return goodbye(s);
      return { state: s, reply: { say: [], ...prompt(s), end: false } };
    case 'breathing':
      if (said === 'yes') return breathe(s);
      if (said === 'no') return goodbye(s);
      return { state: s, reply: { say: [], ...prompt(s), end: false } };
  }
}

function emergency(s: State, cause: EmergencyCause): Outcome {
  const next: State = { ...s, step: 'emergency', emergency: cause };
  return {
    state: next,
    reply: { say: [line(heardFor(cause)), ...T1_ADVICE.map(line)], ...prompt(next), end: false },
  };
}

function heardFor(cause: EmergencyCause): Clinical {
  if (cause === 'UNKNOWN') return HEARD_UNKNOWN;
  if (isSignId(cause)) return HEARD_SIGN[cause];
  return SCREEN.find((x) => x.id === cause)?.heard ?? HEARD_UNKNOWN;
}

function clear(s: State): Outcome {
  const next: State = { ...s, step: 'breathingOffer', cleared: true, disclaimed: true };
  const say = [...CLEAR.map(line), ...(s.disclaimed ? [] : [line(DISCLAIMER)])];
  return { state: next, reply: { say, ...prompt(next), end: false } };
}

function breathe(s: State): Outcome {
  if (s.sets >= MAX_SETS) return goodbye(s, [line(BREATHING_LAST_SET)]);
  const next: State = { ...s, step: 'breathing', sets: s.sets + 1 };
  const intro = s.sets === 0 ? [line(BREATHING_INTRO[s.pace])] : [];
  return {
    state: next,
    reply: { say: [...intro, { breathe: { pace: s.pace, breaths: BREATHS_PER_SET } }], ...prompt(next), end: false },
  };
}

function goodbye(s: State, first: readonly Part[] = []): Outcome {
  const safety = s.emergency ? [line(T1_REMINDER), line(T1_STAY)] : [talk(TALK.goodbye), line(SAFETY_NET)];
  const disclaimer = s.disclaimed ? [] : [line(DISCLAIMER)];
  return { state: { ...s, disclaimed: true }, reply: { say: [...first, ...safety, ...disclaimer], end: true } };
}

/** The question that ends a turn at this step, and what to say after a silence. */
function prompt(s: State, otherWords = false): { ask: readonly Part[]; reprompt: readonly Part[] } {
  switch (s.step) {
    case 'screen': {
      const q = SCREEN[s.q] ?? SCREEN[0]!;
      const ask = [line(otherWords ? q.askAgain : q.ask)];
      // CLINICAL.md: after one silence, the T1 list is spoken as a statement.
      return { ask, reprompt: [line(q.ask), line(T1_LIST)] };
    }
    case 'emergency':
      return { ask: [line(T1_OFFER_BREATHING)], reprompt: [line(T1_REMINDER), line(T1_OFFER_BREATHING)] };
    case 'breathingOffer':
      return { ask: [line(BREATHING_OFFER)], reprompt: [line(BREATHING_OFFER)] };
    case 'breathing': {
      const ask = s.emergency ? [line(T1_REMINDER), line(BREATHING_SET_DONE)] : [line(BREATHING_SET_DONE)];
      return { ask, reprompt: [line(BREATHING_SET_DONE)] };
    }
  }
}

function helpFor(s: State): string {
  switch (s.step) {
    case 'screen':
      return `${TALK.helpScreen} ${TALK.answerHint}`;
    case 'emergency':
      return TALK.helpEmergency;
    case 'breathingOffer':
    case 'breathing':
      return s.emergency ? TALK.helpEmergency : TALK.helpBreathing;
  }
}
