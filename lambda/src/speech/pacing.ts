import { CUES, PACES, type CueId, type PaceId } from '../content/breathing';
import { HOLD_CUES, TILT_CUES, TILT_PHASE_SECONDS, type TiltCueId } from '../content/guidance';
import { textFor } from '../content/types';
import type { LocalePack } from '../locale';
import type { SpeechBuilder } from './ssml';

/**
 * How long each timed cue takes to say, in ms: the one model of spoken cue length.
 * A phase lasts its target because its pause is the target minus the cue's length.
 * Calibrated by `npm run calibrate:cues` with espeak-ng at -s 150, which measures 162 words a minute on the
 * skill's own text (about WORDS_PER_MINUTE; Amazon publishes no words-a-minute figure for its voices), each cue
 * from its first sound to its last. The range after each cue is the same cue said by the 14 offline voices of
 * `npm run bench:breathing` (espeak-ng at 145 to 193 words a minute, eSpeak, flite, festival, FreeTTS), which
 * speak the skill's text at 145 to 205 words a minute; README, "How the breathing pace is kept".
 */
export const CUE_MS: Readonly<Record<CueId | TiltCueId, number>> = {
  firstIn: 630, // 293-699 across voices
  in: 334, // 64-379
  out: 555, // 320-617
  flatten: 804, // 682-894
  arch: 651, // 481-700
};

/** The silence after a cue so the whole phase lasts `targetMs`. */
export function pauseAfterCue(cue: CueId | TiltCueId, targetMs: number): number {
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

/** Slow pelvic tilts: flatten on the out-breath, arch on the in-breath, each half timed. */
export function tiltSet(speech: SpeechBuilder, reps: number, l: LocalePack): SpeechBuilder {
  const phase = TILT_PHASE_SECONDS * 1000;
  for (let i = 0; i < reps; i++) {
    speech.text(textFor(TILT_CUES.flatten.say, l)).pause(pauseAfterCue('flatten', phase));
    speech.text(textFor(TILT_CUES.arch.say, l)).pause(pauseAfterCue('arch', phase));
  }
  return speech;
}

/** The speaking rate CUE_MS is calibrated at, measured on the skill's own text: a rate typical of Alexa's voices. */
export const WORDS_PER_MINUTE = 160;

/** A rough length of ordinary speech, for starting a screen animation with the voice. */
export function speakingMs(text: string): number {
  const count = text.split(/\s+/).filter(Boolean).length;
  return Math.round((count * 60_000) / WORDS_PER_MINUTE);
}

/** A position held for `seconds`: quiet, with the calm cues spread evenly through it (breaks of 10 s at most). */
export function holdSet(speech: SpeechBuilder, seconds: number, l: LocalePack): SpeechBuilder {
  const cues = HOLD_CUES.map((c) => textFor(c.say, l));
  const spoken = cues.reduce((ms, c) => ms + speakingMs(c), 0);
  const gap = Math.max(0, (seconds * 1000 - spoken) / (cues.length + 1));
  for (const cue of cues) speech.pause(gap).text(cue);
  return speech.pause(gap);
}
