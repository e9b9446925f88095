import {
  BREATHING_INTRO, BREATHING_LAST_SET, BREATHING_OFFER, BREATHING_SET_DONE, BREATHS_PER_SET, MAX_SETS,
} from '../content/breathing';
import {
  CHECK_SIGN, DISCLAIMER, HEARD_SIGN, HEARD_UNKNOWN, isSignId, SAFETY_NET, T1_ADVICE, T1_OFFER_BREATHING, T1_REMINDER, T1_STAY,
} from '../content/emergency';
import {
  ASK_POSITION, CLEAR, GETUP_OFFER, LOG_ROLL, LOG_ROLL_DONE, POSITION_SETTLED_ASK, POSITION_STOP_RULE, POSITION_TRY,
  POSITIONS, STEP_DONE_ASK, TILT_REPS, TILTS_FEEL, TILTS_FEEL_ASK, TILTS_OFFER, TILTS_SETUP, TILTS_SKIP_T2,
} from '../content/guidance';
import {
  FINAL_QUESTIONS, MORE_QUESTIONS, MORE_QUESTIONS_CLEAR, MORE_QUESTIONS_INTRO, RESCREEN, RESCREEN_AGAIN, RESCREEN_HEARD, SCREEN, T1_LIST,
  T2_ADVICE, T3_ADVICE,
} from '../content/screen';
import {
  EMERGENCY_SAFETY_NET, HEAT_COLD, KEEP_MOVING, MEDICINE_CAUTION_AGAIN, MEDICINE_CAUTION_ASK, MEDICINE_ASK_PHARMACIST,
  MEDICINE_OK, SELF_CARE_INTRO, WHEN_TO_SEE_DOCTOR,
} from '../content/selfcare';
import { RESUME_ASK, TALK } from '../content/talk';
import {
  CHECK_IN_CONFIRM, CHECK_IN_HOUR, CHECK_IN_SET, MOVE_FROM_HOUR, MOVE_ONCE_CONFIRM, MOVE_ONCE_SET, MOVE_REMINDER_CONFIRM,
  MOVE_REMINDER_SET, MOVE_UNTIL_HOUR, TIMER_OFFER,
} from '../content/alerts';
import type { Clinical } from '../content/types';
import type { FlowEvent } from './events';
import { line, lines, talk, type Part, type Reply } from './reply';
import { resumePoint, type Memory } from './memory';
import { initialState, type AlertPlan, type EmergencyCause, type State, type StepId, type TopicId } from './state';

/** Something the flow wants done in the world; the handler does it and reports back with an event. */
export type Effect = { readonly kind: 'forget' } | { readonly kind: 'alert'; readonly plan: AlertPlan };

export interface Outcome {
  readonly state: State;
  readonly reply: Reply;
  readonly effect?: Effect;
}

/** What the flow may know beyond the session: saved preferences, and the time (both passed in, so tests pin them). */
export interface FlowContext {
  readonly memory?: Memory;
  readonly now?: number;
  /** The person's local date and time, when the handler could find their time zone. */
  readonly local?: LocalTime;
}

export interface LocalTime {
  readonly date: string; // YYYY-MM-DD
  readonly hour: number;
  readonly minute: number;
}

/**
 * The whole conversation as a pure function: the state before, what the person did,
 * the state after and what to say. No I/O, no clock, no randomness.
 */
export function transition(prev: State | undefined, event: FlowEvent, context: FlowContext = {}): Outcome {
  return guard(decide(prev, event, context));
}

// ---------------------------------------------------------------------------------------------
// Safety guard: applied to every outcome, whatever decided it.

/** Steps that may follow an emergency: nothing there asks the person to move. */
const SAFE_AFTER_EMERGENCY = new Set<StepId>(['emergency', 'breathingOffer', 'breathing', 'forgetConfirm']);
// (A timer for heat or ice and movement reminders only exist after a clear screen.)
/** Safety questions that stand alone: nothing but an answer (or help, repeat, stop) moves past them. */
const SAFETY_QUESTIONS = new Set<StepId>(['checkSign', 'rescreen']);
const ALWAYS_HEARD = new Set<FlowEvent['kind']>(['stop', 'help', 'repeat', 'startOver']);
/** Steps that may come before Q1-Q5 are cleared: questions only. */
const BEFORE_CLEARED = new Set<StepId>(['screen', 'checkSign', 'resumeOffer', 'rescreen', 'forgetConfirm']);

