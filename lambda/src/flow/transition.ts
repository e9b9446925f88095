/**
 * The router and the guard. `transition()` is the whole conversation as a pure function: the state before,
 * what the person did, the state after and what to say. No I/O, no clock, no randomness. Events that mean the
 * same at every step are routed here; everything else goes to the step's own answer in the catalogue
 * (steps.ts); and every outcome, whatever decided it, passes the guard.
 */
import {
  AGE_NOTED, ALONE_CALM, ALONE_EMERGENCY, CALL_CANT, CALL_HOW, CALL_HOW_URGENT, CALL_IF_EMERGENCY, CALL_NOW, CONTACT_CALL,
  factHeard, HEARD_CALLED, HEARD_SIGN, HELP_COMING, HELP_HERE, PREGNANT_NOTED, PREGNANT_NOTED_EMERGENCY, SAFETY_NET, SCARED_CALM, SCARED_EMERGENCY, HELP_ON_THE_WAY, ALONE_HELP_COMING, COMPANY_EMERGENCY,
  SCARED_SCREENING, T1_REMINDER, WHILE_YOU_WAIT, type FactId,
} from '../content/emergency';
import { ANSWERS, type QuestionId } from '../content/answers';
import { BREATHING_DIZZY, DIZZY_SAFETY } from '../content/breathing';
import { TILTS_SKIP_PREGNANT, TILTS_SKIP_T2 } from '../content/guidance';
import { SCREEN, T2_ADVICE } from '../content/screen';
import { PREGNANT_ASK_PHARMACIST, WHEN_TO_SEE_DOCTOR } from '../content/selfcare';
import { TALK } from '../content/talk';
import { alertDone, offerReminder, permissionAnswer, setAlert, withoutAlert } from './alerts';
import type { FlowEvent } from './events';
import { recentlyCleared, resumePoint } from './memory';
import { enter, reply, type FlowContext, type Outcome } from './outcome';
import {
  afterLater, checkSign, emergency, emergencyBody, emergencyHold, enterStage, goodbye, groupOf, keepAboutThem, laterQuestions, returnTo,
  ageBand, greet, sideTrip, startScreen, startTopic, waitHeard,
} from './plan';
import { line, talk, type Part, type Reply } from './reply';
import { initialState, type State, type StepId, type TopicId } from './state';
import { ackAt, BEFORE_CLEARED, EXERCISE_STEPS, SAFE_AFTER_EMERGENCY, SAFETY_QUESTIONS, STEPS } from './steps';

export type { Effect, FlowContext, LocalTime, Outcome } from './outcome';
export { BEFORE_CLEARED, EXERCISE_STEPS, SAFE_AFTER_EMERGENCY } from './steps';
export { groupOf } from './plan';

export function transition(prev: State | undefined, event: FlowEvent, context: FlowContext = {}): Outcome {
  return guard(decide(prev, event, context));
}

// ---------------------------------------------------------------------------------------------
// Safety guard: applied to every outcome, whatever decided it.

const partsOf = (reply: Reply): readonly Part[] => [...reply.say, ...(reply.ask ?? []), ...(reply.reprompt ?? [])];
const saysMovement = (reply: Reply): boolean => partsOf(reply).some((p) => ('line' in p && p.line.moves === true) || 'tilts' in p);
const saysExercise = (reply: Reply): boolean => partsOf(reply).some((p) => ('line' in p && p.line.exercise === true) || 'tilts' in p);
const saysTilts = (reply: Reply): boolean => partsOf(reply).some((p) => 'tilts' in p);

