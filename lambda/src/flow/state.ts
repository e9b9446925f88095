import { isPaceId, type PaceId } from '../content/breathing';
import { isSignId, type SignId } from '../content/emergency';

/** Bump when the shape changes; an older or foreign blob is dropped rather than misread. */
export const STATE_VERSION = 1;
/** The one session-attribute key the skill owns. */
export const STATE_KEY = 'bh';

export type StepId =
  | 'screen' // asking Q1-Q5, one at a time
  | 'emergency' // T1 advice given; only breathing is offered from here on
  | 'breathingOffer' // offered a minute of breathing
  | 'breathing'; // a set has just been spoken; "another minute?"

/** What was heard that made this an emergency: a stated sign, or a screen question answered yes. */
export type EmergencyCause = SignId | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5' | 'UNKNOWN';

export interface State {
  readonly v: typeof STATE_VERSION;
  readonly step: StepId;
  /** Index into SCREEN while step is 'screen'; the number of questions already answered no. */
  readonly q: number;
  /** Set once T1 advice was given; never cleared inside a session. */
  readonly emergency?: EmergencyCause;
  /** All of Q1-Q5 were answered no in this session. */
  readonly cleared?: boolean;
  readonly pace: PaceId;
  /** Breathing minutes done in this session. */
  readonly sets: number;
  /** The disclaimer is said at most once per conversation. */
  readonly disclaimed?: boolean;
}

export function initialState(): State {
  return { v: STATE_VERSION, step: 'screen', q: 0, pace: 'normal', sets: 0 };
}

const STEPS: readonly StepId[] = ['screen', 'emergency', 'breathingOffer', 'breathing'];
const CAUSES = new Set<string>(['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'UNKNOWN']);

/** Reads the state back from session attributes; anything malformed is treated as no state. */
export function readState(raw: unknown): State | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== STATE_VERSION || !STEPS.includes(r.step as StepId)) return undefined;
  const q = typeof r.q === 'number' && Number.isInteger(r.q) && r.q >= 0 && r.q <= 5 ? r.q : 0;
  const sets = typeof r.sets === 'number' && Number.isInteger(r.sets) && r.sets >= 0 ? Math.min(r.sets, 99) : 0;
  const emergency =
    isSignId(r.emergency) || (typeof r.emergency === 'string' && CAUSES.has(r.emergency))
      ? (r.emergency as EmergencyCause)
      : undefined;
  return {
    v: STATE_VERSION,
    step: r.step as StepId,
    q,
    pace: isPaceId(r.pace) ? r.pace : 'normal',
    sets,
    ...(emergency ? { emergency } : {}),
    ...(r.cleared === true ? { cleared: true } : {}),
    ...(r.disclaimed === true ? { disclaimed: true } : {}),
  };
}