function guard(out: Outcome): Outcome {
  const { state, reply } = out;
  // Timers and reminders belong to the self-care plan: never after a warning sign, never before the screen.
  if (out.effect?.kind === 'alert' && (state.emergency || !state.cleared)) {
    const calm = withoutAlert(state);
    return state.emergency ? emergencyHold(calm, false) : startScreen({ ...calm, step: 'screen', q: 0 }, [talk(TALK.newSessionNoContext)]);
  }
  if (state.emergency) {
    const movement = [...reply.say, ...(reply.ask ?? [])].some((p) => 'line' in p && p.line.moves === true);
    if (movement || !SAFE_AFTER_EMERGENCY.has(state.step)) return { ...emergencyHold(state, reply.end), ...(out.effect ? { effect: out.effect } : {}) };
    return out;
  }
  // Movement advice only after Q1-Q5 were all answered no in this session.
  if (!state.cleared && !reply.end && !BEFORE_CLEARED.has(state.step)) {
    return startScreen({ ...state, step: 'screen', q: 0 }, [talk(TALK.newSessionNoContext)]);
  }
  return out;
}

function emergencyHold(s: State, end: boolean): Outcome {
  const state: State = { ...s, step: 'emergency' };
  if (end) return { state, reply: { say: [line(T1_REMINDER), line(T1_STAY)], end: true } };
  return { state, reply: { say: [line(T1_REMINDER), line(T1_STAY)], ...prompt(state), end: false } };
}

/** When something fails: a calm line that still carries the safety net; the conversation stays where it was. */
export const ERROR_REPLY: Reply = {
  say: [talk(TALK.error), line(SAFETY_NET)],
  ask: [talk(TALK.errorRetry)],
  reprompt: [line(SAFETY_NET), talk(TALK.errorRetry)],
  end: false,
};

// ---------------------------------------------------------------------------------------------
// Events that mean the same at every step.

function decide(prev: State | undefined, event: FlowEvent, context: FlowContext): Outcome {
  // A red flag said at any moment outranks everything else (CLINICAL.md: the screen).
  if (event.kind === 'emergency') {
    if (event.sign) return emergency(prev ?? initialState(), event.sign);
    if (prev?.emergency) return emergency(prev, prev.emergency);
    return checkSign(prev ?? initialState());
  }
  if (event.kind === 'forget') {
    const s = prev ?? initialState();
    if (s.step === 'forgetConfirm') return reply(s, [], { body: false });
    return enter({ ...s, step: 'forgetConfirm', ret: s.step, rq: s.q }, []);
  }
  if (event.kind === 'forgotten') {
    const s = prev ?? initialState();
    return returnTo(s, [talk(event.ok ? TALK.forgetDone : TALK.forgetFailed)]);
  }
  if (event.kind === 'alertDone' && prev) return alertDone(prev, event.result);
  if (event.kind === 'permission' && prev) return permissionAnswer(prev, event.answer);
  if (!prev) return fromNothing(event, context);
  const s = prev;
  // A pending safety question is answered before anything else moves on (help, repeat and stop still work).
  if (SAFETY_QUESTIONS.has(s.step) && !ALWAYS_HEARD.has(event.kind)) return atStep(s, event);

  switch (event.kind) {
    case 'stop':
      return goodbye(s);
    case 'help':
      return reply(s, [talk(helpFor(s))], { body: false });
    case 'repeat':
      return reply(s, [], { body: true });
    case 'fallback':
    case 'unsupported':
      return reply(s, [talk(isExercise(s.step) ? TALK.takeYourTime : TALK.notUnderstood)], { body: false, otherWords: true });
    case 'startOver':
      // A warning sign heard in this session cannot be taken back by starting over.
      if (s.emergency) return emergency(s, s.emergency);
      return startScreen({ ...initialState(), pace: s.pace, disclaimed: s.disclaimed }, [talk(TALK.greetingAgain)]);
    case 'launch':
    case 'entry':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      if (s.emergency) return emergency(s, s.emergency);
      return reply(s, [talk(TALK.stillHere)], { body: true });
    case 'topic':
      if (s.step === 'screen') return reply({ ...s, want: event.topic }, [talk(TALK.afterScreen)], { body: false });
      return startTopic(s, event.topic, []);
    case 'timer':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      return setAlert({ ...s, ret: s.step, rq: s.q }, { p: 'timer' });
    case 'reminder':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      return offerReminder({ ...s, ret: s.step === 'reminderConfirm' ? s.ret : s.step, rq: s.step === 'reminderConfirm' ? s.rq : s.q }, event.plan, context.local);
    case 'menu':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      return enter({ ...s, step: 'menu', q: 0, solo: false }, [], [talk(TALK.menuShort)]);
    default:
      return atStep(s, event);
  }
}