/** Exported for its own unit tests: on the flow's reachable paths the steps never give it anything to catch. */
export function guard(out: Outcome): Outcome {
  const { state, reply } = out;
  // Timers and reminders belong to the self-care plan: never after a warning sign, never before the screen.
  if (out.effect?.kind === 'alert' && (state.emergency || !state.cleared)) {
    const calm = withoutAlert(state);
    return state.emergency ? emergencyHold(calm, false) : startScreen({ ...calm, step: 'screen', q: 0 }, [talk(TALK.newSessionNoContext)]);
  }
  // After a warning sign: only the steps that are safe while help comes, and no movement in any words.
  if (state.emergency) {
    if (saysMovement(reply) || !SAFE_AFTER_EMERGENCY.has(state.step)) return { ...emergencyHold(state, reply.end), ...(out.effect ? { effect: out.effect } : {}) };
    return out;
  }
  // Movement advice only after Q1-Q5 were all answered no in this session (or a valid short check).
  if (!state.cleared && (saysMovement(reply) || (!reply.end && !BEFORE_CLEARED.has(state.step)))) {
    return startScreen({ ...state, step: 'screen', q: 0 }, [talk(TALK.newSessionNoContext)]);
  }
  // Exercise and getting up only after Q6-Q11 in this session.
  if ((saysExercise(reply) || EXERCISE_STEPS.has(state.step)) && !state.later) {
    const stage = STEPS[state.step].stage;
    const want: TopicId | undefined = stage === 'getUpOffer' ? 'getUp' : stage === 'tiltsOffer' ? 'tilts' : state.want;
    return laterQuestions({ ...state, ...(want ? { want } : {}) }, [talk(TALK.laterFirst)], false);
  }
  // Tilts lie flat on the back: never after a T2 answer, nor in pregnancy (S-NHSPREG).
  if ((saysTilts(reply) || state.step === 'tiltsFeel') && (state.t2 || state.pregnant)) {
    return enterStage('getUpOffer', { ...state, solo: false }, [line(state.t2 ? TILTS_SKIP_T2 : TILTS_SKIP_PREGNANT)]);
  }
  return out;
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

/** Steps that ask the safety questions: "why?" there is about the questions. */
const QUESTION_STEPS = new Set<StepId>(['screen', 'rescreen', 'checkSign', 'signCheck', 'painCheck', 'more', 'final']);

// "I've called 911" is heard at a safety question too: it is an emergency the person has already acted on.
const ALWAYS_HEARD = new Set<FlowEvent['kind']>(['stop', 'help', 'why', 'repeat', 'startOver', 'call', 'helpHere', 'helpComing']);

function decide(before: State | undefined, event: FlowEvent, context: FlowContext): Outcome {
  // A first turn that is not an opening (a sign, a question, "I'm pregnant") still keeps the saved pace.
  const blank = remembered(context);
  // "How do I get out of bed?" says where they are, too.
  const prev = before && event.kind === 'topic' && event.pos ? { ...before, pos: event.pos } : before;
  if (event.kind === 'yes' && event.meant) {
    const corrected = prev && !prev.emergency ? meantYes(prev) : undefined;
    if (corrected) return corrected;
    return decide(before, { kind: 'yes' }, context);
  }
  switch (event.kind) {
    // A red flag said at any moment outranks everything else (docs/clinical/reference.md: the safety screen).
    case 'emergency':
      if (event.sign) return emergency(prev ?? blank, event.sign, HEARD_SIGN[event.sign]);
      // Already an emergency: the number and what to do again, never a read-back of what they may not have said.
      if (prev?.emergency) return emergencyHold(prev, false);
      return checkSign(prev ?? blank, event.urgent === true);
    case 'call':
      return callRequest(prev ?? blank, event.urgent);
    case 'helpHere':
      return { state: { ...(prev ?? blank), step: 'emergency', emergency: prev?.emergency ?? 'CALLED' }, reply: { say: [line(HELP_HERE)], end: true } };
    case 'helpComing': {
      // Help is coming: the question is the offer for while they wait, and what to do while waiting if not heard yet.
      const s: State = { ...(prev ?? blank), step: 'emergency', q: 1, emergency: prev?.emergency ?? 'CALLED', called: true };
      const wait = prev?.emergency && !waitHeard(prev) ? [line(WHILE_YOU_WAIT[groupOf(prev.emergency)])] : [];
      return reply(s, [...(prev?.emergency ? [] : [line(HEARD_CALLED)]), line(HELP_COMING), ...wait], { body: false });
    }
    case 'alone':
      if (prev?.emergency && prev.called) return reply({ ...prev, step: 'emergency', q: 1 }, [line(ALONE_HELP_COMING)], { body: false });
      if (prev?.emergency) {
        // Other ways to get help, and what to do while waiting if the first emergency reply was all they heard.
        const wait = waitHeard(prev) ? [] : [line(WHILE_YOU_WAIT[groupOf(prev.emergency)])];
        return reply({ ...prev, step: 'emergency', q: 1 }, [line(ALONE_EMERGENCY), line(CONTACT_CALL), ...wait], { body: false });
      }
      return noted(prev, prev ?? blank, [line(ALONE_CALM)]);
    case 'company': {
      const s: State = { ...(prev ?? blank), company: true };
      if (s.emergency) return reply({ ...s, step: 'emergency', q: 1 }, [line(COMPANY_EMERGENCY)], { body: false });
      // An older person told to get down only with someone there to help them up: now the way down.
      if (prev?.step === 'positionHold' && s.age === 'over65' && (s.pos === 'STANDING' || s.pos === 'SITTING') && s.cleared) return startTopic(s, 'lieDown', [talk(TALK.company)]);
      return noted(prev, s, [talk(TALK.company)]);
    }
    case 'scared':
      // The number again, unless they have called: then that help is on its way.
      if (prev?.emergency) return reply({ ...prev, step: 'emergency' }, [line(SCARED_EMERGENCY), line(prev.called ? HELP_ON_THE_WAY : CALL_NOW[groupOf(prev.emergency)])], { body: false });
      // No reassurance before the warning signs are ruled out.
      return noted(prev, prev ?? blank, [line(prev?.cleared ? SCARED_CALM : SCARED_SCREENING)]);
    case 'fact':
      return fact(prev, event.fact, blank);
    case 'question':
      if (prev && SAFETY_QUESTIONS.has(prev.step)) break;
      return answer(prev, event.question, blank);
    case 'dizzy':
      if (prev && SAFETY_QUESTIONS.has(prev.step)) break;
      return dizzy(prev, blank);
    case 'pregnant':
      // Said at the tilts (done on the back): noted, and the tilts left out (S-NHSPREG).
      if (prev && !prev.emergency && STEPS[prev.step].stage === 'tiltsOffer') return enterStage('tiltsOffer', { ...prev, pregnant: true }, [line(PREGNANT_NOTED)]);
      return noted(prev, { ...(prev ?? blank), pregnant: true }, [line(prev?.emergency ? PREGNANT_NOTED_EMERGENCY : PREGNANT_NOTED)]);
    case 'age': {
      if (prev?.step === 'final' && !prev.emergency) return STEPS.final.on(prev, event);
      if (prev?.step === 'downAge' && !prev.emergency) return STEPS.downAge.on(prev, event);
      const band = ageBand(event.years);
      return noted(prev, { ...(prev ?? blank), ...(band ? { age: band } : {}) }, [line(AGE_NOTED)]);
    }
    case 'forget': {
      const s = prev ?? blank;
      // "Forget me" again, to "Shall I forget?": that is the yes.
      if (s.step === 'forgetConfirm') return STEPS.forgetConfirm.on(s, { kind: 'yes' });
      return enter({ ...s, step: 'forgetConfirm', ret: s.step, rq: s.q }, []);
    }
    case 'forgotten':
      return returnTo(prev ?? blank, [talk(event.ok ? TALK.forgetDone : TALK.forgetFailed)]);
    case 'alertDone':
      if (prev) return alertDone(prev, event.result);
      break;
    case 'permission':
      if (prev) return permissionAnswer(prev, event.answer);
      break;
    default:
      break;
  }
  if (!prev) return fromNothing(event, context);
  const s = prev;
  // A pending safety question is answered before anything else moves on (help, repeat and stop still work).
  if (SAFETY_QUESTIONS.has(s.step) && !ALWAYS_HEARD.has(event.kind)) return STEPS[s.step].on(s, event);
  if (event.kind === 'ack') return acknowledged(s);
  // A returning person asked whether to carry on, before the short check: what they ask for comes after it.
  if (s.step === 'resumeOffer' && !s.cleared && (event.kind === 'topic' || event.kind === 'timer' || event.kind === 'reminder' || event.kind === 'menu')) {
    return beforeTheCheck(s, event.kind === 'topic' ? event.topic : undefined);
  }
  // "Ouch" at a question: kindly, then the same question (steps where the person moves stop and check instead).
  if (event.kind === 'feel' && event.feeling === 'worse' && !STEPS[s.step].busy && s.step !== 'tiltsFeel') {
    return reply(s, [talk(TALK.sorryItHurts)], { body: false });
  }

  switch (event.kind) {
    case 'stop':
      return goodbye(s);
    case 'help':
      // "What do I do?" after a warning sign: the number first, again.
      if (s.emergency) return reply(s, [line(T1_REMINDER), talk(TALK.helpEmergency)], { body: false });
      // What they can say here, in one sentence, and what the skill can do, in one more.
      return reply(s, [talk(STEPS[s.step].help(s)), talk(s.cleared ? TALK.helpCan : TALK.helpCanEarly)], { body: false });
    case 'why':
      // Why the questions: in one short sentence, then the same question again (nothing moves on).
      return reply(s, [talk(s.emergency ? TALK.whyEmergency : QUESTION_STEPS.has(s.step) ? TALK.whyAsk : TALK.whyPlan)], { body: false });
    case 'repeat':
      // After an emergency, "repeat" and "what?" give the number first, again.
      if (s.emergency && s.step !== 'emergency') return reply(s, emergencyBody(s), { body: false });
      return reply(s, [], { body: true });
    case 'fallback':
    case 'unsupported':
      // Words not placed while waiting for help ("what should I do?"): the number and what to do, again.
      if (s.emergency && s.step === 'emergency') return emergencyHold(s, false);
      return reply(s, [talk(STEPS[s.step].busy ? TALK.takeYourTime : TALK.notUnderstood)], { body: false, otherWords: true });
    case 'startOver':
      // A warning sign heard in this session cannot be taken back by starting over.
      if (s.emergency) return emergencyHold(s, false);
      return startScreen({ ...initialState(), pace: s.pace, disclaimed: s.disclaimed, ...keepAboutThem(s) }, [talk(TALK.greetingAgain)]);
    case 'launch':
    case 'entry':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      if (s.emergency) return emergencyHold(s, false);
      return reply(s, [talk(TALK.stillHere)], { body: true });
    case 'topic':
      if (s.step === 'screen') return reply({ ...s, want: event.topic }, [talk(TALK.afterScreen)], { body: false });
      return sideTrip(s, event.topic, []);
    case 'timer':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      return setAlert({ ...s, ret: s.step, rq: s.q }, { p: 'timer' });
    case 'reminder':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      // "Remind me" again, to "Shall I remind you ...?" about the same thing: that is the yes.
      if (s.step === 'reminderConfirm' && s.alert && (s.alert.p === 'checkIn') === (event.plan === 'checkIn')) return STEPS.reminderConfirm.on(s, { kind: 'yes' });
      return offerReminder({ ...s, ret: s.step === 'reminderConfirm' ? s.ret : s.step, rq: s.step === 'reminderConfirm' ? s.rq : s.q }, event.plan, context.local);
    case 'menu':
      if (s.step === 'screen') return reply(s, [talk(TALK.finishScreenFirst)], { body: false });
      return enter({ ...s, step: 'menu', q: 0, solo: false }, [], [talk(TALK.menuShort)]);
    default:
      return STEPS[s.step].on(s, event);
  }
}

/**
 * Something asked for at "Shall we carry on with ...?", before the returning person's short check: a topic
 * instead of carrying on comes right after the check (and any questions it needs); a timer, a reminder or the
 * menu is asked for again after it (the check may end in an emergency, where neither is given).
 */
function beforeTheCheck(s: State, topic: TopicId | undefined): Outcome {
  const check: State = { ...s, step: 'rescreen', q: 0 };
  if (!topic) return enter(check, [talk(TALK.finishCheckFirst)]);
  const { ret: _ret, rq: _rq, ...rest } = check;
  return enter({ ...rest, want: topic }, [talk(TALK.afterScreen)]);
}

/** A new conversation's state: the saved pace, and whether the disclaimer was heard before. */
function remembered({ memory }: FlowContext): State {
  return { ...initialState(), ...(memory?.pace ? { pace: memory.pace } : {}), ...(memory?.disclaimed ? { disclaimed: true } : {}) };
}

/** A request that arrives with no conversation behind it: a new session, or state that could not be read. */
function fromNothing(event: FlowEvent, context: FlowContext): Outcome {
  const { memory, now = 0 } = context;
  const fresh: State = { ...remembered(context), ...(event.kind === 'topic' && event.pos ? { pos: event.pos } : {}) };
  const opening = event.kind === 'launch' || event.kind === 'entry' || event.kind === 'topic';
  if (memory && opening) {
    const want = event.kind === 'topic' ? { want: event.topic } : {};
    // The short check only for someone whose last conversation, under two hours ago, cleared Q1-Q5 (docs/clinical/reference.md).
    if (recentlyCleared(memory, now)) {
      const resume = event.kind === 'topic' ? undefined : resumePoint(memory, now);
      if (resume) {
        const offer: State = { ...fresh, step: 'resumeOffer', q: 0, ret: resume.step, rq: resume.q, ...(resume.pos ? { pos: resume.pos } : {}) };
        return enter(offer, [talk(TALK.welcomeBack)]);
      }
      return enter({ ...fresh, ...want, step: 'rescreen', q: 0 }, [talk(TALK.welcomeBack)]);
    }
    return startScreen({ ...fresh, ...want }, [talk(TALK.welcomeBack), talk(TALK.newSessionNoContext)]);
  }
  switch (event.kind) {
    case 'launch':
    case 'entry':
    // Opened by name with words the model could not place ("my back went out and I'm on the floor"): the same calm start.
    case 'fallback':
      return greet(fresh);
    case 'stop':
      return goodbye(fresh);
    case 'help':
      return startScreen(fresh, [talk(TALK.helpScreen)]);
    case 'topic':
      // "Alexa, ask back helper how do I get out of bed": screen first, then straight to it.
      return greet({ ...fresh, want: event.topic });
    default:
      // "Yes" after the session ended, or an unknown intent: say honestly where we are.
      return startScreen(fresh, [talk(TALK.newSessionNoContext)]);
  }
}

/** "Okay": a yes to an offer; at a question about symptoms it could mean "I heard you", so it is asked again. */
function acknowledged(s: State): Outcome {
  const meaning = ackAt(s);
  if (meaning === 'yes') return STEPS[s.step].on(s, { kind: 'yes' });
  if (meaning === 'fallback') return STEPS[s.step].on(s, { kind: 'fallback' });
  return reply(s, [talk(TALK.yesOrNo)], { body: false });
}

/** Something said that changes the advice without alarm: noted, then the same question again. */
function noted(prev: State | undefined, s: State, opening: readonly Part[]): Outcome {
  if (!prev) return startScreen(s, [talk(TALK.greeting), ...opening]);
  if (s.emergency) return reply({ ...s, step: 'emergency' }, opening, { body: false });
  return reply(s, opening, { body: false });
}

/** A T2 fact said at any moment: said back, then same-day advice, never the emergency number. */
function fact(prev: State | undefined, f: FactId, blank: State): Outcome {
  const s: State = { ...(prev ?? blank), t2: true, later: true };
  const advice = prev?.t2 ? [line(factHeard(f))] : [line(factHeard(f)), line(T2_ADVICE)];
  // Said during Q6-Q11 ("yes, I have osteoporosis"): a same-day answer settles them, as a yes does; asking on
  // would ask it again.
  if (prev?.step === 'more' && !prev.emergency) return afterLater(s, advice);
  return noted(prev, s, advice);
}

/** The screen question asked again on its own, then back to where the person was. */
function askAgain(s: State, id: string, opening: readonly Part[]): Outcome {
  const q = Math.max(0, SCREEN.findIndex((x) => x.id === id));
  // Already the question on the table: asked once more, in its other words ("Do you feel like you might pass out?").
  if ((s.step === 'screen' || s.step === 'signCheck') && s.q === q) return reply(s, opening, { body: false, otherWords: true });
  const from: StepId = s.step === 'signCheck' ? (s.ret ?? 'screen') : s.step;
  return enter({ ...s, step: 'signCheck', q, ret: from, rq: s.step === 'signCheck' ? (s.rq ?? 0) : s.q }, opening);
}

/**
 * A question people ask out loud, at any step: two or three short sentences, then the step's own question
 * again, so the plan carries on. Movement lines only once the screen is clear and no warning sign was heard.
 */
function answer(prev: State | undefined, q: QuestionId, blank: State): Outcome {
  const s = prev ?? blank;
  const a = ANSWERS[q];
  const safe = s.cleared === true && !s.emergency;
  // After a same-day answer, no later timeline to contradict it: the same-day advice instead.
  const timeline = (c: (typeof a.says)[number]) => s.t2 === true && WHEN_TO_SEE_DOCTOR.includes(c);
  // Movement and reassurance wait for a clear screen: "you don't need to go now" is not known before it.
  const kept = a.says.filter((c) => (safe || (!c.moves && !c.reassures)) && !timeline(c));
  const says = [
    ...kept.map((c) => line(c)),
    ...(a.says.some(timeline) ? [line(T2_ADVICE)] : []),
    ...(a.medicine && s.pregnant ? [line(PREGNANT_ASK_PHARMACIST)] : []),
  ];
  // "Is it a heart attack?": the chest question at once (docs/clinical/reference.md: the safety screen).
  if (a.askChest && !s.emergency) return askAgain(prev ? s : { ...s, step: 'screen', q: 0 }, 'Q2A', says);
  // Asked from outside the skill: the answer is the first thing said, then the questions.
  if (!prev) return startScreen(a.needsMedicineCheck ? { ...s, want: 'painRelief' } : s, says);
  if (a.needsMedicineCheck && !s.pregnant) {
    if (!safe) return reply({ ...s, ...(s.emergency ? {} : { want: 'painRelief' as TopicId }) }, [...says, ...(s.emergency ? [] : [talk(TALK.afterScreen)])], { body: false });
    return sideTrip(s, 'painRelief', says);
  }
  if (s.emergency) return reply({ ...s, step: s.step }, says, { body: false });
  // A step with a long question asks its short form after the answer (the catalogue's longAsk).
  return reply(s, says, { body: false, otherWords: STEPS[s.step].longAsk === true });
}

/**
 * "I meant yes", "actually yes": a correction of the answer just given. During the safety questions the answer
 * just given was a no to the question before this one: it is a yes to that one (a warning sign: the number; a
 * Q6-Q11 answer: the same-day advice). Just after a clear screen, which question is not known: the one check
 * question about the signs. Anywhere else it is a plain yes (undefined here).
 */
function meantYes(s: State): Outcome | undefined {
  if (s.step === 'screen' && s.q > 0) {
    const q = SCREEN[s.q - 1]!;
    return emergency(s, q.id, q.heard);
  }
  if (s.step === 'more' && s.q > 0) return STEPS.more.on({ ...s, q: s.q - 1, mq: s.q - 1 }, { kind: 'yes' });
  if (s.step === 'position' && s.cleared && !s.pos && !s.later) return checkSign(s);
  return undefined;
}

/** "I feel dizzy": during breathing, smaller breaths; anywhere else, the faint question on its own. */
function dizzy(prev: State | undefined, blank: State): Outcome {
  const s = prev ?? blank;
  if (s.emergency) return reply(s, [line(WHILE_YOU_WAIT.faint)], { body: false });
  if (s.step === 'breathing' || s.step === 'breathingOffer') return reply(s, [line(BREATHING_DIZZY), line(DIZZY_SAFETY)], { body: false });
  return askAgain(prev ? s : { ...s, step: 'screen', q: 0 }, 'Q2D', []);
}

/** "Call 911", "call my wife": the skill can't; it says how, and closes so Alexa's own calling can hear them. */
function callRequest(s: State, urgent: boolean): Outcome {
  if (urgent || s.emergency) {
    const cause = s.emergency ?? 'CALL';
    const state: State = { ...s, step: 'emergency', q: 0, emergency: cause };
    return { state, reply: { say: [line(CALL_NOW[groupOf(cause)]), line(CALL_CANT), line(CALL_HOW_URGENT)], end: true } };
  }
  return { state: s, reply: { say: [line(CALL_CANT), line(CALL_IF_EMERGENCY), line(CALL_HOW)], end: true } };
}
