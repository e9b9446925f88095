/**
 * Moving through the plan: the order of stages, entering a stage, the emergency, topics asked for by name,
 * and the ways a conversation ends. Each step's own answers live in the catalogue (steps.ts).
 */
import { BREATHING_LAST_SET, BREATHS_PER_SET, breathingLead, MAX_SETS } from '../content/breathing';
import {
  CALL_NOW, CALL_OUT, CHECK_SIGN_LEAD, CALM_START, CANT_CALL, CONTACT_CALL, DISCLAIMER, HEARD_CALLED, HEARD_EMERGENCY, HEARD_SIGN, HEARD_UNKNOWN, isSignId, SAFETY_NET, SIGN_GROUP,
  NO_PACING_NOW, T1_REMINDER, WHILE_YOU_WAIT,
} from '../content/emergency';
import { CLEAR, DOWN_STAY_SUPPORTED, LIE_DOWN_OFFER, PAIN_CHECK, PAIN_STOP, TILT_REPS, TILTS_SETUP, TILTS_SKIP_PREGNANT, TILTS_SKIP_T2, TILTS_SKIP_UPRIGHT } from '../content/guidance';
import {
  FINAL_QUESTIONS, MORE_QUESTIONS, MORE_QUESTIONS_INTRO, RESCREEN_HEARD, SCREEN, T2_ADVICE, type EmergencyGroup, type LaterQuestion,
} from '../content/screen';
import { PREGNANT_ASK_PHARMACIST, SELF_CARE_PARTS } from '../content/selfcare';
import { TALK } from '../content/talk';
import type { Clinical } from '../content/types';
import { enter, prompt, reply, type Outcome } from './outcome';
import { line, lines, talk, type Part } from './reply';
import type { EmergencyCause, State, StepId, TopicId } from './state';
import { STEPS } from './steps';

/** The plan after a clear screen, in order. Q6-Q11 come before the tilts so nobody exercises a possible fracture or infection. */
export const PLAN: readonly StepId[] = ['position', 'breathingOffer', 'more', 'tiltsOffer', 'getUpOffer', 'final', 'care', 'menu'];

/** Standing or sitting: not lying on a bed or the floor. */
const upright = (s: State): boolean => s.pos === 'STANDING' || s.pos === 'SITTING';

/**
 * The way up, from where they are: a bed, the floor or a chair. Where they are not known yet, that is asked
 * first (never a bed edge for someone who may be on the floor); the place then leads straight here.
 */
export function beginGetUp(s: State, opening: readonly Part[]): Outcome {
  if (!s.pos) return reply({ ...s, step: 'position', q: 0, want: 'getUp' }, opening, { body: false, otherWords: true });
  return enter({ ...s, step: 'getUp', q: 0 }, opening);
}

/** The next stage of the plan, or the menu after something asked for by name. */
export function advance(s: State, opening: readonly Part[]): Outcome {
  if (s.solo) return finishTopic(s, opening);
  const i = PLAN.indexOf(STEPS[s.step].stage);
  return enterStage(PLAN[i + 1] ?? 'menu', s, opening);
}

export function back(s: State): Outcome {
  const i = PLAN.indexOf(STEPS[s.step].stage);
  const out = enterStage(PLAN[Math.max(0, i - 1)] ?? 'position', s, []);
  // Nothing before this that still applies: say so, not the same question in silence.
  if (out.state.step === s.step && out.state.q === s.q) return reply(out.state, [talk(TALK.atStart)], { body: false });
  return out;
}

