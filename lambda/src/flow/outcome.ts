import { CHECK_SIGN_NET, SAFETY_NET, T1_REMINDER } from '../content/emergency';
import { T1_LIST } from '../content/screen';
import { EMERGENCY_SAFETY_NET } from '../content/selfcare';
import type { Clinical } from '../content/types';
import { line, type Part, type Reply } from './reply';
import type { AlertPlan, State } from './state';
import { STEPS } from './steps';

/** Something the flow wants done in the world; the handler does it and reports back with an event. */
export type Effect = { readonly kind: 'forget' } | { readonly kind: 'alert'; readonly plan: AlertPlan };

export interface Outcome {
  readonly state: State;
  readonly reply: Reply;
  readonly effect?: Effect;
}

/** What the flow may know beyond the session: saved preferences, and the time (both passed in, so tests pin them). */
export interface FlowContext {
  readonly memory?: import('./memory').Memory;
  readonly now?: number;
  /** The person's local date and time, when the handler could find their time zone. */
  readonly local?: LocalTime;
}

export interface LocalTime {
  readonly date: string; // YYYY-MM-DD
  readonly hour: number;
  readonly minute: number;
}

/** What a step says: its instructions (said on entry and on repeat), its question, and what a silence hears. */
export interface View {
  readonly body: readonly Part[];
  readonly ask: readonly Part[];
  readonly reprompt: readonly Part[];
}

/** Sentences that already carry the warning signs and the number. */
export const NETS: ReadonlySet<Clinical> = new Set<Clinical>([SAFETY_NET, T1_LIST, T1_REMINDER, EMERGENCY_SAFETY_NET, CHECK_SIGN_NET]);

/**
 * A second silence ends the session with nothing said (docs/platform.md: silence), so every reprompt carries
 * the safety net itself, before the question.
 */
function withNet(s: State, reprompt: readonly Part[]): readonly Part[] {
  if (reprompt.some((p) => 'line' in p && NETS.has(p.line))) return reprompt;
  // After a warning sign the reprompt says to call now, not "if you get...".
  return [line(s.emergency ? T1_REMINDER : SAFETY_NET), ...reprompt];
}

/** The step's view from the catalogue, with the safety net in its reprompt. */
export function view(s: State, otherWords = false): View {
  const v = STEPS[s.step].view(s, otherWords);
  return { body: v.body ?? [], ask: v.ask, reprompt: withNet(s, v.reprompt ?? v.ask) };
}

export function prompt(s: State): { ask: readonly Part[]; reprompt: readonly Part[] } {
  const v = view(s);
  return { ask: v.ask, reprompt: v.reprompt };
}

/** Entering a step: what leads in, the step's instructions, then its question. */
export function enter(s: State, opening: readonly Part[], askOverride?: readonly Part[]): Outcome {
  const v = view(s);
  return { state: s, reply: { say: [...opening, ...v.body], ask: askOverride ?? v.ask, reprompt: v.reprompt, end: false } };
}

/** Staying at a step: a lead-in, then the question again (and the instructions when asked to repeat). */
export function reply(s: State, opening: readonly Part[], o: { body: boolean; otherWords?: boolean }): Outcome {
  const v = view(s, o.otherWords);
  return { state: s, reply: { say: [...opening, ...(o.body ? v.body : [])], ask: v.ask, reprompt: v.reprompt, end: false } };
}
