/**
 * The catalogue of steps: everything one step is, in one record. Its safety class (read by the guard), what
 * it says and asks, its help, what an Echo Show shows, how it resumes in a later conversation, and how it
 * answers each event. `{ [K in StepId]: StepSpec }` makes the compiler ask for every field of a new step.
 */
import { BREATHING_OFFER, BREATHING_SET_DONE } from '../content/breathing';
import {
  CHECK_SIGN, CHECK_SIGN_NET, CHECK_SIGN_UNSURE, DISCLAIMER, HEARD_UNKNOWN, OTHER_WAYS_ASK, PREGNANT_NOTED, T1_OFFER_BREATHING, T1_OFFER_REPEAT, T1_REMINDER, WHILE_YOU_WAIT,
} from '../content/emergency';
import {
  ASK_POSITION, LIE_DOWN_OFFER, DOWN_AGE_ASK, DOWN_STAY_SUPPORTED, FLOOR_GET_UP, GET_DOWN, GETUP_OFFER, HOLD_CHECK_IN, HOLD_INTRO, HOLD_SECONDS, LOG_ROLL, LOG_ROLL_DONE, MAX_HOLDS,
  PAIN_CHECK, POSITION_PREGNANT, POSITION_STOP_RULE, POSITIONS, STEP_DONE_ASK, TILTS_FEEL, TILTS_FEEL_ASK,
  TILTS_OFFER, TILTS_OFFER_AGAIN,
} from '../content/guidance';
import {
  FINAL_QUESTIONS, MORE_QUESTIONS, MORE_QUESTIONS_CLEAR, RESCREEN, RESCREEN_AGAIN, RESCREEN_CLEAR, RESCREEN_HEARD, RESCREEN_UNSURE,
  SCREEN, T1_LIST, T2_ADVICE, T3_ADVICE,
} from '../content/screen';
import {
  CLOSE_PARTS, CLOSE_PARTS_T2, MEDICINE_ASK_PHARMACIST, MEDICINE_CHECK_INTRO, MEDICINE_CHECKS, MEDICINE_OK, NEXT_PART_QUESTION, SELF_CARE_PARTS,
  type PlanPart,
} from '../content/selfcare';
import { RESUME_ASK, TALK, TOPIC_ASK } from '../content/talk';
import { TIMER_OFFER } from '../content/alerts';
import type { Clinical } from '../content/types';
import type { LocalePack } from '../locale';
import { reminderConfirmLine, setAlert, withoutAlert } from './alerts';
import type { FlowEvent } from './events';
import { enter, reply, type Outcome } from './outcome';
import {
  advance, afterLater, back, breathe, mayPace, careEnd, clear, emergency, emergencyBody, emergencyHold, otherWays, enterStage, goodbye, groupOf,
  ageBand, beginGetUp, finalApplies, finishTopic, medicine, overFifty, MEDICINE_PART, nextFinal, painStop, restored, returnTo, toMenu, tilts, wantedTopic,
} from './plan';
import { line, lines, talk, type Part } from './reply';
import type { EmergencyCause, State, StepId, TopicId } from './state';

/**
 * What a step may do, for the guard:
 * - screen: Q1-Q5; before anything else.
 * - safetyQuestion: a standalone check (unplaced sign, the short check); only an answer moves past it.
 * - question: asks only, before the screen is cleared (carry on?).
 * - anytime: asks only, before the screen and after an emergency (forget me).
 * - safeAfterEmergency: while help comes: the emergency advice and breathing, never movement.
 * - plan: after a cleared screen; questions, offers and advice.
 * - movement: after a cleared screen; the person moves (positions).
 * - exercise: also after Q6-Q11 in this conversation (tilts, getting up).
 */
export type SafetyClass = 'screen' | 'safetyQuestion' | 'question' | 'anytime' | 'safeAfterEmergency' | 'plan' | 'movement' | 'exercise';

/** What "okay" means here: yes to an offer; at a question about symptoms, asked again; at an open question, unclear. */
export type AckMeaning = 'yes' | 'ask' | 'fallback';
export type ResumeTopic = 'position' | 'breathing' | 'questions' | 'tilts' | 'getUp' | 'care';

export interface StepView {
  /** The instructions, said on entry and on repeat. */
  readonly body?: readonly Part[];
  readonly ask: readonly Part[];
  /** After a silence (defaults to the question); the safety net is added where it is missing. */
  readonly reprompt?: readonly Part[];
}

export interface StepSpec {
  readonly safety: SafetyClass;
  /** The stage of the plan this step belongs to, for next and go back. */
  readonly stage: StepId;
  readonly view: (s: State, otherWords: boolean) => StepView;
  readonly help: (s: State) => string;
  readonly screen: { readonly title: string | ((s: State, l: LocalePack) => string); readonly hint: string | null };
  /** Where a later conversation carries on from, and how it is offered; null: never resumed. */
  readonly resume: { readonly as: StepId; readonly topic: ResumeTopic } | null;
  /** The person is holding a position or moving: unclear words get "take your time", not "didn't catch that". */
  readonly busy: boolean;
  /** The question is long: after the answer to a question asked out loud, its short form (the view's otherWords). */
  readonly longAsk?: true;
  readonly ack: AckMeaning | ((s: State) => AckMeaning);
  /** How the step answers an event that means something different at each step. */
  readonly on: (s: State, e: FlowEvent) => Outcome;
}

