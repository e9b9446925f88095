// npm run calibrate:cues — measures how long each timed cue takes to say, for CUE_MS in lambda/src/speech/pacing.ts.
// 1. What rate does espeak-ng really speak at? Each -s setting is measured in words a minute on the skill's own text.
// 2. The model is calibrated with espeak-ng at the setting nearest WORDS_PER_MINUTE (pacing.ts), a typical Alexa rate:
//    each cue rendered alone, measured with sox from its first sound to its last.
// 3. The same cue said by every voice of the pace benchmark gives the spread written next to CUE_MS.
import { loadPacing } from './lib/skill.mjs';
import { ESPEAK_NG_WPM, espeakNgAt, espeakNgRates, knownVoices, requireSox, speechSeconds } from './lib/voices.mjs';

requireSox();
const p = await loadPacing();
const en = p.localePack('en-US');
const passage = p.skillPassage(en);
const words = passage.split(/\s+/).length;

const rates = espeakNgRates(passage);
if (rates.length === 0) {
  console.error('espeak-ng is missing: apt-get install -y espeak-ng');
  process.exit(1);
}
console.log(`espeak-ng's -s setting and the rate it really speaks at, on ${words} words of the skill's own text (first sound to last):`);
for (const r of rates) console.log(`  -s ${String(r.setting).padStart(3)}  ${r.wpm.toFixed(0).padStart(4)} words a minute`);

const target = p.WORDS_PER_MINUTE;
const calibration = espeakNgAt(target, rates);
const speaks = (v) => {
  try {
    speechSeconds(v, p.CUES.in);
    return true;
  } catch {
    console.log(`(skipped ${v.id}: installed, but failed to speak)`);
    return false;
  }
};
const others = knownVoices(passage, ESPEAK_NG_WPM).filter((v) => !v.missing && speaks(v));
const cues = {
  ...p.CUES,
  ...Object.fromEntries(Object.entries(p.TILT_CUES).map(([k, v]) => [k, typeof v.say === 'function' ? v.say(en) : v.say])),
};

console.log(`\nCue lengths in ms: the model is ${calibration.id} (about ${target} words a minute); the spread is over the ${others.length} voices of the pace benchmark`);
console.log(`${'cue'.padEnd(12)}${'text'.padEnd(16)}${'measured'.padStart(9)}${'CUE_MS'.padStart(8)}   spread over voices`);
let stale = 0;
for (const [id, text] of Object.entries(cues)) {
  const ms = Math.round(speechSeconds(calibration, text) * 1000);
  const spread = others.map((v) => ({ id: v.id, ms: Math.round(speechSeconds(v, text) * 1000) })).sort((a, b) => a.ms - b.ms);
  const model = p.CUE_MS[id];
  if (model === undefined || Math.abs(model - ms) > 20) stale++;
  const range = spread.length ? `${spread[0].ms}-${spread.at(-1).ms} (${spread[0].id} to ${spread.at(-1).id})` : 'no other voice installed';
  console.log(`${id.padEnd(12)}${JSON.stringify(text).padEnd(16)}${String(ms).padStart(9)}${String(model ?? '-').padStart(8)}   ${range}`);
}
if (stale) console.log(`\n${stale} cue(s) differ from CUE_MS by more than 20 ms: copy the measured column into pacing.ts.`);
