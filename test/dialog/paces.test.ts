import { talkTo, type Dialog } from '../support/dialog';
import { SCREEN } from '../../lambda/src/content/screen';
import { SUPPORTED_LOCALES } from '../../lambda/src/locale';

async function breathing(d: Dialog) {
  await d.user('alexa, ask back helper to help me breathe');
  for (let i = 0; i < SCREEN.length; i++) await d.user('no', 'AMAZON.NoIntent');
  // The reassurance is its own turn; the breathing asked for starts with a yes.
  return d.user('yes', 'AMAZON.YesIntent');
}

/** The pauses of one breathing set in seconds, in order: in, out, in, out… */
const pauses = (speech: string): number[] => [...speech.matchAll(/\[pause ([\d.]+)s\]/g)].map((m) => Number(m[1]));
/** One in-breath plus one out-breath, cue included, roughly: the later pairs of a set (the first cue is longer). */
const cycle = (speech: string): number => {
  const p = pauses(speech);
  return p[p.length - 2]! + p[p.length - 1]!;
};

describe.each(SUPPORTED_LOCALES)('breathing paces that really change, in %s', (locale) => {
  it('goes slower on "slower", quicker on "that\'s too slow" and "easier", and back on "normal"', async () => {
    const d = talkTo(locale);
    const normal = await breathing(d);
    expect(normal.speech).toContain('In for four, and out for six.');
    const slower = await d.user('slower', 'SlowerIntent');
    expect(slower.speech).toContain('In for four, and a long breath out for eight.');
    const tooSlow = await d.user("that's too slow", 'FasterIntent');
    expect(tooSlow.speech).toContain('In for three, and out for five.');
    const easier = await d.user('easier', 'FasterIntent');
    expect(pauses(easier.speech)).toHaveLength(12);
    const back = await d.user('back to normal', 'NormalPaceIntent');
    expect(back.speech).toContain('In for four, and out for six.');
    // the measured rate of each set follows what was asked for
    expect(cycle(slower.speech)).toBeGreaterThan(cycle(normal.speech) + 1.5);
    expect(cycle(tooSlow.speech)).toBeLessThan(cycle(normal.speech) - 1.5);
    expect(cycle(back.speech)).toBeCloseTo(cycle(normal.speech), 1);
  });
});