export function enterStage(stage: StepId, s: State, opening: readonly Part[], q = 0): Outcome {
  const base: State = { ...s, step: stage, q };
  switch (stage) {
    case 'breathingOffer':
      return enter({ ...base, sets: 0 }, opening);
    case 'more':
      return s.later ? advance(base, opening) : laterQuestions(base, opening);
    case 'tiltsOffer':
      // Tilts lie flat on the back: not after a T2 answer, not in pregnancy (S-NHSPREG), not standing or sitting.
      if (s.t2 || s.pregnant || upright(s)) {
        const skip = s.t2 ? TILTS_SKIP_T2 : s.pregnant ? TILTS_SKIP_PREGNANT : TILTS_SKIP_UPRIGHT;
        // Said once: a topic asked for by name may have just said it.
        return enterStage('getUpOffer', base, opening.some((p) => 'line' in p && p.line === skip) ? opening : [...opening, line(skip)]);
      }
      return enter(base, opening);
    case 'getUpOffer':
      // Standing, they are up already: no way up from a bed or the floor (sitting: the way up from a chair).
      return s.pos === 'STANDING' ? enterStage('final', base, opening) : enter(base, opening);
    case 'final':
      return nextFinal(base, q, opening);
    case 'care':
      return enter(base, opening);
    case 'menu':
      return toMenu(s, opening);
    default:
      return enter(base, opening);
  }
}

/** The step an interruption (a check, forget me, a timer) came from, with the interruption's marks removed. */
export function restored(s: State, fallback: StepId = 'screen'): State {
  const target: State = { ...s, step: s.ret ?? fallback, q: s.rq ?? s.q };
  delete (target as { ret?: StepId }).ret;
  delete (target as { rq?: number }).rq;
  return target;
}

/** Back to where 'checkSign' or 'forgetConfirm' interrupted. */
export function returnTo(s: State, opening: readonly Part[]): Outcome {
  return reply(restored(s), opening, { body: false });
}

/** A topic asked for by name is done: back to where the plan was (a stack of one), or the menu. */
export function finishTopic(s: State, opening: readonly Part[], carryOnLine = true): Outcome {
  const { back, bq } = s;
  const rest: State = { ...s, solo: false };
  delete (rest as { back?: StepId }).back;
  delete (rest as { bq?: number }).bq;
  if (back === 'position' && rest.pos) {
    // The place is known. Just settled in a resting position: the plan goes on from there, not "where are you?"
    // again. Interrupted in one: the offer to carry on with it.
    if (s.step === 'positionHold') return enterStage(PLAN[PLAN.indexOf('position') + 1]!, rest, [...opening, ...(carryOnLine ? [talk(TALK.backToPlan)] : [])]);
    return carryOnOffer({ ...rest, step: 'positionHold', q: 0 }, opening);
  }
  if (back && back !== 'menu') {
    const target: State = { ...rest, step: back, q: bq ?? 0 };
    // Instructions to say again (a self-care part, a step of getting up): asked first, so they are their own turn.
    if (STEPS[back].view(target, false).body?.length) return carryOnOffer(target, opening);
    return enterStage(back, rest, [...opening, ...(carryOnLine ? [talk(TALK.backToPlan)] : [])], bq ?? 0);
  }
  return toMenu(rest, opening);
}

/**
 * "Shall we carry on with ...?" (the resume offer, inside a conversation): what was said stays a short turn, and
 * the instructions of `target` come with a yes (STEPS.resumeOffer).
 */
export function carryOnOffer(target: State, opening: readonly Part[]): Outcome {
  return enter({ ...target, step: 'resumeOffer', q: 0, ret: target.step, rq: target.q }, opening);
}

/** Topics that start with advice or a minute of breathing: after the reassurance of a clear screen, asked for first. */
const OFFERED_FIRST: ReadonlySet<TopicId> = new Set(['heatIce', 'painRelief', 'doctor', 'breathing']);

/** A topic asked for in the middle of something: remember where, so the conversation comes back. */
export function sideTrip(s: State, topic: TopicId, opening: readonly Part[]): Outcome {
  const interrupted = STEPS[s.step].safety === 'plan' || STEPS[s.step].safety === 'movement' || STEPS[s.step].safety === 'exercise' || s.step === 'breathing' || s.step === 'breathingOffer';
  // From "Shall we carry on with ...?", the way back is to what it offered.
  if (s.step === 'resumeOffer' && s.cleared && s.ret && !s.solo) return startTopic({ ...s, back: s.ret, bq: s.rq ?? 0 }, topic, opening);
  const from: State = s.solo || !interrupted || s.step === 'menu' ? s : { ...s, back: STEPS[s.step].resume?.as ?? s.step, bq: s.q };
  return startTopic(from, topic, opening);
}