const question = (q: { ask: Clinical; askAgain: Clinical } | undefined, otherWords: boolean): Part[] => (q ? [line(otherWords ? q.askAgain : q.ask)] : []);
const skipping = (e: FlowEvent) => e.kind === 'done' || e.kind === 'skip';
const SAY_YES_NO = 'Say "yes", "no" or "not sure"';
const help = (text: string) => () => text;

/**
 * The answer to a warning-sign question: yes is the emergency, said back; "not sure" counts as yes and is said
 * back as not sure (docs/clinical/reference.md: the safety screen). Anything else is left to the step.
 */
function warningAnswer(s: State, e: FlowEvent, cause: EmergencyCause, heard: Clinical, unsure: Clinical): Outcome | undefined {
  if (e.kind === 'yes') return emergency(s, cause, heard);
  if (e.kind === 'notSure') return emergency(s, cause, unsure);
  return undefined;
}

/** An offer in the plan: yes does it, no or skip moves on, back goes back, anything else is waited for. */
const offer = (onYes: (s: State) => Outcome) => (s: State, e: FlowEvent): Outcome => {
  if (e.kind === 'yes') return onYes(s);
  if (e.kind === 'no' || skipping(e)) return advance(s, []);
  if (e.kind === 'previous') return back(s);
  return reply(s, [talk(TALK.takeYourTime)], { body: false });
};

