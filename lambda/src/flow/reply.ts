import type { PaceId } from '../content/breathing';
import type { Clinical } from '../content/types';

/** What to say, decided by the flow; how it sounds is the renderer's job. */
export type Part =
  | { readonly line: Clinical; readonly vars?: Readonly<Record<string, string>> }
  | { readonly talk: string }
  | { readonly breathe: { readonly pace: PaceId; readonly breaths: number } }
  | { readonly tilts: { readonly reps: number } }
  /** Timed quiet with a few calm cues, so a position is held with the person inside one reply. */
  | { readonly hold: { readonly seconds: number } };

export interface Reply {
  /** Said first. */
  readonly say: readonly Part[];
  /** The question that ends the turn; also the start of the reprompt. */
  readonly ask?: readonly Part[];
  /** What Alexa says after a silence; defaults to `ask`. */
  readonly reprompt?: readonly Part[];
  /** True when the session should close after this reply. */
  readonly end: boolean;
  /** Ask for a permission: by voice (Alexa takes the turn) or with a card in the Alexa app. */
  readonly permission?: { readonly scope: 'timers' | 'reminders'; readonly how: 'voice' | 'card' };
}

export const line = (l: Clinical, vars?: Readonly<Record<string, string>>): Part => (vars ? { line: l, vars } : { line: l });
export const lines = (ls: readonly Clinical[]): Part[] => ls.map((l) => line(l));
export const talk = (t: string): Part => ({ talk: t });
