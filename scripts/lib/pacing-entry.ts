// What the breathing benchmark and the cue calibration need from the skill, bundled on the fly.
export { CUES, PACES, PACE_IDS, BREATHS_PER_SET } from '../../lambda/src/content/breathing';
export { TILT_CUES, TILT_PHASE_SECONDS, TILT_REPS } from '../../lambda/src/content/guidance';
export { CUE_MS, breathingSet, tiltSet } from '../../lambda/src/speech/pacing';
export { SpeechBuilder } from '../../lambda/src/speech/ssml';
export { localePack } from '../../lambda/src/locale';