/** Where the plan goes on after a topic asked for before it began (in a one-shot, or during the questions). */
const PLAN_AFTER: Readonly<Record<TopicId, StepId>> = {
  breathing: 'more', positions: 'breathingOffer', lieDown: 'breathingOffer', tilts: 'getUpOffer', getUp: 'final',
  heatIce: 'position', painRelief: 'position', doctor: 'position',
};

/** A topic kept for after the questions: done first, then the plan from where it fits, never the menu. */
export function wantedTopic(s: State, topic: TopicId, opening: readonly Part[]): Outcome {
  return startTopic(s.back ? s : { ...s, back: PLAN_AFTER[topic], bq: 0 }, topic, opening);
}

export function startTopic(s: State, topic: TopicId, opening: readonly Part[]): Outcome {
  const out = beginTopic(s, topic, opening);
  // Asked for what is already under way: say so, not the same question in silence.
  const same = out.state.step === s.step && out.state.q === s.q && !out.reply.end && out.reply.say.length === 0;
  return same ? { ...out, reply: { ...out.reply, say: [talk(TALK.doingNow)] } } : out;
}

function beginTopic(s: State, topic: TopicId, opening: readonly Part[]): Outcome {
  // Exercise and getting up wait for Q6-Q11; the topic is kept for after them.
  if ((topic === 'tilts' || topic === 'getUp') && !s.later) return laterQuestions({ ...s, want: topic }, [...opening, talk(TALK.laterFirst)], false);
  const solo: State = { ...s, solo: true };
  delete (solo as { want?: TopicId }).want;
  switch (topic) {
    case 'breathing':
      return breathe({ ...solo, sets: 0 }, opening);
    case 'positions':
      return enter({ ...solo, step: 'position', q: 0 }, opening);
    case 'tilts':
      // The reason they are skipped leads straight back to the plan: no "let's carry on" after it.
      if (s.t2 || s.pregnant) return finishTopic(solo, [...opening, line(s.t2 ? TILTS_SKIP_T2 : TILTS_SKIP_PREGNANT)], false);
      // Standing or sitting: why not now, and the way to lie down if they want to try them.
      if (upright(s)) return finishTopic(solo, [...opening, line(TILTS_SKIP_UPRIGHT), line(LIE_DOWN_OFFER)], false);
      return tilts(solo, opening);
    case 'getUp':
      // Standing: up already, no bed or floor route (keeping moving comes in the self-care plan).
      if (s.pos === 'STANDING') return finishTopic(solo, [...opening, talk(TALK.alreadyUp)], false);
      return beginGetUp(solo, opening);
    case 'heatIce':
      return enter({ ...solo, step: 'care', q: 0 }, opening);
    case 'painRelief':
      return medicine({ ...solo, step: 'care', q: MEDICINE_PART }, opening);
    case 'doctor':
      // The close's short parts, the emergency signs first; after a same-day answer, that advice and no later timeline.
      return enter({ ...solo, step: 'close', q: 0 }, opening);
    case 'lieDown':
      // Down to the floor from standing or sitting; already lying, the resting positions instead.
      // Where they are is not known yet: ask that first, in the plan; "help me lie down" is offered from there.
      if (!s.pos) return enter({ ...solo, solo: false, step: 'position', q: 0 }, opening);
      if (s.pos !== 'STANDING' && s.pos !== 'SITTING') return enter({ ...solo, step: 'positionHold', q: 0 }, opening);
      // The age first, when it is not known: the way down is for someone who can get back up (S-NHSFALL).
      if (s.age === 'over65' && !s.company) return enter({ ...solo, step: 'positionHold', q: 0 }, [...opening, line(DOWN_STAY_SUPPORTED)]);
      return enter({ ...solo, step: s.age === 'adult' || s.age === 'under20' || (s.age === 'over65' && s.company) ? 'getDown' : 'downAge', q: 0 }, opening);
  }
}

