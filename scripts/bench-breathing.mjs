// npm run bench:breathing — every timed set the skill speaks (each breathing pace in the pace table, and the
// pelvic tilts), said by every offline voice this machine has, compared repetition by repetition with its target.
// The set's real SSML is split into its spoken cues and its pauses; each cue is rendered by the voice and
// measured with sox from its first sound to its last, and the pauses are laid between them at their SSML
// length, which is how Alexa plays a <break>. (Only espeak-ng reads SSML; this way every engine is timed alike.)
import { loadPacing } from './lib/skill.mjs';
import { ESPEAK_NG_WPM, knownVoices, requireSox, speechSeconds, ssmlSeconds, wordsPerMinute } from './lib/voices.mjs';

const TOLERANCE = 0.1;

requireSox();
const p = await loadPacing();
const en = p.localePack('en-US');
const passage = p.skillPassage(en);
const pct = (x) => {
  const v = (x * 100).toFixed(1);
  return v === '-0.0' || v === '0.0' ? '0.0%' : `${x > 0 ? '+' : ''}${v}%`;
};

const found = [];
console.log(`Voices (rate measured on ${passage.split(/\s+/).length} words of the skill's own text, first sound to last):`);
for (const v of knownVoices(passage, ESPEAK_NG_WPM)) {
  if (v.missing) {
    console.log(`  skipped  ${v.id.padEnd(30)} not installed (${v.missing})`);
    continue;
  }
  try {
    console.log(`  found    ${v.id.padEnd(30)} ${wordsPerMinute(v, passage).toFixed(0).padStart(4)} words a minute`);
    found.push(v);
  } catch (e) {
    console.log(`  skipped  ${v.id.padEnd(30)} installed, but failed to speak (${String(e.stderr ?? e.message).trim().split('\n')[0]})`);
  }
}
if (found.length === 0) {
  console.error('No voice found: apt-get install -y espeak-ng (and flite, festival, freetts for more voices)');
  process.exit(1);
}

const sets = [
  ...p.PACE_IDS.map((pace) => {
    const { inSeconds, outSeconds } = p.PACES[pace];
    return {
      name: pace,
      label: `${pace} (${inSeconds} in, ${outSeconds} out)`,
      reps: p.BREATHS_PER_SET,
      phasesMs: [inSeconds * 1000, outSeconds * 1000],
      ssml: p.breathingSet(new p.SpeechBuilder(), pace, p.BREATHS_PER_SET).build(),
    };
  }),
  {
    name: 'tilts',
    label: `pelvic tilts (${p.TILT_PHASE_SECONDS} + ${p.TILT_PHASE_SECONDS})`,
    reps: p.TILT_REPS,
    phasesMs: [p.TILT_PHASE_SECONDS * 1000, p.TILT_PHASE_SECONDS * 1000],
    ssml: p.tiltSet(new p.SpeechBuilder(), p.TILT_REPS, en).build(),
  },
];

/** Every repetition of the set as this voice says it: { rep, error } and the worst half-phase error. */
function measure(set, voice) {
  const segments = p.spokenSegments(set.ssml);
  const perRep = set.phasesMs.length;
  if (segments.length !== set.reps * perRep || segments.some((s) => !s.text)) {
    throw new Error(`${set.label}: expected ${set.reps * perRep} cues each followed by a pause, found ${segments.length} segments`);
  }
  const phaseMs = segments.map((s) => speechSeconds(voice, s.text) * 1000 + s.pauseMs);
  const reps = [];
  let worstPhase = 0;
  for (let r = 0; r < set.reps; r++) {
    const got = phaseMs.slice(r * perRep, (r + 1) * perRep);
    const target = set.phasesMs.reduce((a, b) => a + b, 0);
    reps.push({ rep: r + 1, error: (got.reduce((a, b) => a + b, 0) - target) / target });
    got.forEach((ms, i) => {
      const e = (ms - set.phasesMs[i]) / set.phasesMs[i];
      if (Math.abs(e) > Math.abs(worstPhase)) worstPhase = e;
    });
  }
  return { reps, worstPhase };
}

const results = sets.map((set) => ({ set, byVoice: found.map((voice) => ({ voice, ...measure(set, voice) })) }));

console.log(`\nEvery repetition of every set, on ${found.length} voices (goal: each within ${TOLERANCE * 100}% of its target)`);
const header = `${'set'.padEnd(26)}${'reps'.padStart(5)}${'target'.padStart(8)}   ${'range over voices'.padEnd(18)}${'worst rep'.padStart(10)}   ${'worst voice'.padEnd(38)}${'worst half'.padStart(11)}   within`;
console.log(header);
console.log('-'.repeat(header.length));
let failed = 0;
for (const { set, byVoice } of results) {
  const all = byVoice.flatMap((v) => v.reps.map((r) => ({ ...r, voice: v.voice.id })));
  const worst = all.reduce((a, b) => (Math.abs(b.error) > Math.abs(a.error) ? b : a));
  const lo = Math.min(...all.map((r) => r.error));
  const hi = Math.max(...all.map((r) => r.error));
  const worstHalf = byVoice.reduce((a, b) => (Math.abs(b.worstPhase) > Math.abs(a) ? b.worstPhase : a), 0);
  const ok = all.every((r) => Math.abs(r.error) <= TOLERANCE);
  if (!ok) failed++;
  const target = set.phasesMs.reduce((a, b) => a + b, 0) / 1000;
  console.log(
    `${set.label.padEnd(26)}${String(set.reps).padStart(5)}${(target + ' s').padStart(8)}   ${`${pct(lo)} to ${pct(hi)}`.padEnd(18)}` +
      `${pct(worst.error).padStart(10)}   ${`${worst.voice}, rep ${worst.rep}`.padEnd(38)}${pct(worstHalf).padStart(11)}   ${ok ? 'yes' : 'NO'}`,
  );
}

console.log('\nWorst repetition per voice and set');
console.log(`${'voice'.padEnd(30)}${results.map((r) => r.set.name.padStart(10)).join('')}`);
for (const [i, voice] of found.entries()) {
  const cells = results.map((r) => {
    const w = r.byVoice[i].reps.reduce((a, b) => (Math.abs(b.error) > Math.abs(a.error) ? b : a));
    return pct(w.error).padStart(10);
  });
  console.log(`${voice.id.padEnd(30)}${cells.join('')}`);
}

// The assembled timing assumes a <break> is exactly its length after the cue. espeak-ng also plays the SSML
// itself; how far its own timing of the whole set differs shows how much that assumption can move a set.
const reader = found
  .filter((v) => v.renderSsml && v.id.startsWith('espeak-ng'))
  .sort((a, b) => Math.abs(wordsPerMinute(a, passage) - p.WORDS_PER_MINUTE) - Math.abs(wordsPerMinute(b, passage) - p.WORDS_PER_MINUTE))[0];
if (reader) {
  const cells = results.map(({ set }) => {
    const segments = p.spokenSegments(set.ssml);
    // first sound to last: everything but the pause after the last cue
    const assembled = segments.reduce((a, s) => a + speechSeconds(reader, s.text) + s.pauseMs / 1000, 0) - segments.at(-1).pauseMs / 1000;
    return `${set.name} ${pct((ssmlSeconds(reader, set.ssml) - assembled) / assembled)}`;
  });
  console.log(`
${reader.id} reading each set's SSML itself, against the cues and pauses laid end to end: ${cells.join(', ')}`);
}

if (failed) console.error(`\n${failed} set(s) have a repetition more than ${TOLERANCE * 100}% off its target on some voice.`);
process.exit(failed ? 1 : 0);
