import { isPaceId, type PaceId } from '../content/breathing';
import { isPositionId, type PositionId } from '../content/guidance';
import { STEP_IDS, type State, type StepId } from './state';

/**
 * What is kept between conversations: preferences and where to carry on. Never a symptom answer:
 * a session that heard a warning sign, or a reason to see a doctor today, leaves no place to resume.
 */
export interface Memory {
  readonly v: 1;
  readonly pace?: PaceId;
  readonly disclaimed?: boolean;
  /** Where the last conversation was, and when (ms since the epoch). */
  readonly step?: StepId;
  readonly q?: number;
  readonly pos?: PositionId;
  readonly at?: number;
}

/** "Opening the skill within two hours offers to carry on." */
export const RESUME_WINDOW_MS = 2 * 60 * 60 * 1000;

/** Steps worth carrying on with; questions of the emergency screen are always asked afresh. */
const RESUMABLE = new Set<StepId>([
  'position', 'positionHold', 'breathingOffer', 'breathing', 'more', 'tiltsOffer', 'tiltsFeel', 'getUpOffer', 'getUp', 'final', 'care',
]);

export function readMemory(raw: unknown): Memory | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  if (r.v !== 1) return undefined;
  const step = (STEP_IDS as readonly unknown[]).includes(r.step) && RESUMABLE.has(r.step as StepId) ? (r.step as StepId) : undefined;
  const at = typeof r.at === 'number' && Number.isFinite(r.at) ? r.at : undefined;
  return {
    v: 1,
    ...(isPaceId(r.pace) ? { pace: r.pace } : {}),
    ...(r.disclaimed === true ? { disclaimed: true } : {}),
    ...(step && at !== undefined ? { step, at, q: typeof r.q === 'number' && Number.isInteger(r.q) && r.q >= 0 && r.q < 20 ? r.q : 0 } : {}),
    ...(step && isPositionId(r.pos) ? { pos: r.pos } : {}),
  };
}

/** A step in the middle of something resumes at the start of it: a new minute of breathing, a new set of tilts. */
const RESUME_AS: Partial<Record<StepId, StepId>> = { breathing: 'breathingOffer', tiltsFeel: 'tiltsOffer' };

/** The memory a state leaves behind, or undefined when nothing should be written. */
export function memoryFrom(s: State, now: number): Memory | undefined {
  if (s.noSave) return undefined;
  const resumable = RESUMABLE.has(s.step) && s.cleared && !s.emergency && !s.t2;
  return {
    v: 1,
    pace: s.pace,
    ...(s.disclaimed ? { disclaimed: true } : {}),
    ...(resumable ? { step: RESUME_AS[s.step] ?? s.step, q: s.q, at: now, ...(s.pos ? { pos: s.pos } : {}) } : {}),
  };
}

/** A place to carry on from, if the last conversation stopped within the window. */
export function resumePoint(m: Memory | undefined, now: number): { step: StepId; q: number; pos?: PositionId } | undefined {
  if (!m?.step || m.at === undefined) return undefined;
  const age = now - m.at;
  if (age < 0 || age > RESUME_WINDOW_MS) return undefined;
  return { step: m.step, q: m.q ?? 0, ...(m.pos ? { pos: m.pos } : {}) };
}
