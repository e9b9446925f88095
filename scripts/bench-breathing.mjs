// npm run bench:breathing — renders each pace's SSML with espeak-ng, measures it with sox, and
// compares the spoken cycle with its target. A cycle is measured as (len(6 breaths) - len(1 breath)) / 5,
// so espeak's fixed lead-in and trailing silence cancel out.
import { loadPacing, requireTools, spokenSeconds, SPEAKING_RATE } from './lib/espeak.mjs';

requireTools();
const p = await loadPacing();
const en = p.localePack('en-US');
const TOLERANCE = 0.1;

const rows = [];
const measure = (label, breaths, targetSeconds, render) => {
  const many = spokenSeconds(render(breaths).build());
  const one = spokenSeconds(render(1).build());
  const cycle = (many - one) / (breaths - 1);
  const error = (cycle - targetSeconds) / targetSeconds;
  rows.push({ label, breaths, total: many, cycle, target: targetSeconds, error });
};

for (const pace of p.PACE_IDS) {
  const { inSeconds, outSeconds } = p.PACES[pace];
  measure(`${pace} (${inSeconds} in, ${outSeconds} out)`, p.BREATHS_PER_SET, inSeconds + outSeconds, (n) => p.breathingSet(new p.SpeechBuilder(), pace, n));
}
measure(`pelvic tilts (${p.TILT_PHASE_SECONDS} + ${p.TILT_PHASE_SECONDS})`, p.TILT_REPS, 2 * p.TILT_PHASE_SECONDS, (n) => p.tiltSet(new p.SpeechBuilder(), n, en));

console.log(`Spoken pace, espeak-ng at ${SPEAKING_RATE} words a minute, measured with sox`);
console.log('pace                      breaths   set length   cycle    target   error   within 10%');
let failed = 0;
for (const r of rows) {
  const ok = Math.abs(r.error) <= TOLERANCE;
  if (!ok) failed++;
  console.log(
    `${r.label.padEnd(26)}${String(r.breaths).padStart(7)}${(r.total.toFixed(2) + ' s').padStart(13)}${(r.cycle.toFixed(2) + ' s').padStart(9)}` +
      `${(r.target.toFixed(2) + ' s').padStart(9)}${((r.error * 100).toFixed(1) + '%').padStart(8)}   ${ok ? 'yes' : 'NO'}`,
  );
}
process.exit(failed ? 1 : 0);
