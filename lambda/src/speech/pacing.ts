import { CUES, PACES, type CueId, type PaceId } from '../content/breathing';
import type { SpeechBuilder } from './ssml';

/**
 * How long each cue takes to say, in ms: the one model of spoken cue length.
 * A phase lasts its target because its pause is the target minus the cue's length.
 * Calibrated by `npm run calibrate:cues` (espeak-ng at Alexa's speaking rate, measured with sox);
 * see README, "How the breathing pace is kept".
 */
export const CUE_MS: Readonly<Record<CueId, number>> = {
  firstIn: 700,
  in: 350,
  out: 550,
};

/** The silence after a cue so the whole phase lasts `targetMs`. */
export function pauseAfterCue(cue: CueId, targetMs: number): number {
  return Math.max(0, targetMs - CUE_MS[cue]);
}

/** A set of timed breaths: each in-phase and out-phase lasts its target with the cue included. */
export function breathingSet(speech: SpeechBuilder, pace: PaceId, breaths: number): SpeechBuilder {
  const { inSeconds, outSeconds } = PACES[pace];
  for (let i = 0; i < breaths; i++) {
    const inCue: CueId = i === 0 ? 'firstIn' : 'in';
    speech.text(CUES[inCue]).pause(pauseAfterCue(inCue, inSeconds * 1000));
    speech.text(CUES.out).pause(pauseAfterCue('out', outSeconds * 1000));
  }
  return speech;
}
