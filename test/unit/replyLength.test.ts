/**
 * The short-turn rule itself (test/support/replyLength.ts): what counts as a word, what is exempt, and that the
 * pure-flow count and the SSML count agree on the same replies, so the model check and the dialog tests hold
 * the same line.
 */
import type { FlowEvent } from '../../lambda/src/flow/events';
import { line, talk, type Reply } from '../../lambda/src/flow/reply';
import type { State } from '../../lambda/src/flow/state';
import { transition } from '../../lambda/src/flow/transition';
import { SCREEN } from '../../lambda/src/content/screen';
import { CALL_NOW } from '../../lambda/src/content/emergency';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { render } from '../../lambda/src/speech/render';
import { lengthProblems, MAX_TURN_WORDS, replyLength, ssmlLength, wordCount } from '../support/replyLength';

const NOW = Date.parse('2026-11-21T15:00:00Z');
const no = (n: number): FlowEvent[] => Array<FlowEvent>(n).fill({ kind: 'no' });

/** Conversations through the screen, the plan, the close, an emergency, breathing and the tilts. */
const PATHS: Record<string, FlowEvent[]> = {
  plan: [{ kind: 'entry' }, ...no(SCREEN.length), { kind: 'position', pos: 'FLOOR' }, { kind: 'done' }, { kind: 'yes' }, { kind: 'no' }, ...no(10), { kind: 'yes' }, { kind: 'feel', feeling: 'better' }, { kind: 'no' }, ...no(3), { kind: 'no' }, ...Array<FlowEvent>(6).fill({ kind: 'yes' }), ...no(3), { kind: 'yes' }, { kind: 'yes' }],
  emergency: [{ kind: 'entry' }, { kind: 'no' }, { kind: 'emergency', sign: 'BLADDER_LEAK' }, { kind: 'yes' }, { kind: 'yes' }, { kind: 'repeat' }, { kind: 'no' }],
  sideTrips: [{ kind: 'entry' }, ...no(SCREEN.length), { kind: 'topic', topic: 'doctor' }, { kind: 'yes' }, { kind: 'yes' }, { kind: 'question', question: 'emergencyRoom' }, { kind: 'topic', topic: 'heatIce' }, { kind: 'help' }],
};

function replies(events: FlowEvent[]): Reply[] {
  let s: State | undefined;
  const out: Reply[] = [];
  for (const e of events) {
    const o = transition(s, e, { now: NOW, local: { date: '2026-11-21', hour: 15, minute: 0 } });
    out.push(o.reply);
    if (o.reply.end) break;
    s = o.state;
  }
  return out;
}

describe('the words a person hears in one turn', () => {
  it('counts spoken words: a contraction is one, a number is one, punctuation none', () => {
    expect(wordCount("Call 911 now. Alexa can't call for you.")).toBe(8);
    expect(wordCount('Say: "Alexa, call for help."')).toBe(5);
    expect(wordCount('')).toBe(0);
  });

  it('fails a reply over the limit and a reprompt over it, with the first words, and lets a timed set be long', () => {
    const long = Array.from({ length: MAX_TURN_WORDS + 1 }, (_, i) => `word${i}`).join(' ');
    const en = localePack('en-US');
    expect(lengthProblems(replyLength({ say: [talk(long)], end: true }, en))).toEqual([`a reply over 60 words (61): ${long.split(' ').slice(0, 12).join(' ')}`]);
    expect(lengthProblems(replyLength({ say: [talk('Hi.')], ask: [talk('Ready?')], reprompt: [talk(long)], end: false }, en))[0]).toMatch(/^a reprompt over 60 words \(61\): word0 word1/);
    const exercise: Reply = { say: [talk(long), { breathe: { pace: 'normal', breaths: 6 } }], ask: [talk('Another minute?')], end: false };
    expect(lengthProblems(replyLength(exercise, en))).toEqual([]);
    expect(lengthProblems(replyLength({ ...exercise, reprompt: [talk(long)] }, en))).toHaveLength(1);
  });

  it('puts the locale and the computed parts in, as the renderer does', () => {
    expect(replyLength({ say: [line(CALL_NOW.fall)], end: true }, localePack('en-AU')).words).toBe(16);
    expect(replyLength({ say: [line({ say: 'From {from} until {until}.', sources: ['S-SEED0'] }, { from: '4 PM', until: '8 PM' })], end: true }, localePack('en-US')).words).toBe(6);
  });

  it('walks paths that hold every kind of timed set', () => {
    const parts = Object.values(PATHS).flatMap(replies).flatMap((r) => r.say);
    expect(['breathe', 'tilts', 'hold'].filter((k) => !parts.some((p) => k in p))).toEqual([]);
  });

  describe.each(SUPPORTED_LOCALES)('in %s, the flow count and the SSML count agree', (locale) => {
    const l = localePack(locale);
    it.each(Object.keys(PATHS))('on every reply of the %s path', (path) => {
      const all = replies(PATHS[path]!);
      expect(all.length).toBeGreaterThan(5);
      for (const reply of all) {
        const flow = replyLength(reply, l);
        const out = render(reply, l);
        const ssml = ssmlLength(out.speech, out.reprompt);
        expect(ssml.exercise).toBe(flow.exercise);
        // A timed set speaks its cues too: only the words outside it are the flow's count.
        if (!flow.exercise) expect(ssml.words).toBe(flow.words);
        expect(ssml.repromptWords).toBe(flow.repromptWords);
      }
    });
  });
});