export const STEPS: { readonly [K in StepId]: StepSpec } = {
  screen: {
    safety: 'screen',
    stage: 'screen',
    // docs/clinical/reference.md: after one silence, the T1 list is spoken as a statement.
    view: (s, other) => ({ ask: question(SCREEN[s.q] ?? SCREEN[0], other), reprompt: [line((SCREEN[s.q] ?? SCREEN[0]!).ask), line(T1_LIST)] }),
    help: help(`${TALK.helpScreen} ${TALK.answerHint}`),
    screen: { title: (s) => `Safety question ${s.q + 1} of ${SCREEN.length}`, hint: SAY_YES_NO },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const q = SCREEN[s.q] ?? SCREEN[0]!;
      const sign = warningAnswer(s, e, q.id, q.heard, q.unsure);
      if (sign) return sign;
      if (e.kind === 'no') return s.q + 1 >= SCREEN.length ? clear(s) : reply({ ...s, q: s.q + 1 }, [], { body: false });
      if (e.kind === 'previous') return reply({ ...s, q: Math.max(0, s.q - 1) }, s.q > 0 ? [] : [talk(TALK.atStart)], { body: false });
      if (skipping(e)) return reply(s, [talk(TALK.cannotSkipScreen)], { body: false });
      // Where they are, said early, is kept for after the questions.
      if (e.kind === 'position' && e.pos) return reply({ ...s, pos: e.pos }, [talk(TALK.finishScreenFirst)], { body: false });
      return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
    },
  },
  emergency: {
    safety: 'safeAfterEmergency',
    stage: 'emergency',
    view: (s) => {
      const group = groupOf(s.emergency ?? 'UNKNOWN');
      // A silence after the first turn still hears what to do while waiting.
      if (s.q === 0) return { body: emergencyBody(s), ask: [line(OTHER_WAYS_ASK)], reprompt: [line(T1_REMINDER), line(WHILE_YOU_WAIT[group]), line(OTHER_WAYS_ASK)] };
      // No paced breathing for someone who can't breathe: the offer is the number again.
      const offer = mayPace(s) ? T1_OFFER_BREATHING : T1_OFFER_REPEAT;
      return { body: emergencyBody(s), ask: [line(offer)], reprompt: [line(T1_REMINDER), line(offer)] };
    },
    help: help(TALK.helpEmergency),
    screen: { title: (_s, l) => `Call ${l.emergencyNumber} now`, hint: null },
    resume: null,
    busy: false,
    ack: 'yes',
    on: (s, e) => {
      // "Other ways to get help?": anything but no hears them; no closes, with what to do while waiting.
      if (s.q === 0 && (e.kind === 'yes' || e.kind === 'done' || e.kind === 'notSure' || e.kind === 'pace' || e.kind === 'longer')) return otherWays(s);
      if (s.q === 0 && e.kind !== 'no') return emergencyHold(s, false);
      const canBreathe = mayPace(s);
      if (e.kind === 'yes') return canBreathe ? breathe(s, []) : reply(s, [], { body: true });
      if (e.kind === 'no') return goodbye(s);
      if (e.kind === 'pace' && canBreathe) return breathe({ ...s, pace: e.pace }, []);
      return emergencyHold(s, false);
    },
  },
  checkSign: {
    safety: 'safetyQuestion',
    stage: 'checkSign',
    view: () => ({ ask: [line(CHECK_SIGN)], reprompt: [line(CHECK_SIGN), line(CHECK_SIGN_NET)] }),
    help: help(`${TALK.helpScreen} ${TALK.answerHint}`),
    screen: { title: 'Safety check', hint: null },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const sign = warningAnswer(s, e, 'UNKNOWN', HEARD_UNKNOWN, CHECK_SIGN_UNSURE);
      if (sign) return sign;
      if (e.kind === 'no') return returnTo(s, [talk(TALK.okay)]);
      return reply(s, [talk(TALK.answerFirst)], { body: false });
    },
  },
  signCheck: {
    safety: 'safetyQuestion',
    stage: 'signCheck',
    view: (s, other) => ({ ask: question(SCREEN[s.q] ?? SCREEN[0], other), reprompt: [line((SCREEN[s.q] ?? SCREEN[0]!).ask), line(T1_LIST)] }),
    help: help(`${TALK.helpScreen} ${TALK.answerHint}`),
    screen: { title: 'Safety check', hint: SAY_YES_NO },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const q = SCREEN[s.q] ?? SCREEN[0]!;
      const sign = warningAnswer(s, e, q.id, q.heard, q.unsure);
      if (sign) return sign;
      if (e.kind === 'no') return returnTo(s, [talk(TALK.okay)]);
      return reply(s, [talk(TALK.answerFirst)], { body: false });
    },
  },
  resumeOffer: {
    safety: 'question',
    stage: 'resumeOffer',
    // A returning person, before the short check; or, in a conversation, the way back to instructions (ret) or to a
    // topic asked for before the questions (want).
    view: (s) => ({ ask: [talk(s.cleared && !s.ret && s.want ? TOPIC_ASK[s.want] : RESUME_ASK[(s.ret && resumeTopic(s.ret)) || 'position'] ?? RESUME_ASK.position!)] }),
    help: help(TALK.helpResume),
    screen: { title: (s) => (s.cleared ? 'Carry on' : 'Welcome back'), hint: null },
    resume: null,
    busy: false,
    ack: 'yes',
    on: (s, e) => {
      if (s.cleared) return atCarryOnOffer(s, e);
      if (e.kind === 'yes' || e.kind === 'done') return enter({ ...s, step: 'rescreen', q: 0 }, []);
      const fresh: State = { ...s, step: 'rescreen', q: 0 };
      delete (fresh as { ret?: StepId }).ret;
      if (e.kind === 'no' || e.kind === 'skip') return enter(fresh, [talk(TALK.freshStart)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    },
  },
  rescreen: {
    safety: 'safetyQuestion',
    stage: 'rescreen',
    // After a silence the signs come as the T1 statement, so the question before it is the short one.
    view: (_s, other) => ({ ask: [line(other ? RESCREEN_AGAIN : RESCREEN)], reprompt: [line(RESCREEN_AGAIN), line(T1_LIST)] }),
    help: help(`${TALK.helpScreen} ${TALK.answerHint}`),
    screen: { title: 'Safety check', hint: SAY_YES_NO },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const sign = warningAnswer(s, e, 'RESCREEN', RESCREEN_HEARD, RESCREEN_UNSURE);
      if (sign) return sign;
      if (e.kind === 'no') {
        const cleared: State = { ...s, cleared: true };
        if (s.ret) {
          const carry = restored(cleared);
          return enterStage(carry.step, carry, [line(RESCREEN_CLEAR)], carry.q);
        }
        if (s.want) return wantedTopic(cleared, s.want, [line(RESCREEN_CLEAR)]);
        return enterStage('position', cleared, [line(RESCREEN_CLEAR)]);
      }
      if (skipping(e)) return reply(s, [talk(TALK.cannotSkipScreen)], { body: false });
      if (e.kind === 'topic') return reply({ ...s, want: e.topic }, [talk(TALK.afterScreen)], { body: false });
      return reply(s, [talk(TALK.answerFirst)], { body: false, otherWords: true });
    },
  },
  forgetConfirm: {
    safety: 'anytime',
    stage: 'forgetConfirm',
    view: () => ({ ask: [talk(TALK.forgetAsk)] }),
    help: help(TALK.helpWaiting),
    screen: { title: 'Your saved settings', hint: null },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      // The way back is taken once, when the deletion is reported ('forgotten'), not here as well.
      if (e.kind === 'yes') return { state: { ...s, noSave: true }, reply: { say: [], end: false }, effect: { kind: 'forget' } };
      if (e.kind === 'no') return returnTo(s, [talk(TALK.forgetKept)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    },
  },
  reminderConfirm: {
    safety: 'plan',
    stage: 'reminderConfirm',
    // After other words (an answer to a question), the short form; a silence hears the time again.
    view: (s, otherWords) => ({ ask: [otherWords ? talk(TALK.reminderStill) : reminderConfirmLine(s.alert)], reprompt: [reminderConfirmLine(s.alert)] }),
    help: help(TALK.helpWaiting),
    screen: { title: 'Reminder', hint: null },
    resume: null,
    busy: false,
    longAsk: true,
    ack: 'ask',
    on: (s, e) => {
      if (e.kind === 'yes' && s.alert) return setAlert(s, s.alert);
      if (e.kind === 'no' || e.kind === 'skip') return returnTo(withoutAlert(s), [talk(TALK.noReminder)]);
      return reply(s, [talk(TALK.notUnderstood)], { body: false });
    },
  },
  position: {
    safety: 'plan',
    stage: 'position',
    // After other words ("yes", "what?"), just the places, once.
    view: (_s, otherWords) => ({ ask: [otherWords ? talk(TALK.helpPosition) : line(ASK_POSITION)], reprompt: [line(ASK_POSITION)] }),
    help: help(TALK.helpPosition),
    screen: { title: 'Find a comfortable position', hint: null },
    resume: { as: 'position', topic: 'position' },
    busy: false,
    ack: 'fallback',
    on: (s, e) => {
      if (e.kind === 'position' && e.pos && s.want === 'getUp' && s.later) {
        // Asked where they are before the way up: the way up from there.
        const placed: State = { ...s, pos: e.pos };
        delete (placed as { want?: TopicId }).want;
        if (e.pos !== 'STANDING') return beginGetUp(placed, []);
        return placed.solo ? finishTopic(placed, [talk(TALK.alreadyUp)], false) : enterStage('final', placed, [talk(TALK.alreadyUp)]);
      }
      if (e.kind === 'position' && e.pos) return enter({ ...s, step: 'positionHold', q: 0, pos: e.pos }, []);
      if (skipping(e)) return advance(s, []);
      if (e.kind === 'previous') return reply(s, [talk(TALK.atStart)], { body: false });
      return reply(s, [], { body: false, otherWords: true });
    },
  },
  positionHold: {
    safety: 'movement',
    stage: 'position',
    // The position, then the skill holds it with them for a minute in the same reply (the listening window is
    // 8 s), then checks in. Pregnant: on the side rather than flat on the back (S-NHSPREG).
    view: (s) => ({
      body: [
        ...(s.q === 0 ? [...lines(positionLines(s)), line(POSITION_STOP_RULE), line(HOLD_INTRO)] : []),
        { hold: { seconds: HOLD_SECONDS } },
      ],
      ask: [line(HOLD_CHECK_IN)],
    }),
    help: help(TALK.helpWaiting),
    screen: { title: 'Find a comfortable position', hint: 'Say "done" when you are settled' },
    resume: { as: 'position', topic: 'position' },
    busy: true,
    ack: 'yes',
    on: (s, e) => {
      if (e.kind === 'position' && e.pos) return enter({ ...s, pos: e.pos, q: 0 }, []);
      if (e.kind === 'feel' && e.feeling === 'worse') return painStop(s);
      if (e.kind === 'longer') return s.q + 1 >= MAX_HOLDS ? advance(s, []) : enter({ ...s, q: s.q + 1 }, []);
      if (skipping(e) || e.kind === 'yes' || e.kind === 'no' || e.kind === 'feel') return advance(s, []);
      if (e.kind === 'previous') return enter({ ...s, step: 'position', q: 0 }, []);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    },
  },
  downAge: {
    safety: 'plan',
    stage: 'position',
    view: () => ({ ask: [line(DOWN_AGE_ASK)] }),
    help: help(TALK.helpQuestions),
    screen: { title: 'Down to the floor', hint: 'Say "yes" or "no"' },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const band = e.kind === 'age' ? ageBand(e.years) : e.kind === 'yes' || e.kind === 'notSure' ? 'over65' : e.kind === 'no' ? s.age : null;
      if (band === null) return reply(s, [talk(TALK.yesOrNo)], { body: false });
      // Over sixty-five (or not sure): stay supported where they are, unless someone can help them up again.
      if (band === 'over65' && !s.company) return enter({ ...s, age: 'over65', step: 'positionHold', q: 0 }, [line(DOWN_STAY_SUPPORTED)]);
      return enter({ ...s, ...(band ? { age: band } : {}), step: 'getDown', q: 0 }, []);
    },
  },
  getDown: {
    safety: 'movement',
    stage: 'position',
    view: (s) => ({ body: [line(GET_DOWN[s.q] ?? GET_DOWN[0]!)], ask: [line(STEP_DONE_ASK)] }),
    help: help(TALK.helpWaiting),
    screen: { title: (s) => `Down to the floor: step ${s.q + 1}`, hint: 'Say "next" when you are ready' },
    resume: null,
    busy: true,
    ack: 'yes',
    on: (s, e) => {
      if (e.kind === 'feel' && e.feeling === 'worse') return painStop(s);
      // The last step ends on the back: then the resting positions for the floor, never "get down" alone.
      if (e.kind === 'done' || e.kind === 'yes') return s.q + 1 >= GET_DOWN.length ? enter(inPlan({ ...s, step: 'positionHold', q: 0, pos: 'FLOOR' }), []) : enter({ ...s, q: s.q + 1 }, []);
      if (e.kind === 'skip' || e.kind === 'no') return enter({ ...s, step: 'positionHold', q: 0 }, []);
      if (e.kind === 'previous') return s.q > 0 ? enter({ ...s, q: s.q - 1 }, []) : enter({ ...s, step: 'positionHold', q: 0 }, []);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    },
  },
  breathingOffer: {
    safety: 'safeAfterEmergency',
    stage: 'breathingOffer',
    view: () => ({ ask: [line(BREATHING_OFFER)] }),
    help: help(TALK.helpBreathing),
    screen: { title: 'Breathe with me', hint: null },
    resume: { as: 'breathingOffer', topic: 'breathing' },
    busy: false,
    ack: 'yes',
    on: (s, e) => atBreathing(s, e),
  },
  breathing: {
    safety: 'safeAfterEmergency',
    stage: 'breathingOffer',
    view: () => ({ ask: [line(BREATHING_SET_DONE)] }),
    help: help(TALK.helpBreathing),
    screen: { title: 'Breathe with me', hint: 'Say "slower", "five and five", or "stop"' },
    // A new minute of breathing, not the middle of one.
    resume: { as: 'breathingOffer', topic: 'breathing' },
    busy: true,
    ack: 'yes',
    on: (s, e) => atBreathing(s, e),
  },
  more: {
    safety: 'plan',
    stage: 'more',
    view: (s, other) => ({ ask: question(MORE_QUESTIONS[s.q] ?? MORE_QUESTIONS[0], other), reprompt: question(MORE_QUESTIONS[s.q] ?? MORE_QUESTIONS[0], false) }),
    help: help(TALK.helpQuestions),
    screen: { title: 'A few more questions', hint: SAY_YES_NO },
    resume: { as: 'more', topic: 'questions' },
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const q = MORE_QUESTIONS[s.q] ?? MORE_QUESTIONS[0]!;
      // Any T2 answer settles the tier; the remaining questions cannot change the advice.
      if (e.kind === 'yes') return afterLater({ ...s, t2: true, later: true }, [line(q.heard ?? q.ask), line(T2_ADVICE)]);
      if (e.kind === 'notSure') return afterLater({ ...s, t2: true, later: true }, [line(q.unsure ?? q.ask), line(T2_ADVICE)]);
      if (e.kind === 'no') {
        if (s.q + 1 >= MORE_QUESTIONS.length) return afterLater({ ...s, later: true, mq: MORE_QUESTIONS.length }, [line(MORE_QUESTIONS_CLEAR)]);
        return reply({ ...s, q: s.q + 1, mq: s.q + 1 }, [], { body: false });
      }
      if (skipping(e)) return reply(s, [talk(TALK.cannotSkipLater)], { body: false });
      if (e.kind === 'previous') return s.q > 0 ? reply({ ...s, q: s.q - 1, mq: s.q - 1 }, [], { body: false }) : back(s);
      return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
    },
  },
  tiltsOffer: {
    safety: 'plan',
    stage: 'tiltsOffer',
    view: (_s, other) => ({ ask: [line(other ? TILTS_OFFER_AGAIN : TILTS_OFFER)], reprompt: [line(TILTS_OFFER_AGAIN)] }),
    help: help(TALK.helpWaiting),
    screen: { title: 'Pelvic tilts', hint: null },
    resume: { as: 'tiltsOffer', topic: 'tilts' },
    busy: false,
    longAsk: true,
    ack: 'yes',
    on: offer((s) => tilts(s)),
  },
  tiltsFeel: {
    safety: 'exercise',
    stage: 'tiltsOffer',
    view: () => ({ ask: [line(TILTS_FEEL_ASK)] }),
    help: help(TALK.helpTilts),
    screen: { title: 'Pelvic tilts', hint: 'Say "better", "the same" or "worse"' },
    resume: { as: 'tiltsOffer', topic: 'tilts' },
    busy: true,
    ack: 'fallback',
    on: (s, e) => {
      if (e.kind === 'feel' && e.feeling === 'worse') return painStop(s);
      if (e.kind === 'feel') return advance(s, [line(TILTS_FEEL[e.feeling])]);
      if (skipping(e)) return advance(s, []);
      if (e.kind === 'previous') return enter({ ...s, step: 'tiltsOffer', q: 0 }, []);
      return reply(s, [talk(TALK.helpTilts)], { body: false });
    },
  },
  getUpOffer: {
    safety: 'plan',
    stage: 'getUpOffer',
    view: () => ({ ask: [line(GETUP_OFFER)] }),
    help: help(TALK.helpWaiting),
    screen: { title: 'Getting up', hint: null },
    resume: { as: 'getUpOffer', topic: 'getUp' },
    busy: false,
    ack: 'yes',
    on: offer((s) => beginGetUp(s, [])),
  },
  getUp: {
    safety: 'exercise',
    stage: 'getUpOffer',
    view: (s) => ({ body: [line(getUpRoute(s)[s.q] ?? getUpRoute(s)[0]!)], ask: [line(STEP_DONE_ASK)] }),
    help: help(TALK.helpWaiting),
    screen: { title: (s) => `Getting up: step ${s.q + 1}`, hint: 'Say "next" when you are ready' },
    resume: { as: 'getUp', topic: 'getUp' },
    busy: true,
    ack: 'yes',
    on: (s, e) => {
      if (e.kind === 'feel' && e.feeling === 'worse') return painStop(s);
      // "There's no bed", "I'm on the floor": the floor route, from its start; never a bed edge on the floor.
      if (e.kind === 'position' && e.pos && e.pos !== s.pos) return enter({ ...s, pos: e.pos, q: 0 }, []);
      if (e.kind === 'done' || e.kind === 'yes') {
        // Up: standing now, so the plan offers no way up again.
        return s.q + 1 >= getUpRoute(s).length ? advance({ ...s, pos: 'STANDING' }, [line(LOG_ROLL_DONE)]) : enter({ ...s, q: s.q + 1 }, []);
      }
      if (e.kind === 'skip') return advance(s, []);
      if (e.kind === 'previous') return s.q > 0 ? enter({ ...s, q: s.q - 1 }, []) : back(s);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    },
  },
  painCheck: {
    safety: 'safetyQuestion',
    stage: 'painCheck',
    view: (_s, other) => ({ ask: [line(other ? PAIN_CHECK.askAgain : PAIN_CHECK.ask)], reprompt: [line(PAIN_CHECK.ask), line(T1_LIST)] }),
    help: help(`${TALK.helpScreen} ${TALK.answerHint}`),
    screen: { title: 'Safety check', hint: SAY_YES_NO },
    resume: null,
    busy: false,
    ack: 'ask',
    on: (s, e) => {
      const sign = warningAnswer(s, e, 'PAIN', PAIN_CHECK.heard, PAIN_CHECK.unsure);
      if (sign) return sign;
      if (e.kind === 'no') {
        // Rest, then the plan after what hurt: no more tilts, getting up only when asked again.
        const after = restored(s);
        const stage = STEPS[after.step].stage;
        if (stage === 'position') return enter({ ...after, step: 'position', q: 0 }, [line(PAIN_CHECK.another)]);
        return advance({ ...after, step: stage }, [line(PAIN_CHECK.clear)]);
      }
      return reply(s, [talk(TALK.answerFirst)], { body: false, otherWords: true });
    },
  },
  final: {
    safety: 'plan',
    stage: 'final',
    view: (s, other) => ({ ask: question(FINAL_QUESTIONS[s.q] ?? FINAL_QUESTIONS[0], other), reprompt: question(FINAL_QUESTIONS[s.q] ?? FINAL_QUESTIONS[0], false) }),
    help: help(TALK.helpQuestions),
    screen: { title: 'A few more questions', hint: SAY_YES_NO },
    resume: { as: 'final', topic: 'questions' },
    busy: false,
    ack: 'ask',
    on: (s, e) => atFinal(s, e),
  },
  care: {
    safety: 'plan',
    stage: 'care',
    // Short parts, each its own turn: the heat part offers the timer, the others ask to go on; then the medicine check.
    view: (s, other) => {
      if (s.q >= MEDICINE_PART) {
        const i = Math.min(s.q - MEDICINE_PART, MEDICINE_CHECKS.length - 1);
        const check = MEDICINE_CHECKS[i]!;
        return { body: i === 0 ? [line(MEDICINE_CHECK_INTRO)] : [], ask: [line(other ? check.askAgain : check.ask)], reprompt: [line(check.ask)] };
      }
      const part = SELF_CARE_PARTS[s.q] ?? SELF_CARE_PARTS[0]!;
      return { body: lines(part.lines), ask: [part.id === 'heat' ? line(TIMER_OFFER) : talk(NEXT_PART_QUESTION)] };
    },
    help: (s) => (s.q >= MEDICINE_PART ? TALK.helpQuestions : TALK.helpWaiting),
    screen: { title: 'Looking after your back', hint: null },
    resume: { as: 'care', topic: 'care' },
    busy: false,
    ack: (s) => (s.q >= MEDICINE_PART ? 'ask' : 'yes'),
    on: (s, e) => atCare(s, e),
  },
  close: {
    safety: 'plan',
    stage: 'care',
    view: (s) => {
      const parts = closeParts(s);
      const q = Math.min(s.q, parts.length - 1);
      const last = q + 1 >= parts.length;
      // Asked for by name, the last part is said on the way back to the plan (finishTopic), never as a question here.
      return {
        body: lines(parts[q]!.lines),
        ask: [last ? talk(TALK.menu) : talk(NEXT_PART_QUESTION)],
        reprompt: [last ? talk(TALK.menuShort) : talk(NEXT_PART_QUESTION)],
      };
    },
    help: help(TALK.helpWaiting),
    screen: { title: 'When to see a doctor', hint: null },
    resume: null,
    busy: false,
    ack: 'yes',
    on: (s, e) => {
      const parts = closeParts(s);
      const last = s.q + 1 >= parts.length;
      const next = (x: State): Outcome => {
        if (x.q + 2 < parts.length) return enter({ ...x, q: x.q + 1 }, []);
        // "When to see a doctor" asked for by name: its last part, then back to where the plan was.
        if (x.solo) return finishTopic(x, lines(parts[parts.length - 1]!.lines));
        // The disclaimer, if not heard yet, with the last part: it is said where it is marked as heard.
        return enter({ ...x, q: x.q + 1, disclaimed: true }, x.disclaimed ? [] : [line(DISCLAIMER)]);
      };
      // "Go back" is the part before, at the last part too.
      if (e.kind === 'previous' && s.q > 0) return enter({ ...s, q: s.q - 1 }, []);
      if (s.solo && (last || e.kind === 'no' || e.kind === 'skip')) return finishTopic(s, []);
      // At the last part the question is the menu's: answered as the menu answers it.
      if (last) return STEPS.menu.on({ ...s, step: 'menu', q: 0 }, e);
      if (e.kind === 'yes' || e.kind === 'done') return next(s);
      if (e.kind === 'no' || e.kind === 'skip') return toMenu(s, []);
      if (e.kind === 'previous') return s.solo ? finishTopic(s, []) : enter({ ...s, step: 'care', q: MEDICINE_PART }, []);
      return reply(s, [talk(TALK.takeYourTime)], { body: false });
    },
  },
  menu: {
    safety: 'plan',
    stage: 'menu',
    view: (_s, other) => ({ ask: [talk(other ? TALK.menuShort : TALK.menu)], reprompt: [talk(TALK.menuShort)] }),
    help: help(TALK.helpMenu),
    screen: { title: 'What would you like?', hint: 'Breathing · Positions · Getting up · Heat or ice · Doctor' },
    resume: null,
    busy: false,
    longAsk: true,
    ack: 'fallback',
    on: (s, e) => {
      if (e.kind === 'yes') return reply(s, [], { body: false, otherWords: true });
      if (e.kind === 'no' || skipping(e)) return goodbye(s);
      return reply(s, [talk(TALK.helpMenu)], { body: false });
    },
  },
};

