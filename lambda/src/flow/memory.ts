import { isPaceId, type PaceId } from '../content/breathing';
import { isPositionId, type PositionId } from '../content/guidance';
import { STEP_IDS, type State, type StepId } from './state';
import { STEPS } from './steps';

/**
 * What is kept between conversations: preferences and where to carry on. Never a symptom answer:
 * a session that heard a warning sign, or a reason to see a doctor today, leaves nothing that lets the next
 * one skip questions.
 */
export interface Memory {
  readonly v: 1;
  readonly pace?: PaceId;
  readonly disclaimed?: boolean;
  /** The last conversation answered all of Q1-Q5 no, one by one, and heard no warning sign or T2 answer. */
  readonly clear?: boolean;
  /** Where the last conversation was. */
  readonly step?: StepId;
  readonly q?: number;
  readonly pos?: PositionId;
  /** When `clear` and `step` were written (ms since the epoch). */
  readonly at?: number;
}

/** The short check and "Shall we carry on?" only within two hours of a cleared screen. */
export const RESUME_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Steps worth carrying on with (the catalogue's `resume`); questions of the emergency screen are always asked afresh. */
const resumable = (step: unknown): step is StepId => (STEP_IDS as readonly unknown[]).includes(step) && STEPS[step as StepId].resume !== null;

export function readMemory(raw: unknown): Memory | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) return undefined;
  const at = typeof r.at === 'number' && Number.isFinite(r.at) ? r.at : undefined;
  // Without a readable time, or without a cleared screen, there is nothing to carry on from.
  const clear = r.clear === true && at !== undefined;
  const step = clear && resumable(r.step) ? r.step : undefined;
  return {
    v: 1,
    ...(isPaceId(r.pace) ? { pace: r.pace } : {}),
    ...(r.disclaimed === true ? { disclaimed: true } : {}),
    ...(clear ? { clear: true, at } : {}),
    ...(step ? { step, q: typeof r.q === 'number' && Number.isInteger(r.q) && r.q >= 0 && r.q < 20 ? r.q : 0 } : {}),
    ...(step && isPositionId(r.pos) ? { pos: r.pos } : {}),
  };
}

/** The memory a state leaves behind, or undefined when nothing should be written. */
export function memoryFrom(s: State, now: number): Memory | undefined {
  if (s.noSave) return undefined;
  const clear = s.fullClear === true && s.cleared === true && !s.emergency && !s.t2;
  // A step in the middle of something resumes at the start of it: a new minute of breathing, a new set of tilts.
  // Offered to carry on inside the conversation: the place it would carry on to.
  const at = s.step === 'resumeOffer' && s.cleared && s.ret ? { step: s.ret, q: s.rq ?? 0 } : { step: s.step, q: s.q };
  const carryOn = clear ? STEPS[at.step].resume : null;
  return {
    v: 1,
    pace: s.pace,
    ...(s.disclaimed ? { disclaimed: true } : {}),
    ...(clear ? { clear: true, at: now } : {}),
    ...(carryOn ? { step: carryOn.as, q: at.q, ...(s.pos ? { pos: s.pos } : {}) } : {}),
  };
}

/** The last conversation cleared Q1-Q5 within the window: the short present-tense check may replace them. */
export function recentlyCleared(m: Memory | undefined, now: number): boolean {
  if (!m?.clear || m.at === undefined) return false;
  const age = now - m.at;
  return age >= 0 && age <= RESUME_WINDOW_MS;
}

/** A place to carry on from, if the last conversation cleared the screen and stopped within the window. */
export function resumePoint(m: Memory | undefined, now: number): { step: StepId; q: number; pos?: PositionId } | undefined {
  if (!recentlyCleared(m, now) || !m?.step) return undefined;
  return { step: m.step, q: m.q ?? 0, ...(m.pos ? { pos: m.pos } : {}) };
}
