import { isPaceId, type PaceId } from '../content/breathing';
import { isSignId, type SignId } from '../content/emergency';
import { isPositionId, type PositionId } from '../content/guidance';

/** Bump when the shape changes; an older or foreign blob is dropped rather than misread. */
export const STATE_VERSION = 1;
/** The one session-attribute key the skill owns. */
export const STATE_KEY = 'bh';

/** Where the conversation rests between turns. */
export const STEP_IDS = [
  'screen', // Q1-Q5, one at a time (q = question index)
  'emergency', // T1 advice given; only breathing is offered from here on
  'checkSign', // something like a warning sign was said but not understood: asked to confirm
  'resumeOffer', // a returning person: "Shall we carry on with ...?"
  'rescreen', // a returning person: one combined "since we last spoke" question
  'forgetConfirm', // "forget me": asked to confirm
  'reminderConfirm', // a reminder's time spoken back, waiting for yes
  'position', // asked where the person is
  'positionHold', // position instructions given; waiting for "done"
  'breathingOffer',
  'breathing', // a set has just been spoken; "another minute?"
  'more', // Q6-Q11 in three groups (q = group)
  'tiltsOffer',
  'tiltsFeel', // tilts done; "how did that feel?"
  'getUpOffer',
  'getUp', // log roll (q = step)
  'final', // Q12-Q14 (q = question)
  'care', // self-care plan (q = part)
  'menu',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** Things a person can ask for by name, from the menu or in one breath from outside the skill. */
export const TOPIC_IDS = ['breathing', 'positions', 'tilts', 'getUp', 'heatIce', 'painRelief', 'doctor'] as const;
export type TopicId = (typeof TOPIC_IDS)[number];
export function isTopicId(v: unknown): v is TopicId {
  return typeof v === 'string' && (TOPIC_IDS as readonly string[]).includes(v);
}

/** What was heard that made this an emergency: a stated sign, or a screen question answered yes. */
export type EmergencyCause = SignId | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'RESCREEN' | 'UNKNOWN';
const SCREEN_CAUSES = new Set<string>(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'RESCREEN', 'UNKNOWN']);

export interface State {
  readonly v: typeof STATE_VERSION;
  readonly step: StepId;
  /** Position within the step: question, group or instruction index. */
  readonly q: number;
  /** Set once T1 advice was given; never cleared inside a session. */
  readonly emergency?: EmergencyCause;
  /** All of Q1-Q5 were answered no in this session: movement advice is allowed. */
  readonly cleared?: boolean;
  /** A T2 answer (Q6-Q11): get medical advice today; no exercises. */
  readonly t2?: boolean;
  /** A T3 answer (Q12-Q14): book a doctor in the next few days. */
  readonly t3?: boolean;
  /** Q13: never suggest ibuprofen. */
  readonly pregnant?: boolean;
  readonly pos?: PositionId;
  /** A topic asked for by name: reached after the screen, and followed by the menu, not the plan. */
  readonly want?: TopicId;
  /** The current stage was reached by asking for it by name. */
  readonly solo?: boolean;
  /** Where to return after 'checkSign' or 'forgetConfirm', or where 'resumeOffer' would carry on. */
  readonly ret?: StepId;
  /** The position within `ret`. */
  readonly rq?: number;
  /** Saved preferences were found: a returning person. */
  readonly returning?: boolean;
  /** The person asked to be forgotten: nothing more is saved in this session. */
  readonly noSave?: boolean;
  /** A timer or reminder being set (kept while Alexa asks for permission). */
  readonly alert?: AlertPlan;
  /** Alexa already asked for a permission by voice in this session: the next time, a card. */
  readonly asked?: boolean;
  readonly pace: PaceId;
  /** Breathing minutes done in the current breathing stage. */
  readonly sets: number;
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
  const emergency =
    isSignId(r.emergency) || (typeof r.emergency === 'string' && SCREEN_CAUSES.has(r.emergency))
      ? (r.emergency as EmergencyCause)
      : undefined;
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
    ...flag('cleared'),
    ...flag('t2'),
    ...flag('t3'),
    ...flag('pregnant'),
    ...flag('solo'),
    ...flag('disclaimed'),
    ...flag('returning'),
    ...flag('noSave'),
    ...flag('asked'),
    ...(readAlert(r.alert) ? { alert: readAlert(r.alert) } : {}),
  };
}