/** The topic a resume offer names; the way down and the close are only carried on within a conversation. */
function resumeTopic(step: StepId): string | undefined {
  return STEPS[step].resume?.topic ?? (step === 'getDown' ? 'getDown' : step === 'close' ? 'close' : undefined);
}

/** "Shall we carry on?" inside a conversation: yes says the instructions; no moves on, the close still to come. */
function atCarryOnOffer(s: State, e: FlowEvent): Outcome {
  const target = restored(s, 'position');
  if (e.kind === 'yes' || e.kind === 'done' || e.kind === 'notSure') {
    if (s.ret) return enterStage(target.step, target, [], target.q);
    if (s.want) return wantedTopic(s, s.want, []);
    return enterStage('position', s, []);
  }
  if (e.kind === 'no' || e.kind === 'skip') {
    if (s.ret) return target.step === 'care' ? careEnd(target, [talk(TALK.thatsFine)]) : advance(target, [talk(TALK.thatsFine)]);
    const plan: State = { ...s };
    delete (plan as { want?: string }).want;
    return enterStage('position', plan, [talk(TALK.thatsFine)]);
  }
  return reply(s, [talk(TALK.notUnderstood)], { body: false });
}

/** The close in short parts; after a same-day answer, that advice instead of the later timeline. */
function closeParts(s: State): readonly PlanPart[] {
  return s.t2 ? CLOSE_PARTS_T2 : CLOSE_PARTS;
}