/** A request that arrives with no conversation behind it: a new session, or lost state. */
function fromNothing(event: FlowEvent, { memory, now = 0 }: FlowContext): Outcome {
  const fresh: State = {
    ...initialState(),
    ...(memory?.pace ? { pace: memory.pace } : {}),
    ...(memory?.disclaimed ? { disclaimed: true } : {}),
    ...(memory ? { returning: true } : {}),
  };
  if (memory && (event.kind === 'launch' || event.kind === 'entry' || event.kind === 'topic')) {
    const want = event.kind === 'topic' ? { want: event.topic } : {};
    const resume = event.kind === 'topic' ? undefined : resumePoint(memory, now);
    // A shorter welcome, and one combined question instead of Q1-Q5 (CLINICAL.md).
    if (resume) {
      const offer: State = { ...fresh, step: 'resumeOffer', q: 0, ret: resume.step, rq: resume.q, ...(resume.pos ? { pos: resume.pos } : {}) };
      return enter(offer, [talk(TALK.welcomeBack)]);
    }
    return enter({ ...fresh, ...want, step: 'rescreen', q: 0 }, [talk(TALK.welcomeBack)]);
  }
  switch (event.kind) {
    case 'launch':
    case 'entry':
      return startScreen(fresh, [talk(TALK.greeting)]);
    case 'stop':
      return goodbye(fresh);
    case 'help':
      return startScreen(fresh, [talk(TALK.helpScreen)]);
    case 'topic':
      // "Alexa, ask back helper how do I get out of bed": screen first, then straight to it.
      return startScreen({ ...fresh, want: event.topic }, [talk(TALK.greeting)]);
    default:
      // "Yes" after the session ended, or an unknown intent: say honestly where we are.
      return startScreen(fresh, [talk(TALK.newSessionNoContext)]);
  }
}

// ---------------------------------------------------------------------------------------------
// Events whose meaning depends on the step.

