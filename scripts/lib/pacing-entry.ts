// What the pace benchmark and the cue calibration need from the skill, bundled on the fly.
import * as breathing from '../../lambda/src/content/breathing';
import * as guidance from '../../lambda/src/content/guidance';
import { textFor, type Clinical } from '../../lambda/src/content/types';
import type { LocalePack } from '../../lambda/src/locale';

export { CUES, PACES, PACE_IDS, BREATHS_PER_SET } from '../../lambda/src/content/breathing';
export { TILT_CUES, TILT_PHASE_SECONDS, TILT_REPS } from '../../lambda/src/content/guidance';
export { CUE_MS, WORDS_PER_MINUTE, breathingSet, tiltSet } from '../../lambda/src/speech/pacing';
export { SpeechBuilder } from '../../lambda/src/speech/ssml';
export { localePack } from '../../lambda/src/locale';
export { spokenSegments } from '../../tools/sim/render';

const isClinical = (v: unknown): v is Clinical =>
  typeof v === 'object' && v !== null && 'say' in v && 'sources' in v && Array.isArray((v as Clinical).sources);

/**
 * The skill's own instructions around the timed sets (positions, breathing, tilts, getting up), as one
 * passage: what a words-a-minute figure is measured on. The timed cues themselves are left out.
 */
export function skillPassage(l: LocalePack): string {
  const said: string[] = [];
  const seen = new Set<unknown>([guidance.TILT_CUES]);
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (isClinical(v)) said.push(textFor(v.say, l));
    else for (const x of Object.values(v)) walk(x);
  };
  for (const module of [guidance, breathing]) for (const v of Object.values(module)) walk(v);
  return said.join(' ');
}
