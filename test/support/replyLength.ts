/**
 * Short turns: the words a person hears in one turn, counted one way for the pure flow and for the handler's SSML.
 * Outside a timed set, no reply and no reprompt is over MAX_TURN_WORDS. A reply that holds a timed set
 * (breathing, tilts, a held position) is an exercise reply: its speech is exempt, since the set's cues and quiet
 * are the point of it; its reprompt is not, because a reprompt is heard on its own after a silence.
 * The renderer writes a <break> only inside a timed set (speech/pacing.ts), so at the SSML level a reply with a
 * break is exactly a reply with a set part: the two counts agree (test/unit/replyLength.test.ts).
 */
import type { Part, Reply } from '../../lambda/src/flow/reply';
import type { LocalePack } from '../../lambda/src/locale';
import { partText } from '../../lambda/src/speech/render';
import { unescapeXml } from '../../tools/sim/render';

export const MAX_TURN_WORDS = 60;

/** Spoken words: runs of letters or digits, with inner apostrophes ("can't" is one word, "A and E" three). */
export const wordCount = (text: string): number => (text.match(/[A-Za-z0-9]+(?:['’][A-Za-z0-9]+)*/g) ?? []).length;

/** How long one turn is: its speech and, when the session stays open, its reprompt. */
export interface TurnLength {
  /** Words of the speech outside any timed set. */
  readonly words: number;
  /** The speech holds a timed set: exempt from the limit. */
  readonly exercise: boolean;
  /** Words of the reprompt; undefined when the session closes. */
  readonly repromptWords?: number;
  /** The speech and the reprompt as text, for a failure message. */
  readonly text: string;
  readonly repromptText?: string;
}

const isSet = (p: Part): boolean => 'breathe' in p || 'tilts' in p || 'hold' in p;
const textOf = (parts: readonly Part[], l: LocalePack): string =>
  parts.map((p) => partText(p, l)).filter((t): t is string => t !== undefined).join(' ');

/** A flow reply as heard in one locale: `say` then `ask`, and the reprompt the renderer would use. */
export function replyLength(reply: Reply, l: LocalePack): TurnLength {
  const spoken = [...reply.say, ...(reply.ask ?? [])];
  const text = textOf(spoken, l);
  const base = { words: wordCount(text), exercise: spoken.some(isSet), text };
  if (reply.end) return base;
  const again = reply.reprompt ?? reply.ask ?? reply.say;
  const repromptText = textOf(again, l);
  return { ...base, repromptWords: wordCount(repromptText), repromptText };
}

/** SSML as the words it speaks: tags out, entities back. */
export const ssmlWords = (ssml: string): string => unescapeXml(ssml.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();

/** A handler response's speech and reprompt, as SSML. */
export function ssmlLength(speech: string | undefined, reprompt: string | undefined): TurnLength {
  const text = speech === undefined ? '' : ssmlWords(speech);
  const base = { words: wordCount(text), exercise: speech !== undefined && /<break\b/i.test(speech), text };
  if (reprompt === undefined) return base;
  const repromptText = ssmlWords(reprompt);
  return { ...base, repromptWords: wordCount(repromptText), repromptText };
}

const opening = (text: string): string => text.split(/\s+/).slice(0, 12).join(' ');

/** What is too long in one turn, as failure lines; empty when it fits. */
export function lengthProblems(t: TurnLength): string[] {
  const problems: string[] = [];
  if (!t.exercise && t.words > MAX_TURN_WORDS) problems.push(`a reply over ${MAX_TURN_WORDS} words (${t.words}): ${opening(t.text)}`);
  if (t.repromptWords !== undefined && t.repromptWords > MAX_TURN_WORDS) {
    problems.push(`a reprompt over ${MAX_TURN_WORDS} words (${t.repromptWords}): ${opening(t.repromptText ?? '')}`);
  }
  return problems;
}
