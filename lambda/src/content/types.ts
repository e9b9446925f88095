import type { LocalePack } from '../locale';
import type { SourceId } from './sources';

/** A sentence may depend on the locale (emergency number, how to reach a doctor). */
export type Text = string | ((l: LocalePack) => string);

/** A clinical sentence: what to say, where it comes from, and whether it asks the person to move. */
export interface Clinical {
  readonly say: Text;
  readonly sources: readonly SourceId[];
  /** True when the sentence asks the person to move their body: never said after an emergency sign. */
  readonly moves?: boolean;
  /** True when the sentence reassures ("you don't need to go now"): only once Q1-Q5 are clear and no sign was heard. */
  readonly reassures?: boolean;
  /**
   * True for exercise and getting up (pelvic tilts, the log roll): never said before Q6-Q11 were answered in
   * this conversation, and tilts never after a T2 answer. Always also `moves`.
   */
  readonly exercise?: boolean;
}

export function textFor(t: Text, l: LocalePack): string {
  return typeof t === 'function' ? t(l) : t;
}
