import { BREATHS_PER_SET, CUES, PACES, PACE_IDS } from '../../lambda/src/content/breathing';
import { TILT_CUES, TILT_PHASE_SECONDS, TILT_REPS } from '../../lambda/src/content/guidance';
import { localePack } from '../../lambda/src/locale';
import { CUE_MS, breathingSet, tiltSet } from '../../lambda/src/speech/pacing';
import { SpeechBuilder } from '../../lambda/src/speech/ssml';
import { spokenSegments } from '../../tools/sim/render';

const en = localePack('en-US');
const CUE_OF_TEXT = new Map<string, keyof typeof CUE_MS>([
  ...Object.entries(CUES).map(([id, text]) => [text, id] as [string, keyof typeof CUE_MS]),
  ...Object.entries(TILT_CUES).map(([id, c]) => [c.say, id] as [string, keyof typeof CUE_MS]),
]);

/** Every timed set the skill speaks, with the length each of its phases must last. */
const SETS = [
  ...PACE_IDS.map((pace) => ({
    name: `breathing, ${pace}`,
    ssml: breathingSet(new SpeechBuilder(), pace, BREATHS_PER_SET).build(),
    phasesMs: Array.from({ length: BREATHS_PER_SET }, () => [PACES[pace].inSeconds * 1000, PACES[pace].outSeconds * 1000]).flat(),
  })),
  {
    name: 'pelvic tilts',
    ssml: tiltSet(new SpeechBuilder(), TILT_REPS, en).build(),
    phasesMs: Array.from({ length: 2 * TILT_REPS }, () => TILT_PHASE_SECONDS * 1000),
  },
];

describe.each(SETS)('the timed set: $name', ({ ssml, phasesMs }) => {
  const segments = spokenSegments(ssml);

  it('gives each phase its cue and a pause that makes cue plus pause the phase target', () => {
    expect(segments).toHaveLength(phasesMs.length);
    segments.forEach((s, i) => {
      const cue = CUE_OF_TEXT.get(s.text);
      expect(cue).toBeDefined();
      expect(CUE_MS[cue!] + s.pauseMs).toBe(phasesMs[i]);
    });
  });

  // Voices differ: the slowest cue measured across 14 offline voices was 1.13 times the model (pacing.ts).
  // Cues this short keep every repetition within 10% even for a voice half again as slow as the model.
  it('keeps its cues short enough that a voice 1.5 times slower than the model stays within 10% a repetition', () => {
    for (let i = 0; i + 1 < segments.length; i += 2) {
      const cues = CUE_MS[CUE_OF_TEXT.get(segments[i].text)!] + CUE_MS[CUE_OF_TEXT.get(segments[i + 1].text)!];
      expect(0.5 * cues).toBeLessThanOrEqual(0.1 * (phasesMs[i] + phasesMs[i + 1]));
    }
  });
});

describe('the breathing cues', () => {
  it.each(PACE_IDS)('%s: the first breath in is named in full, the rest are the short cue', (pace) => {
    const texts = spokenSegments(breathingSet(new SpeechBuilder(), pace, BREATHS_PER_SET).build()).map((s) => s.text);
    const ins = texts.filter((_, i) => i % 2 === 0);
    expect(ins[0]).toBe(CUES.firstIn);
    expect(ins.slice(1)).toEqual(Array(BREATHS_PER_SET - 1).fill(CUES.in));
    expect(texts.filter((_, i) => i % 2 === 1)).toEqual(Array(BREATHS_PER_SET).fill(CUES.out));
  });
});
