/**
 * The emergency's own pieces in flow/plan.ts, directly (mutation testing found them unchecked): whether what to
 * do while waiting was already said, the hold after an emergency, and the warning-sign check's return point.
 */
import { checkSign, emergencyHold, groupOf, waitHeard } from '../../lambda/src/flow/plan';
import { initialState, type State } from '../../lambda/src/flow/state';
import { T1_REMINDER, WHILE_YOU_WAIT } from '../../lambda/src/content/emergency';
import type { Part } from '../../lambda/src/flow/reply';

const base: State = { ...initialState(), emergency: 'Q1' };
const lineOf = (p: Part | undefined) => (p && 'line' in p ? p.line : undefined);

describe('what to do while waiting: already said?', () => {
  it('not after the first emergency turn, yes after the second and during breathing', () => {
    expect(waitHeard({ ...base, step: 'emergency', q: 0 })).toBe(false);
    expect(waitHeard({ ...base, step: 'emergency', q: 1 })).toBe(true);
    expect(waitHeard({ ...base, step: 'emergency', q: 2 })).toBe(true);
    expect(waitHeard({ ...base, step: 'breathing', q: 0 })).toBe(true);
    expect(waitHeard({ ...base, step: 'breathingOffer', q: 0 })).toBe(true);
    for (const step of ['screen', 'checkSign', 'position', 'menu'] as const) expect(waitHeard({ ...base, step, q: 1 })).toBe(false);
  });
});

describe('the hold after an emergency', () => {
  it('keeps the emergency step and its question, and from anywhere else asks the first question again', () => {
    expect(emergencyHold({ ...base, step: 'emergency', q: 1 }, false).state).toMatchObject({ step: 'emergency', q: 1, emergency: 'Q1' });
    expect(emergencyHold({ ...base, step: 'breathing', q: 3 }, false).state).toMatchObject({ step: 'emergency', q: 0 });
  });

  it('says the number first, then what to do for this cause, and keeps listening unless it ends', () => {
    const fall = emergencyHold({ ...base, step: 'emergency', q: 1, emergency: 'FALL' }, false);
    expect(lineOf(fall.reply.say[0])).toBe(T1_REMINDER);
    expect(lineOf(fall.reply.say[1])).toBe(WHILE_YOU_WAIT.fall);
    const chest = emergencyHold({ ...base, step: 'emergency', q: 1, emergency: 'CHEST' }, false);
    expect(lineOf(chest.reply.say[1])).toBe(WHILE_YOU_WAIT.heart);
    expect(WHILE_YOU_WAIT.heart).not.toBe(WHILE_YOU_WAIT.fall);
    expect(fall.reply.end).toBe(false);
    expect(fall.reply.ask?.length).toBeGreaterThan(0);
    const closing = emergencyHold({ ...base, step: 'emergency', q: 1 }, true);
    expect(closing.reply.end).toBe(true);
    expect(closing.reply.ask).toBeUndefined();
  });
});

describe('the warning-sign check', () => {
  it('remembers where it came from; asked again, it is the emergency', () => {
    const at: State = { ...initialState(), step: 'more', q: 4, cleared: true };
    const first = checkSign(at);
    expect(first.state).toMatchObject({ step: 'checkSign', ret: 'more', rq: 4 });
    // "It's an emergency" again, to the question of which sign: that is a yes, and the number now.
    const again = checkSign(first.state, true);
    expect(again.state).toMatchObject({ step: 'emergency', emergency: 'UNKNOWN' });
    expect(again.reply.end).toBe(false);
    // Other words like a sign ("I need to pee") are not an answer: the same check, asked for once more.
    const words = checkSign(first.state);
    expect(words.state).toEqual(first.state);
    expect(words.reply.say.length).toBeGreaterThan(0);
  });
});

describe('the cause decides the advice', () => {
  it('pain into both legs or numbness found during movement is the emergency department (cauda equina)', () => {
    expect(groupOf('PAIN')).toBe('cauda');
    expect(lineOf(emergencyHold({ ...base, step: 'emergency', q: 1, emergency: 'PAIN' }, false).reply.say[1])).toBe(WHILE_YOU_WAIT.cauda);
    expect(groupOf('UNKNOWN')).toBe('unknown');
    expect(groupOf('Q4A')).toBe('cauda');
    expect(groupOf('FALL')).toBe('fall');
  });
});