export function toMenu(s: State, opening: readonly Part[]): Outcome {
  return enter({ ...s, step: 'menu', q: 0, solo: false }, opening);
}

export function startScreen(state: State, opening: readonly Part[]): Outcome {
  return enter({ ...state, step: 'screen', q: 0 }, [...opening, talk(TALK.answerHint)]);
}

/** The very first reply: sorry, one calming line that asks for no movement, then the questions (three sentences). */
export function greet(state: State): Outcome {
  return enter({ ...state, step: 'screen', q: 0 }, [talk(TALK.greeting), line(CALM_START), talk(TALK.safetyIntro)]);
}

/** All of Q1-Q5 answered no, one by one. */
export function clear(s: State): Outcome {
  const cleared: State = { ...s, cleared: true, fullClear: true, disclaimed: true };
  const opening = [...lines(CLEAR), ...(s.disclaimed ? [] : [line(DISCLAIMER)])];
  // The reassurance is a turn of its own before advice or a position to hold: one question leads on.
  if (s.want && OFFERED_FIRST.has(s.want)) {
    const offer: State = { ...cleared, step: 'resumeOffer', q: 0 };
    delete (offer as { ret?: StepId }).ret;
    return enter(offer, opening);
  }
  if (s.want) return wantedTopic(cleared, s.want, opening);
  // Where they are, said during the questions, was kept for now.
  if (s.pos) return carryOnOffer({ ...cleared, step: 'positionHold', q: 0 }, opening);
  return enterStage('position', cleared, opening);
}

/** Q6-Q11 are done: on to what was asked for by name, or the plan. */
export function afterLater(s: State, opening: readonly Part[]): Outcome {
  if (s.want) return wantedTopic(s, s.want, opening);
  return advance(s, opening);
}

/** Into Q6-Q11 at the first one not yet answered. */
export function laterQuestions(s: State, opening: readonly Part[], intro = true): Outcome {
  const q = Math.min(s.mq ?? 0, MORE_QUESTIONS.length - 1);
  return enter({ ...s, step: 'more', q, solo: false }, [...opening, ...(q === 0 && intro ? [line(MORE_QUESTIONS_INTRO)] : [])]);
}

/** Q12-Q14: each asked only while it can still change the advice. */
export function finalApplies(q: LaterQuestion | undefined, s: State): boolean {
  switch (q?.id) {
    case undefined:
      return false;
    case 'Q12B':
    case 'Q12C':
      return s.first === true && s.age === undefined;
    case 'Q13':
      return !s.pregnant;
    default:
      return true;
  }
}

export function nextFinal(s: State, from: number, opening: readonly Part[]): Outcome {
  for (let i = from; i < FINAL_QUESTIONS.length; i++) {
    if (finalApplies(FINAL_QUESTIONS[i], s)) return enter({ ...s, step: 'final', q: i }, opening);
  }
  return advance({ ...s, step: 'final' }, opening);
}

/** What an emergency cause calls for while help comes. */
/**
 * No paced breathing after "I can't breathe", nor after a sign that could not be placed (it may have been
 * breathing: the check asks about it among others), however breathing is asked for.
 */
export function mayPace(s: State): boolean {
  return !s.emergency || (s.emergency !== 'UNKNOWN' && groupOf(s.emergency) !== 'breathing');
}

export function groupOf(cause: EmergencyCause): EmergencyGroup {
  if (isSignId(cause)) return SIGN_GROUP[cause];
  if (cause === 'PAIN') return 'cauda';
  return SCREEN.find((q) => q.id === cause)?.group ?? 'unknown';
}

