// Measures how long each timed cue takes to say, for CUE_MS in lambda/src/speech/pacing.ts.
// Method: the marginal length of one more "cue + 1 s pause" in a chain, so espeak's fixed lead-in
// and trailing silence cancel out: (len(cue, 1 s, cue, 1 s) - len(cue, 1 s)) - 1 s.
import { loadPacing, requireTools, spokenSeconds, SPEAKING_RATE } from './lib/espeak.mjs';

requireTools();
const p = await loadPacing();
const en = p.localePack('en-US');
const cues = {
  ...Object.fromEntries(Object.entries(p.CUES).map(([k, v]) => [k, v])),
  ...Object.fromEntries(Object.entries(p.TILT_CUES).map(([k, v]) => [k, typeof v.say === 'function' ? v.say(en) : v.say])),
};
const once = (t) => new p.SpeechBuilder().text(t).pause(1000).build();
const twice = (t) => new p.SpeechBuilder().text(t).pause(1000).text(t).pause(1000).build();

console.log(`espeak-ng at ${SPEAKING_RATE} words a minute`);
console.log('cue            measured ms   in the model');
for (const [id, text] of Object.entries(cues)) {
  const ms = Math.round((spokenSeconds(twice(text)) - spokenSeconds(once(text)) - 1) * 1000);
  console.log(`${id.padEnd(14)} ${String(ms).padStart(11)}   ${String(p.CUE_MS[id] ?? '-').padStart(12)}`);
}
