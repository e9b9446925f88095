import { textFor } from '../content/types';
import type { Part, Reply } from '../flow/reply';
import type { LocalePack } from '../locale';
import { breathingSet, holdSet, tiltSet } from './pacing';
import { SpeechBuilder } from './ssml';

export interface Rendered {
  readonly speech: string;
  /** Present exactly when the session stays open. */
  readonly reprompt?: string;
  readonly end: boolean;
}

/** The words of a sentence part as spoken in this locale; undefined for a timed set. */
export function partText(part: Part, l: LocalePack): string | undefined {
  if ('line' in part) return fill(textFor(part.line.say, l), part.vars);
  if ('talk' in part) return part.talk;
  return undefined;
}

function speak(builder: SpeechBuilder, parts: readonly Part[], l: LocalePack): SpeechBuilder {
  for (const part of parts) {
    if ('breathe' in part) breathingSet(builder, part.breathe.pace, part.breathe.breaths);
    else if ('hold' in part) holdSet(builder, part.hold.seconds, l);
    else if ('tilts' in part) tiltSet(builder, part.tilts.reps, l);
    else builder.text(partText(part, l) ?? '');
  }
  return builder;
}

/** Puts the computed parts of a sentence in place: times, for example. */
function fill(text: string, vars: Readonly<Record<string, string>> | undefined): string {
  return vars ? text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole) : text;
}

/** Turns what the flow decided into SSML for this locale. */
export function render(reply: Reply, l: LocalePack): Rendered {
  const speech = speak(new SpeechBuilder(), [...reply.say, ...(reply.ask ?? [])], l).build();
  if (reply.end) return { speech, end: true };
  const again = reply.reprompt ?? reply.ask ?? reply.say;
  return { speech, reprompt: speak(new SpeechBuilder(), again, l).build(), end: false };
}