/** Where they are, to a resting position; over sixty-five, no offer of the way down to the floor. */
function positionLines(s: State): readonly Clinical[] {
  if (s.pregnant) return POSITION_PREGNANT;
  const here = POSITIONS[s.pos ?? 'BED'];
  return s.age === 'over65' ? here.filter((c) => c !== LIE_DOWN_OFFER) : here;
}

/** Lying down was the position stage itself: the plan goes on from there, not back to where it was asked. */
function inPlan(s: State): State {
  const out: State = { ...s, solo: false };
  delete (out as { back?: StepId }).back;
  delete (out as { bq?: number }).bq;
  return out;
}

/** Up from a bed (the log roll) or from the floor: never a bed edge for someone on the floor. */
function getUpRoute(s: State): readonly Clinical[] {
  if (s.pos === 'FLOOR') return FLOOR_GET_UP;
  // In a chair, already sitting: the log roll's last step, up slowly with the legs (S-LOGROLL).
  if (s.pos === 'SITTING') return LOG_ROLL.slice(-1);
  // Pregnant: she is already on her side (S-NHSPREG); the roll starts there, not flat on the back.
  return s.pregnant ? LOG_ROLL.slice(1) : LOG_ROLL;
}

function atBreathing(s: State, e: FlowEvent): Outcome {
  if (e.kind === 'yes' || e.kind === 'longer') return breathe(s, []);
  if (e.kind === 'pace') return breathe({ ...s, pace: e.pace }, [], e.pace !== s.pace);
  if (e.kind === 'no' || skipping(e)) return s.emergency ? goodbye(s) : advance(s, []);
  if (e.kind === 'previous') return back(s);
  return reply(s, [talk(TALK.takeYourTime)], { body: false });
}