function heardFor(cause: EmergencyCause): Clinical {
  if (cause === 'RESCREEN') return RESCREEN_HEARD;
  if (cause === 'CALLED') return HEARD_CALLED;
  if (cause === 'PAIN') return PAIN_CHECK.heard;
  if (isSignId(cause)) return HEARD_SIGN[cause];
  return SCREEN.find((x) => x.id === cause)?.heard ?? HEARD_UNKNOWN;
}

/**
 * T1, in two short turns. First what was heard, the number and that Alexa can't call, then one question (q = 0);
 * then the other ways to get help and what to do while waiting (q = 1). Emergency stays for the rest of the session.
 */
export function emergency(s: State, cause: EmergencyCause, heard: Clinical = heardFor(cause)): Outcome {
  const next: State = { ...s, step: 'emergency', q: 0, emergency: cause };
  const group = groupOf(cause);
  return { state: next, reply: { say: [line(heard), line(CALL_NOW[group]), line(CANT_CALL)], ...prompt(next), end: false } };
}

/** The second turn of the emergency: other ways to get help, what to do while waiting, and the offer. */
export function otherWays(s: State): Outcome {
  const next: State = { ...s, step: 'emergency', q: 1 };
  const group = groupOf(s.emergency ?? 'UNKNOWN');
  return { state: next, reply: { say: [line(CALL_OUT), line(CONTACT_CALL), line(WHILE_YOU_WAIT[group])], ...prompt(next), end: false } };
}

/** What to do while waiting was said: the emergency's second turn, or breathing, which only follows it. */
export function waitHeard(s: State): boolean {
  return s.step === 'emergency' ? s.q >= 1 : s.step === 'breathing' || s.step === 'breathingOffer';
}

/** The emergency advice on "repeat", number first; what to do while waiting, which the first turn leaves out. */
export function emergencyBody(s: State): Part[] {
  const group = groupOf(s.emergency ?? 'UNKNOWN');
  return [line(CALL_NOW[group]), line(CANT_CALL), line(WHILE_YOU_WAIT[group])];
}

/** The guard's answer to anything that would move someone after an emergency: the number, and stay put. */
export function emergencyHold(s: State, end: boolean): Outcome {
  // Away from the emergency step, the question on the table is the offer of other ways to get help again.
  const state: State = { ...s, step: 'emergency', q: s.step === 'emergency' ? s.q : 0 };
  const say = [line(T1_REMINDER), line(WHILE_YOU_WAIT[groupOf(s.emergency ?? 'UNKNOWN')])];
  if (end) return { state, reply: { say, end: true } };
  return { state, reply: { say, ...prompt(state), end: false } };
}

export function checkSign(s: State, urgent = false): Outcome {
  // "It's an emergency" again, to the question of which sign: that is a yes, and the number now. Other words
  // like a sign ("I need to pee") are not an answer: the question again, asking for one.
  if (s.step === 'checkSign') return urgent ? emergency(s, 'UNKNOWN', HEARD_EMERGENCY) : reply(s, [talk(TALK.answerFirst)], { body: false, otherWords: true });
  return enter({ ...s, step: 'checkSign', ret: s.step, rq: s.q }, [line(CHECK_SIGN_LEAD)]);
}

/** One minute of paced breathing; `newPace` when the person just asked for a different pace. */
export function breathe(s: State, opening: readonly Part[], newPace = false): Outcome {
  // No paced breathing for someone who can't breathe, however it is asked for: the number and what to do.
  if (!mayPace(s)) {
    const held = emergencyHold(s, false);
    // The action first, then why there is no pacing (when they said breathing is hard), then what to do while waiting.
    const [call, ...rest] = held.reply.say;
    const why = s.emergency !== 'UNKNOWN' ? [line(NO_PACING_NOW)] : [];
    return { ...held, reply: { ...held.reply, say: [...opening, call!, ...why, ...rest] } };
  }
  if (s.step === 'breathing' && s.sets >= MAX_SETS) {
    return s.emergency ? goodbye(s, [line(BREATHING_LAST_SET)]) : advance(s, [line(BREATHING_LAST_SET)]);
  }
  // "Another minute" at the same pace says nothing about the pace; a new pace says how it differs.
  const paceChanged = newPace && s.step === 'breathing' && s.sets > 0;
  const sets = s.step === 'breathing' ? s.sets + 1 : 1;
  const next: State = { ...s, step: 'breathing', q: 0, sets };
  // The intro, belly cue and dizziness caution once per conversation; a new pace gets its own line.
  const lead = lines(breathingLead(s.pace, !s.breathed, paceChanged));
  const set: Part = { breathe: { pace: s.pace, breaths: BREATHS_PER_SET } };
  // While help comes, each minute ends with the number again (its reprompt carries it too: outcome.ts, withNet).
  const reminder = s.emergency && !s.called ? [line(T1_REMINDER)] : [];
  return { state: { ...next, breathed: true }, reply: { say: [...opening, ...lead, set, ...reminder], ...prompt(next), end: false } };
}

