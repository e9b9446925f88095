import { isPaceId, type PaceId } from '../content/breathing';
import { isSignId, type SignId } from '../content/emergency';
import { isPositionId, type PositionId } from '../content/guidance';
import { SCREEN_IDS, type ScreenId } from '../content/screen';

/** Bump when the shape changes; an older or foreign blob is not misread (see readSessionState). */
export const STATE_VERSION = 2;
/** The one session-attribute key the skill owns. */
export const STATE_KEY = 'bh';

/** Where the conversation rests between turns. */
export const STEP_IDS = [
  'screen', // Q1-Q5, one thing per question (q = question index)
  'emergency', // T1 advice given; only breathing is offered from here on
  'checkSign', // something like a warning sign was said but not placed: asked to confirm
  'signCheck', // one screen question asked again on its own ("is it a heart attack?", "I feel dizzy"; q = question)
  'resumeOffer', // a returning person: "Shall we carry on with ...?"
  'rescreen', // a returning person cleared under two hours ago: the signs now, as one question
  'forgetConfirm', // "forget me": asked to confirm
  'reminderConfirm', // a reminder's time spoken back, waiting for yes
  'position', // asked where the person is
  'positionHold', // q = 0: position instructions given, waiting for "done"; q > 0: minutes held with the person
  'downAge', // before the way down to the floor: the person's age, when it is not known yet
  'getDown', // down to the floor from standing or sitting (q = step)
  'breathingOffer',
  'breathing', // a set has just been spoken; "another minute?"
  'more', // Q6-Q11, one per turn (q = question)
  'tiltsOffer',
  'tiltsFeel', // tilts done; "how did that feel?"
  'getUpOffer',
  'getUp', // getting up from a bed (log roll) or the floor (q = step)
  'painCheck', // it hurt during movement: stopped, and one question about the legs
  'final', // Q12-Q14 (q = question)
  'care', // self-care plan in short parts (q = part; after the last, the medicine check)
  'close', // when to see a doctor, in short parts (q = part)
  'menu',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Things a person can ask for by name, from the menu or in one breath from outside the skill. */
export const TOPIC_IDS = ['breathing', 'positions', 'tilts', 'getUp', 'heatIce', 'painRelief', 'doctor', 'lieDown'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
export function isTopicId(v: unknown): v is TopicId {
  return typeof v === 'string' && (TOPIC_IDS as readonly string[]).includes(v);
}

/**
 * What was heard that made this an emergency: a stated sign, a screen question answered yes or not sure,
 * the returning person's check, a request to call for help, "I've called them", or a cause that could not be
 * read back (UNKNOWN: the guard still holds).
 */
export type EmergencyCause = SignId | ScreenId | 'RESCREEN' | 'PAIN' | 'CALL' | 'CALLED' | 'UNKNOWN';
const OTHER_CAUSES = new Set<string>([...SCREEN_IDS, 'RESCREEN', 'PAIN', 'CALL', 'CALLED', 'UNKNOWN']);
export function isEmergencyCause(v: unknown): v is EmergencyCause {
  return isSignId(v) || (typeof v === 'string' && OTHER_CAUSES.has(v));
}

/** Age, when said or answered: it changes Q12 and the medicine check, never raises an alarm. */
export type AgeBand = 'under20' | 'adult' | 'over50' | 'over65';

export interface State {
  readonly v: typeof STATE_VERSION;
  readonly step: StepId;
  /** Position within the step: question, group or instruction index. */
  readonly q: number;
  /** Set once T1 advice was given; never cleared inside a session. */
  readonly emergency?: EmergencyCause;
  /** Q1-Q5 were all answered no in this session (or a valid short check): movement advice is allowed. */
  readonly cleared?: boolean;
  /** Q1-Q5 were all answered no, one by one, in this session: the next conversation may use the short check. */
  readonly fullClear?: boolean;
  /** Q6-Q11 were answered in this session: exercise and getting up are allowed (exercise only without T2). */
  readonly later?: boolean;
  /** How many of Q6-Q11 were answered no so far, so a side trip resumes at the next one. */
  readonly mq?: number;
  /** A T2 answer or statement: get medical advice today; no exercises; the close repeats it. */
  readonly t2?: boolean;
  /** A T3 answer (Q12-Q14): book a doctor in the next few days. */
  readonly t3?: boolean;
  /** Q13 or said: never suggest ibuprofen; side-lying first. */
  readonly pregnant?: boolean;
  /** Q12A: the first time the back has hurt like this. */
  readonly first?: boolean;
  readonly age?: AgeBand;
  readonly pos?: PositionId;
  /** A topic asked for by name: reached after the questions it needs, and followed by the menu, not the plan. */
  readonly want?: TopicId;
  /** The current stage was reached by asking for it by name. */
  readonly solo?: boolean;
  /** Where the plan was when a topic was asked for by name: the conversation returns there after it. */
  readonly back?: StepId;
  readonly bq?: number;
  /** A breathing set was done in this conversation: the intro and cautions are not said again. */
  readonly breathed?: boolean;
  /** Where to return after 'checkSign' or 'forgetConfirm', or where 'resumeOffer' would carry on. */
  readonly ret?: StepId;
  /** The position within `ret`. */
  readonly rq?: number;
  /** The person asked to be forgotten: nothing more is saved in this session. */
  readonly noSave?: boolean;
  /** A timer or reminder being set (kept while Alexa asks for permission). */
  readonly alert?: AlertPlan;
  /** Alexa already asked for a permission by voice in this session: the next time, a card. */
  readonly asked?: boolean;
  readonly pace: PaceId;
  /** Breathing minutes done in the current breathing stage. */
  readonly sets: number;
  /** Someone is with them: an older person may be guided down to the floor (S-NHSFALL). */
  readonly company?: boolean;
  /** "I've called them": help is on its way; the replies to fear and being alone say so, not "call now". */
  readonly called?: boolean;
  /** The disclaimer is said at most once per conversation. */
  readonly disclaimed?: boolean;
}

/** A timer, or a reminder with its local date and first hour. */
export type AlertPlan =
  | { readonly p: 'timer' }
  | { readonly p: 'move'; readonly d: string; readonly h: number }
  | { readonly p: 'once' }
  | { readonly p: 'checkIn'; readonly d: string; readonly h: number };

function readAlert(v: unknown): AlertPlan | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const a = v as Record<string, unknown>;
  if (a.p === 'timer' || a.p === 'once') return { p: a.p };
  if ((a.p === 'move' || a.p === 'checkIn') && typeof a.d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(a.d) && typeof a.h === 'number' && Number.isInteger(a.h) && a.h >= 0 && a.h < 24) {
    return { p: a.p, d: a.d, h: a.h };
  }
  return undefined;
}

export function initialState(): State {
  return { v: STATE_VERSION, step: 'screen', q: 0, pace: 'normal', sets: 0 };
}

const int = (v: unknown, max: number): number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 ? Math.min(v, max) : 0;

/** Reads the state back from session attributes; anything malformed is treated as no state. */
export function readState(raw: unknown): State | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== STATE_VERSION || !(STEP_IDS as readonly unknown[]).includes(r.step)) return undefined;
  // Fail closed: an emergency value we can't read is still an emergency, of unknown cause.
  const emergency: EmergencyCause | undefined =
    r.emergency === undefined || r.emergency === null || r.emergency === false ? undefined : isEmergencyCause(r.emergency) ? r.emergency : 'UNKNOWN';
  const flag = (k: string) => (r[k] === true ? { [k]: true } : {});
  return {
    v: STATE_VERSION,
    step: r.step as StepId,
    q: int(r.q, 20),
    pace: isPaceId(r.pace) ? r.pace : 'normal',
    sets: int(r.sets, 20),
    ...(emergency ? { emergency } : {}),
    ...(isPositionId(r.pos) ? { pos: r.pos } : {}),
    ...(isTopicId(r.want) ? { want: r.want } : {}),
    ...((STEP_IDS as readonly unknown[]).includes(r.ret) && r.ret !== 'checkSign' ? { ret: r.ret as StepId } : {}),
    ...(typeof r.rq === 'number' ? { rq: int(r.rq, 20) } : {}),
    ...(typeof r.mq === 'number' ? { mq: int(r.mq, 20) } : {}),
    ...((STEP_IDS as readonly unknown[]).includes(r.back) ? { back: r.back as StepId } : {}),
    ...(typeof r.bq === 'number' ? { bq: int(r.bq, 20) } : {}),
    ...(r.age === 'under20' || r.age === 'adult' || r.age === 'over50' || r.age === 'over65' ? { age: r.age } : {}),
    ...flag('cleared'),
    ...flag('fullClear'),
    ...flag('later'),
    ...flag('t2'),
    ...flag('t3'),
    ...flag('pregnant'),
    ...flag('first'),
    ...flag('solo'),
    ...flag('breathed'),
    ...flag('disclaimed'),
    ...flag('noSave'),
    ...flag('asked'),
    ...flag('called'),
    ...flag('company'),
    ...(readAlert(r.alert) ? { alert: readAlert(r.alert) } : {}),
  };
}

/**
 * The session's state as the flow should see it. No state: a new conversation. State that can't be read
 * fails closed: with any trace of an emergency it stays an emergency of unknown cause; otherwise it is
 * `lost`, and the conversation starts a fresh full screen (never the returning person's short check).
 */
export function readSessionState(raw: unknown): { readonly state?: State; readonly lost: boolean } {
  if (raw === undefined || raw === null) return { lost: false };
  const state = readState(raw);
  if (state) return { state, lost: false };
  const trace = typeof raw === 'object' && !Array.isArray(raw) && (raw as Record<string, unknown>).emergency;
  if (trace !== undefined && trace !== null && trace !== false) {
    return { state: { ...initialState(), step: 'emergency', emergency: 'UNKNOWN' }, lost: true };
  }
  return { lost: true };
}