function atFinal(s: State, e: FlowEvent): Outcome {
  const q = FINAL_QUESTIONS[s.q] ?? FINAL_QUESTIONS[0]!;
  const t3 = (x: State): Outcome => nextFinal({ ...x, t3: true }, s.q + 1, x.t3 || x.t2 ? [] : [line(T3_ADVICE)]); // said once; T2 already asks for more
  if (e.kind === 'yes' || e.kind === 'notSure') {
    switch (q.onYes) {
      case 'firstTime':
        // First-ever back pain matters with age: over fifty or under twenty (S-AHCPR).
        return overFifty(s) || s.age === 'under20' ? t3({ ...s, first: true }) : nextFinal({ ...s, first: true }, s.q + 1, []);
      case 'pregnant':
        // Q13 is T3 in the clinical table, and changes the advice that follows (S-NHSPREG, S-NSAID).
        return nextFinal({ ...s, pregnant: true, t3: true }, s.q + 1, [line(PREGNANT_NOTED), ...(s.t3 || s.t2 ? [] : [line(T3_ADVICE)])]);
      default:
        return t3(q.id === 'Q12B' ? { ...s, age: 'over50' } : q.id === 'Q12C' ? { ...s, age: 'under20' } : s);
    }
  }
  if (e.kind === 'age') {
    // "I'm 55" to "Are you over fifty?" is the answer, not a new fact.
    const band = ageBand(e.years);
    if (!band) return reply(s, [talk(TALK.yesOrNo)], { body: false });
    const aged: State = { ...s, age: band };
    return s.first && band !== 'adult' ? t3(aged) : nextFinal(aged, s.q + 1, []);
  }
  if (e.kind === 'no') return nextFinal(q.id === 'Q12C' ? { ...s, age: 'adult' } : s, s.q + 1, []);
  if (e.kind === 'done' || e.kind === 'skip') return advance(s, []);
  if (e.kind === 'previous') {
    // The question before that was asked: the age questions are not, after a no to Q12A.
    let before = s.q - 1;
    while (before >= 0 && !finalApplies(FINAL_QUESTIONS[before], s)) before--;
    return before >= 0 ? reply({ ...s, q: before }, [], { body: false }) : back(s);
  }
  return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
}