function atStep(s: State, e: FlowEvent): Outcome {
  const advanceOn = e.kind === 'done' || e.kind === 'skip';
  switch (s.step) {
    case 'screen': {
      if (e.kind === 'yes' || e.kind === 'notSure') return emergency(s, SCREEN[s.q]?.id ?? 'UNKNOWN'); // not sure counts as yes
      if (e.kind === 'no') return s.q + 1 >= SCREEN.length ? clear(s) : reply({ ...s, q: s.q + 1 }, [], { body: false });
      if (e.kind === 'previous') return reply({ ...s, q: Math.max(0, s.q - 1) }, [], { body: false });
      if (advanceOn) return reply(s, [talk(TALK.cannotSkipScreen)], { body: false });
      return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
    }
    case 'resumeOffer': {
      if (e.kind === 'yes' || e.kind === 'done') return enter({ ...s, step: 'rescreen', q: 0 }, []);
      const fresh: State = { ...s, step: 'rescreen', q: 0 };
      delete (fresh as { ret?: StepId }).ret;
      if (e.kind === 'no' || e.kind === 'skip') return enter(fresh, [talk(TALK.freshStart)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    }
    case 'rescreen': {
      if (e.kind === 'yes' || e.kind === 'notSure') return emergency(s, 'RESCREEN');
      if (e.kind === 'no') {
        const cleared: State = { ...s, cleared: true };
        if (s.ret) {
          const carry: State = { ...cleared, step: s.ret, q: s.rq ?? 0 };
          delete (carry as { ret?: StepId }).ret;
          delete (carry as { rq?: number }).rq;
          return enter(carry, [talk(TALK.carryOn)]);
        }
        if (s.want) return startTopic(cleared, s.want, [line(CLEAR[0]!)]);
        return enterStage('position', cleared, [line(CLEAR[0]!)]);
      }
      if (advanceOn) return reply(s, [talk(TALK.cannotSkipScreen)], { body: false });
      if (e.kind === 'topic') return reply({ ...s, want: e.topic }, [talk(TALK.afterScreen)], { body: false });
      return reply(s, [talk(TALK.answerFirst)], { body: false, otherWords: true });
    }
    case 'forgetConfirm':
      if (e.kind === 'yes') return { ...returnTo({ ...s, noSave: true }, []), effect: { kind: 'forget' } };
      if (e.kind === 'no') return returnTo(s, [talk(TALK.forgetKept)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    case 'reminderConfirm':
      if (e.kind === 'yes' && s.alert) return setAlert(s, s.alert);
      if (e.kind === 'no' || e.kind === 'skip') return returnTo(withoutAlert(s), [talk(TALK.noReminder)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    case 'checkSign': {
      if (e.kind === 'yes' || e.kind === 'notSure') return emergency(s, 'UNKNOWN');
      if (e.kind === 'no') return returnTo(s, [talk(TALK.okay)]);
      return reply(s, [talk(TALK.answerFirst)], { body: false });
    }
    case 'emergency':
      if (e.kind === 'yes') return breathe(s, []);
      if (e.kind === 'no') return goodbye(s);
      if (e.kind === 'pace') return breathe({ ...s, pace: e.pace }, []);
      return emergencyHold(s, false);
    case 'position':
      if (e.kind === 'position' && e.pos) return enter({ ...s, step: 'positionHold', q: 0, pos: e.pos }, []);
      if (advanceOn) return advance(s, []);
      if (e.kind === 'previous') return reply(s, [], { body: false });
      return reply(s, [talk(TALK.helpPosition)], { body: false });
    case 'positionHold':
      if (e.kind === 'position' && e.pos) return enter({ ...s, pos: e.pos }, []);
      if (advanceOn || e.kind === 'yes') return advance(s, []);
      if (e.kind === 'previous') return enter({ ...s, step: 'position', q: 0 }, []);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    case 'breathingOffer':
    case 'breathing':
      if (e.kind === 'yes') return breathe(s, []);
      if (e.kind === 'pace') return breathe({ ...s, pace: e.pace }, []);
      if (e.kind === 'no' || advanceOn) return s.emergency ? goodbye(s) : advance(s, []);
      if (e.kind === 'previous') return back(s);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    case 'more':
      if (e.kind === 'yes' || e.kind === 'notSure') {
        // Any T2 answer settles the tier; the remaining groups cannot change the advice.
        return advance({ ...s, t2: true }, [line(T2_ADVICE)]);
      }
      if (e.kind === 'no') {
        return s.q + 1 >= MORE_QUESTIONS.length ? advance(s, [line(MORE_QUESTIONS_CLEAR)]) : reply({ ...s, q: s.q + 1 }, [], { body: false });
      }
      if (advanceOn) return advance(s, []);
      if (e.kind === 'previous') return s.q > 0 ? reply({ ...s, q: s.q - 1 }, [], { body: false }) : back(s);
      return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
    case 'tiltsOffer':
      if (e.kind === 'yes') return tilts(s);
      if (e.kind === 'no' || advanceOn) return advance(s, []);
      if (e.kind === 'previous') return back(s);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    case 'tiltsFeel':
      if (e.kind === 'feel') return advance(s, [line(TILTS_FEEL[e.feeling])]);
      if (advanceOn) return advance(s, []);
      if (e.kind === 'previous') return enter({ ...s, step: 'tiltsOffer', q: 0 }, []);
      return reply(s, [talk(TALK.helpTilts)], { body: false });
    case 'getUpOffer':
      if (e.kind === 'yes') return enter({ ...s, step: 'getUp', q: 0 }, []);
      if (e.kind === 'no' || advanceOn) return advance(s, []);
      if (e.kind === 'previous') return back(s);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    case 'getUp':
      if (e.kind === 'done' || e.kind === 'yes') {
        return s.q + 1 >= LOG_ROLL.length ? advance(s, [line(LOG_ROLL_DONE)]) : enter({ ...s, q: s.q + 1 }, []);
      }
      if (e.kind === 'skip') return advance(s, []);
      if (e.kind === 'previous') return s.q > 0 ? enter({ ...s, q: s.q - 1 }, []) : back(s);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    case 'final': {
      const q = FINAL_QUESTIONS[s.q];
      if (e.kind === 'yes' || e.kind === 'notSure') {
        const next: State = { ...s, t3: true, ...(q?.ids.includes('Q13') ? { pregnant: true } : {}) };
        const advice = s.t3 || s.t2 ? [] : [line(T3_ADVICE)]; // said once; T2 already asks for more
        return nextFinal(next, advice);
      }
      if (e.kind === 'no') return nextFinal(s, []);
      if (advanceOn) return advance(s, []);
      if (e.kind === 'previous') return s.q > 0 ? reply({ ...s, q: s.q - 1 }, [], { body: false }) : back(s);
      return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
    }
    case 'care':
      return atCare(s, e);
    case 'menu':
      if (e.kind === 'yes') return reply(s, [], { body: false, otherWords: true });
      if (e.kind === 'no' || advanceOn) return goodbye(s);
      return reply(s, [talk(TALK.helpMenu)], { body: false });
  }
}

function atCare(s: State, e: FlowEvent): Outcome {
  if (s.q === 2) {
    // The medicine-caution question (S-NSAID).
    if (e.kind === 'yes' || e.kind === 'notSure') return careEnd(s, [line(MEDICINE_ASK_PHARMACIST)]);
    if (e.kind === 'no') return careEnd(s, [line(MEDICINE_OK)]);
    if (e.kind === 'skip' || e.kind === 'done') return careEnd(s, []);
    if (e.kind === 'previous') return enter({ ...s, q: 1 }, []);
    return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
  }
  if (s.q === 0 && e.kind === 'yes') return setAlert({ ...s, ret: s.solo ? 'menu' : 'care', rq: s.solo ? 0 : 1 }, { p: 'timer' });
  if (e.kind === 'done' || e.kind === 'yes' || e.kind === 'skip' || e.kind === 'no') {
    if (s.solo) return toMenu(s, []);
    return s.q === 1 ? medicine(s) : enter({ ...s, q: s.q + 1 }, []);
  }
  if (e.kind === 'previous') return s.q > 0 ? enter({ ...s, q: s.q - 1 }, []) : back(s);
  return reply(s, [talk(TALK.takeYourTime)], { body: false });
}

// ---------------------------------------------------------------------------------------------
// Moving between steps.

/** The plan after a clear screen, in order. Q6-Q11 come before the tilts so nobody exercises a possible fracture or infection. */
const PLAN: readonly StepId[] = ['position', 'breathingOffer', 'more', 'tiltsOffer', 'getUpOffer', 'final', 'care', 'menu'];

const STAGE_OF: Readonly<Record<StepId, StepId>> = {
  screen: 'screen', emergency: 'emergency', checkSign: 'checkSign', resumeOffer: 'resumeOffer', rescreen: 'rescreen',
  forgetConfirm: 'forgetConfirm', reminderConfirm: 'reminderConfirm', position: 'position', positionHold: 'position',
  breathingOffer: 'breathingOffer', breathing: 'breathingOffer', more: 'more', tiltsOffer: 'tiltsOffer',
  tiltsFeel: 'tiltsOffer', getUpOffer: 'getUpOffer', getUp: 'getUpOffer', final: 'final', care: 'care', menu: 'menu',
};

function isExercise(step: StepId): boolean {
  return step === 'positionHold' || step === 'breathing' || step === 'tiltsFeel' || step === 'getUp';
}

/** The next stage of the plan, or the menu after something asked for by name. */
function advance(s: State, opening: readonly Part[]): Outcome {
  if (s.solo) return toMenu(s, opening);
  const i = PLAN.indexOf(STAGE_OF[s.step]);
  return enterStage(PLAN[i + 1] ?? 'menu', s, opening);
}

/** The step an interruption (a check, forget me, a timer) came from, with the interruption's marks removed. */
function restored(s: State, fallback: StepId = 'screen'): State {
  const target: State = { ...s, step: s.ret ?? fallback, q: s.rq ?? s.q };
  delete (target as { ret?: StepId }).ret;
  delete (target as { rq?: number }).rq;
  return target;
}

/** Back to where 'checkSign' or 'forgetConfirm' interrupted. */
function returnTo(s: State, opening: readonly Part[]): Outcome {
  return reply(restored(s), opening, { body: false });
}

function back(s: State): Outcome {
  const i = PLAN.indexOf(STAGE_OF[s.step]);
  return enterStage(PLAN[Math.max(0, i - 1)] ?? 'position', s, []);
}

function enterStage(stage: StepId, s: State, opening: readonly Part[]): Outcome {
  const base: State = { ...s, step: stage, q: 0 };
  switch (stage) {
    case 'breathingOffer':
      return enter({ ...base, sets: 0 }, opening);
    case 'more':
      return enter(base, [...opening, line(MORE_QUESTIONS_INTRO)]);
    case 'tiltsOffer':
      return s.t2 ? enterStage('getUpOffer', base, [...opening, line(TILTS_SKIP_T2)]) : enter(base, opening);
    case 'care':
      return enter(base, [...opening, line(SELF_CARE_INTRO)]);
    case 'menu':
      return toMenu(s, opening);
    default:
      return enter(base, opening);
  }
}

function startTopic(s: State, topic: TopicId, opening: readonly Part[]): Outcome {
  const solo: State = { ...s, solo: true, want: undefined };
  delete (solo as { want?: TopicId }).want;
  switch (topic) {
    case 'breathing':
      return breathe({ ...solo, sets: 0 }, opening);
    case 'positions':
      return enter({ ...solo, step: 'position', q: 0 }, opening);
    case 'tilts':
      return s.t2 ? toMenu(solo, [...opening, line(TILTS_SKIP_T2)]) : tilts(solo, opening);
    case 'getUp':
      return enter({ ...solo, step: 'getUp', q: 0 }, opening);
    case 'heatIce':
      return enter({ ...solo, step: 'care', q: 0 }, opening);
    case 'painRelief':
      return medicine({ ...solo, step: 'care' }, opening);
    case 'doctor':
      return toMenu(solo, [...opening, ...(s.t2 ? [line(T2_ADVICE)] : []), ...lines(WHEN_TO_SEE_DOCTOR), line(EMERGENCY_SAFETY_NET)]);
  }
}

function toMenu(s: State, opening: readonly Part[]): Outcome {
  return enter({ ...s, step: 'menu', q: 0, solo: false }, opening);
}

function startScreen(state: State, opening: readonly Part[]): Outcome {
  return enter({ ...state, step: 'screen', q: 0 }, [...opening, talk(TALK.answerHint)]);
}

function clear(s: State): Outcome {
  const cleared: State = { ...s, cleared: true, disclaimed: true };
  const opening = [...lines(CLEAR), ...(s.disclaimed ? [] : [line(DISCLAIMER)])];
  if (s.want) return startTopic(cleared, s.want, opening);
  return enterStage('position', cleared, opening);
}

function emergency(s: State, cause: EmergencyCause): Outcome {
  const next: State = { ...s, step: 'emergency', q: 0, emergency: cause };
  return enter(next, [line(heardFor(cause)), ...lines(T1_ADVICE)]);
}

function checkSign(s: State): Outcome {
  if (s.step === 'checkSign') return reply(s, [], { body: false });
  return enter({ ...s, step: 'checkSign', ret: s.step, rq: s.q }, []);
}

function heardFor(cause: EmergencyCause): Clinical {
  if (cause === 'UNKNOWN') return HEARD_UNKNOWN;
  if (cause === 'RESCREEN') return RESCREEN_HEARD;
  if (isSignId(cause)) return HEARD_SIGN[cause];
  return SCREEN.find((x) => x.id === cause)?.heard ?? HEARD_UNKNOWN;
}

function breathe(s: State, opening: readonly Part[]): Outcome {
  if (s.step === 'breathing' && s.sets >= MAX_SETS) {
    return s.emergency ? goodbye(s, [line(BREATHING_LAST_SET)]) : advance(s, [line(BREATHING_LAST_SET)]);
  }
  const paceChanged = s.step === 'breathing' && s.sets > 0;
  const sets = s.step === 'breathing' ? s.sets + 1 : 1;
  const next: State = { ...s, step: 'breathing', q: 0, sets };
  const intro = sets === 1 || paceChanged ? [line(BREATHING_INTRO[s.pace])] : [];
  const set: Part = { breathe: { pace: s.pace, breaths: BREATHS_PER_SET } };
  return { state: next, reply: { say: [...opening, ...intro, set], ...prompt(next), end: false } };
}

function tilts(s: State, opening: readonly Part[] = []): Outcome {
  const next: State = { ...s, step: 'tiltsFeel', q: 0 };
  const reps: Part = { tilts: { reps: TILT_REPS } };
  return { state: next, reply: { say: [...opening, ...lines(TILTS_SETUP), reps], ...prompt(next), end: false } };
}

function nextFinal(s: State, opening: readonly Part[]): Outcome {
  if (s.q + 1 >= FINAL_QUESTIONS.length) return advance(s, opening);
  return enter({ ...s, q: s.q + 1 }, opening);
}

function medicine(s: State, opening: readonly Part[] = []): Outcome {
  // S-NSAID: never suggest ibuprofen in pregnancy.
  if (s.pregnant) return careEnd(s, [...opening, line(MEDICINE_ASK_PHARMACIST)]);
  return enter({ ...s, step: 'care', q: 2 }, opening);
}

function careEnd(s: State, opening: readonly Part[]): Outcome {
  if (s.solo) return toMenu(s, opening);
  const disclaimer = s.disclaimed ? [] : [line(DISCLAIMER)];
  return toMenu({ ...s, disclaimed: true }, [...opening, ...lines(WHEN_TO_SEE_DOCTOR), line(EMERGENCY_SAFETY_NET), ...disclaimer]);
}

function goodbye(s: State, first: readonly Part[] = []): Outcome {
  const safety = s.emergency ? [line(T1_REMINDER), line(T1_STAY)] : [talk(TALK.goodbye), line(SAFETY_NET)];
  const disclaimer = s.disclaimed ? [] : [line(DISCLAIMER)];
  return { state: { ...s, disclaimed: true }, reply: { say: [...first, ...safety, ...disclaimer], end: true } };
}

// ---------------------------------------------------------------------------------------------
// What each step says.

interface View {
  /** The instructions of the step, said on entry and on repeat. */
  readonly body: readonly Part[];
  readonly ask: readonly Part[];
  readonly reprompt: readonly Part[];
}

function view(s: State, otherWords = false): View {
  const ask = (parts: readonly Part[], reprompt = parts, body: readonly Part[] = []): View => ({ body, ask: parts, reprompt });
  const question = (q: { ask: Clinical; askAgain: Clinical } | undefined) => (q ? [line(otherWords ? q.askAgain : q.ask)] : []);
  switch (s.step) {
    case 'screen': {
      const q = SCREEN[s.q] ?? SCREEN[0]!;
      // CLINICAL.md: after one silence, the T1 list is spoken as a statement.
      return ask(question(q), [line(q.ask), line(T1_LIST)]);
    }
    case 'checkSign':
      return ask([line(CHECK_SIGN)], [line(CHECK_SIGN), line(T1_LIST)]);
    case 'resumeOffer':
      return ask([talk(RESUME_ASK[resumeTopic(s.ret)] ?? RESUME_ASK.position!)]);
    case 'rescreen':
      return ask([line(otherWords ? RESCREEN_AGAIN : RESCREEN)], [line(RESCREEN), line(T1_LIST)]);
    case 'forgetConfirm':
      return ask([talk(TALK.forgetAsk)]);
    case 'reminderConfirm':
      return ask([reminderConfirmLine(s.alert)]);
    case 'emergency':
      return ask([line(T1_OFFER_BREATHING)], [line(T1_REMINDER), line(T1_OFFER_BREATHING)]);
    case 'position':
      return ask([line(ASK_POSITION)]);
    case 'positionHold':
      return ask([line(POSITION_SETTLED_ASK)], [line(POSITION_SETTLED_ASK)], [
        ...lines(POSITIONS[s.pos ?? 'BED']), line(POSITION_TRY), line(POSITION_STOP_RULE),
      ]);
    case 'breathingOffer':
      return ask([line(BREATHING_OFFER)]);
    case 'breathing':
      return ask(s.emergency ? [line(T1_REMINDER), line(BREATHING_SET_DONE)] : [line(BREATHING_SET_DONE)], [line(BREATHING_SET_DONE)]);
    case 'more':
      return ask(question(MORE_QUESTIONS[s.q]), question(MORE_QUESTIONS[s.q]));
    case 'tiltsOffer':
      return ask([line(TILTS_OFFER)]);
    case 'tiltsFeel':
      return ask([line(TILTS_FEEL_ASK)]);
    case 'getUpOffer':
      return ask([line(GETUP_OFFER)]);
    case 'getUp':
      return ask([line(STEP_DONE_ASK)], [line(STEP_DONE_ASK)], [line(LOG_ROLL[s.q] ?? LOG_ROLL[0]!)]);
    case 'final':
      return ask(question(FINAL_QUESTIONS[s.q]), question(FINAL_QUESTIONS[s.q]));
    case 'care':
      if (s.q === 2) return ask([line(otherWords ? MEDICINE_CAUTION_AGAIN : MEDICINE_CAUTION_ASK)], [line(MEDICINE_CAUTION_ASK)]);
      if (s.q === 0) return ask([line(TIMER_OFFER)], [line(TIMER_OFFER)], lines(HEAT_COLD));
      return ask([line(STEP_DONE_ASK)], [line(STEP_DONE_ASK)], lines(KEEP_MOVING));
    case 'menu':
      return ask([talk(otherWords ? TALK.menuShort : TALK.menu)], [talk(TALK.menuShort)]);
  }
}

function prompt(s: State): { ask: readonly Part[]; reprompt: readonly Part[] } {
  const v = view(s);
  return { ask: v.ask, reprompt: v.reprompt };
}

/** Entering a step: what leads in, the step's instructions, then its question. */
function enter(s: State, opening: readonly Part[], askOverride?: readonly Part[]): Outcome {
  const v = view(s);
  return { state: s, reply: { say: [...opening, ...v.body], ask: askOverride ?? v.ask, reprompt: v.reprompt, end: false } };
}

/** Staying at a step: a lead-in, then the question again (and the instructions when asked to repeat). */
function reply(s: State, opening: readonly Part[], o: { body: boolean; otherWords?: boolean }): Outcome {
  const v = view(s, o.otherWords);
  return { state: s, reply: { say: [...opening, ...(o.body ? v.body : [])], ask: v.ask, reprompt: v.reprompt, end: false } };
}

// ---------------------------------------------------------------------------------------------
// Timers and reminders: the flow decides, the handler calls Alexa and reports back.

function withoutAlert(s: State): State {
  const out = { ...s };
  delete (out as { alert?: AlertPlan }).alert;
  return out;
}

function setAlert(s: State, plan: AlertPlan): Outcome {
  const state: State = { ...s, alert: plan };
  return { state, reply: { say: [], end: false }, effect: { kind: 'alert', plan } };
}

/** "3 PM", "9 AM": how a time is said. */
function clockTime(hour: number): string {
  const h = hour % 12 === 0 ? 12 : hour % 12;
  return `${h} ${hour < 12 ? 'AM' : 'PM'}`;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function offerReminder(s: State, plan: 'move' | 'checkIn', local: LocalTime | undefined): Outcome {
  if (!local) return returnTo(s, [talk(TALK.noLocalTime)]);
  let alert: AlertPlan;
  if (plan === 'checkIn') alert = { p: 'checkIn', d: nextDay(local.date), h: CHECK_IN_HOUR };
  else if (local.hour + 1 <= MOVE_UNTIL_HOUR - 1) alert = { p: 'move', d: local.date, h: Math.max(local.hour + 1, MOVE_FROM_HOUR) };
  else alert = { p: 'once' };
  return enter({ ...s, step: 'reminderConfirm', q: 0, alert }, []);
}

function reminderConfirmLine(alert: AlertPlan | undefined): Part {
  if (alert?.p === 'move') return line(MOVE_REMINDER_CONFIRM, { from: clockTime(alert.h), until: clockTime(MOVE_UNTIL_HOUR) });
  if (alert?.p === 'checkIn') return line(CHECK_IN_CONFIRM, { at: clockTime(alert.h) });
  return line(MOVE_ONCE_CONFIRM);
}

const ALERT_WORDS: Readonly<Record<Exclude<import('./events').AlertOutcome, 'ok' | 'noPermission'>, string>> = {
  offline: TALK.alertOffline,
  limit: TALK.alertLimit,
  invalid: TALK.alertFailed,
  failed: TALK.alertFailed,
};

/** After a timer or reminder: say how it went and go back to where the person was. */
function alertDone(s: State, result: import('./events').AlertOutcome): Outcome {
  const scope = s.alert?.p === 'timer' ? 'timers' : 'reminders';
  if (result === 'noPermission') {
    // Voice permission once per session (Alexa takes the turn); after that, a card in the Alexa app.
    if (!s.asked) return { state: { ...s, asked: true }, reply: { say: [talk(TALK.permissionNeeded)], end: false, permission: { scope, how: 'voice' } } };
    return afterAlert(s, [talk(TALK.permissionCard)], { scope, how: 'card' });
  }
  if (result === 'ok') return afterAlert(s, [alertSetLine(s.alert)]);
  return afterAlert(s, [talk(ALERT_WORDS[result])]);
}

/** "Done", with the time said again: after a permission round trip the person may have lost it. */
function alertSetLine(alert: AlertPlan | undefined): Part {
  if (alert?.p === 'move') return line(MOVE_REMINDER_SET, { from: clockTime(alert.h), until: clockTime(MOVE_UNTIL_HOUR) });
  if (alert?.p === 'checkIn') return line(CHECK_IN_SET, { at: clockTime(alert.h) });
  if (alert?.p === 'once') return line(MOVE_ONCE_SET);
  return talk(TALK.timerSet);
}

function permissionAnswer(s: State, answer: 'ACCEPTED' | 'DENIED' | 'NOT_ANSWERED'): Outcome {
  if (!s.alert) return reply(s, [], { body: false });
  if (answer === 'ACCEPTED') return setAlert(s, s.alert);
  return afterAlert(s, [talk(TALK.permissionCard)], { scope: s.alert.p === 'timer' ? 'timers' : 'reminders', how: 'card' });
}

function afterAlert(s: State, opening: readonly Part[], permission?: Reply['permission']): Outcome {
  const target = restored(withoutAlert(s), s.step);
  // The heat-or-ice timer moves the plan on to its next tip.
  const out = target.step === 'care' && target.q === 1 ? enter(target, opening) : reply(target, opening, { body: false });
  return permission ? { ...out, reply: { ...out.reply, permission } } : out;
}

function resumeTopic(step: StepId | undefined): string {
  switch (step) {
    case 'breathingOffer':
    case 'breathing':
      return 'breathing';
    case 'more':
    case 'final':
      return 'questions';
    case 'tiltsOffer':
    case 'tiltsFeel':
      return 'tilts';
    case 'getUpOffer':
    case 'getUp':
      return 'getUp';
    case 'care':
      return 'care';
    default:
      return 'position';
  }
}

function helpFor(s: State): string {
  if (s.emergency) return TALK.helpEmergency;
  switch (s.step) {
    case 'screen':
    case 'rescreen':
      return `${TALK.helpScreen} ${TALK.answerHint}`;
    case 'position':
      return TALK.helpPosition;
    case 'breathingOffer':
    case 'breathing':
      return TALK.helpBreathing;
    case 'more':
    case 'final':
    case 'care':
      return s.step === 'care' && s.q !== 2 ? TALK.helpWaiting : TALK.helpQuestions;
    case 'tiltsFeel':
      return TALK.helpTilts;
    case 'menu':
      return TALK.helpMenu;
    default:
      return TALK.helpWaiting;
  }
}