export function tilts(s: State, opening: readonly Part[] = []): Outcome {
  const next: State = { ...s, step: 'tiltsFeel', q: 0 };
  const reps: Part = { tilts: { reps: TILT_REPS } };
  return { state: next, reply: { say: [...opening, ...lines(TILTS_SETUP), reps], ...prompt(next), end: false } };
}

/** The care step's part after the plan's parts: the medicine-caution question (S-NSAID). */
export const MEDICINE_PART = SELF_CARE_PARTS.length;

export function medicine(s: State, opening: readonly Part[] = []): Outcome {
  // S-NSAID: never suggest ibuprofen in pregnancy.
  // Pregnant: no check questions, so no "then": a pharmacist first.
  if (s.pregnant) return careEnd(s, [...opening, line(PREGNANT_ASK_PHARMACIST)]);
  return enter({ ...s, step: 'care', q: MEDICINE_PART }, opening);
}

/**
 * The end of the plan: when to see a doctor, in short parts the person can stop at, the emergency signs first.
 * After a same-day answer, only that advice and the signs: no later timeline (docs/clinical/reference.md).
 */
export function careEnd(s: State, opening: readonly Part[]): Outcome {
  if (s.solo) return finishTopic(s, opening);
  // After a same-day answer the close's parts are that advice and the signs (CLOSE_PARTS_T2); the disclaimer, if
  // not heard yet, comes with the close's last part, or the goodbye.
  return enter({ ...s, step: 'close', q: 0 }, opening);
}

export function goodbye(s: State, first: readonly Part[] = []): Outcome {
  const safety = s.emergency
    ? [line(T1_REMINDER), line(WHILE_YOU_WAIT[groupOf(s.emergency)])]
    : [talk(TALK.goodbye), ...(s.t2 ? [line(T2_ADVICE)] : []), line(SAFETY_NET)];
  const disclaimer = s.disclaimed ? [] : [line(DISCLAIMER)];
  return { state: { ...s, disclaimed: true }, reply: { say: [...first, ...safety, ...disclaimer], end: true } };
}

/** What the person told us about themselves survives "start over": a same-day answer, pregnancy, age. */
/** Years said aloud, as the band the advice needs: over 65 for getting down to the floor, over 50 and under 20 for Q12. */
export function ageBand(years: number | undefined): State['age'] {
  if (years === undefined) return undefined;
  return years >= 65 ? 'over65' : years >= 50 ? 'over50' : years < 20 ? 'under20' : 'adult';
}

/** Over fifty, for Q12 (first-ever back pain). */
export const overFifty = (s: State): boolean => s.age === 'over50' || s.age === 'over65';

export function keepAboutThem(s: State): Partial<State> {
  return { ...(s.t2 ? { t2: true, later: true } : {}), ...(s.pregnant ? { pregnant: true } : {}), ...(s.age ? { age: s.age } : {}) };
}


/** It hurt during movement: stop, back to resting, and one question about new leg or saddle symptoms. */
export function painStop(s: State): Outcome {
  return enter({ ...s, step: 'painCheck', q: 0, ret: s.step, rq: s.q }, [line(PAIN_STOP)]);
}