function atCare(s: State, e: FlowEvent): Outcome {
  if (s.q >= MEDICINE_PART) {
    // The medicine-caution questions (S-NSAID): any yes, a pharmacist first; all no, the anti-inflammatory.
    if (e.kind === 'yes' || e.kind === 'notSure') return careEnd(s, [line(MEDICINE_ASK_PHARMACIST)]);
    if (e.kind === 'no') return s.q + 1 - MEDICINE_PART < MEDICINE_CHECKS.length ? enter({ ...s, q: s.q + 1 }, []) : careEnd(s, [line(MEDICINE_OK)]);
    if (e.kind === 'skip' || e.kind === 'done') return careEnd(s, []);
    if (e.kind === 'previous') return enter({ ...s, q: s.q - 1 }, []);
    return reply(s, [talk(TALK.notUnderstood)], { body: false, otherWords: true });
  }
  const part = SELF_CARE_PARTS[s.q] ?? SELF_CARE_PARTS[0]!;
  if (part.id === 'heat' && e.kind === 'yes') return setAlert({ ...s, ret: 'care', rq: s.q + 1 }, { p: 'timer' });
  // Heat or ice asked for by name: the heat and cold parts, then back to where the plan was.
  const lastOfTopic = s.solo && part.id === 'cold';
  // "No" to "Want the next part?": the plan stops here, and the close (the safety net) still comes.
  if (e.kind === 'no' && part.id !== 'heat') return s.solo ? finishTopic(s, []) : careEnd(s, []);
  if (e.kind === 'done' || e.kind === 'yes' || e.kind === 'skip' || e.kind === 'no') {
    if (lastOfTopic) return finishTopic(s, []);
    return s.q + 1 >= MEDICINE_PART ? medicine(s) : enter({ ...s, q: s.q + 1 }, []);
  }
  if (e.kind === 'previous') return s.q > 0 ? enter({ ...s, q: s.q - 1 }, []) : back(s);
  return reply(s, [talk(TALK.takeYourTime)], { body: false });
}

const ids = (pred: (spec: StepSpec) => boolean): ReadonlySet<StepId> =>
  new Set((Object.keys(STEPS) as StepId[]).filter((k) => pred(STEPS[k])));

/** Steps that may come before Q1-Q5 are cleared: questions only. */
export const BEFORE_CLEARED = ids((x) => x.safety === 'screen' || x.safety === 'safetyQuestion' || x.safety === 'question' || x.safety === 'anytime');
/** Steps that may follow an emergency: nothing there asks the person to move. */
export const SAFE_AFTER_EMERGENCY = ids((x) => x.safety === 'safeAfterEmergency' || x.safety === 'anytime');
/** Safety questions that stand alone: nothing but an answer (or help, repeat, stop) moves past them. */
export const SAFETY_QUESTIONS = ids((x) => x.safety === 'safetyQuestion');
/** Exercise and getting up: only after Q6-Q11 in this conversation. */
export const EXERCISE_STEPS = ids((x) => x.safety === 'exercise');

/** What "okay" means at this step. */
export function ackAt(s: State): AckMeaning {
  const a = STEPS[s.step].ack;
  return typeof a === 'function' ? a(s) : a;
}
