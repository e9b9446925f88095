/**
 * The memory kept between conversations, unit by unit: the two-hour window at its exact edges, what a state
 * may leave behind (never a cleared screen after an emergency or a same-day answer), and what is read back.
 */
import { memoryFrom, readMemory, recentlyCleared, resumePoint, RESUME_WINDOW_MS, type Memory } from '../../lambda/src/flow/memory';
import { initialState, STEP_IDS, type State, type StepId } from '../../lambda/src/flow/state';

const T0 = Date.UTC(2026, 10, 21, 15, 0, 0);
const HOUR = 60 * 60 * 1000;
const cleared = (over: Partial<Memory> = {}): Memory => ({ v: 1, clear: true, at: T0, ...over });

/** A state that cleared Q1-Q5 one by one in this conversation, at this step. */
const clearState = (over: Partial<State> = {}): State => ({ ...initialState(), step: 'breathingOffer', cleared: true, fullClear: true, ...over });

describe('the two-hour window', () => {
  it('is two hours', () => {
    expect(RESUME_WINDOW_MS).toBe(2 * HOUR);
  });

  it('is open at exactly the moment the screen was cleared', () => {
    expect(recentlyCleared(cleared(), T0)).toBe(true);
  });

  it('is open at exactly two hours', () => {
    expect(recentlyCleared(cleared(), T0 + 2 * HOUR)).toBe(true);
  });

  it('is closed one millisecond after two hours', () => {
    expect(recentlyCleared(cleared(), T0 + 2 * HOUR + 1)).toBe(false);
  });

  it('is closed when the clock says the screen was cleared in the future (negative age)', () => {
    expect(recentlyCleared(cleared(), T0 - 1)).toBe(false);
    expect(recentlyCleared(cleared(), T0 - HOUR)).toBe(false);
  });

  it('is closed without a cleared screen, without a time, or without memory', () => {
    expect(recentlyCleared(undefined, T0)).toBe(false);
    expect(recentlyCleared({ v: 1, at: T0 }, T0)).toBe(false);
    expect(recentlyCleared({ v: 1, clear: false, at: T0 }, T0)).toBe(false);
    expect(recentlyCleared({ v: 1, clear: true }, T0)).toBe(false);
  });
});

describe('the resume point', () => {
  it('is where the last conversation stopped, with its question and position, inside the window', () => {
    expect(resumePoint(cleared({ step: 'more', q: 3, pos: 'SIDE' }), T0 + HOUR)).toEqual({ step: 'more', q: 3, pos: 'SIDE' });
  });

  it('starts at question 0 when none was kept, and carries no position when none was kept', () => {
    expect(resumePoint(cleared({ step: 'tiltsOffer' }), T0 + 2 * HOUR)).toEqual({ step: 'tiltsOffer', q: 0 });
  });

  it('is nothing outside the window, without a step, or without a cleared screen', () => {
    expect(resumePoint(cleared({ step: 'more', q: 3 }), T0 + 2 * HOUR + 1)).toBeUndefined();
    expect(resumePoint(cleared({ step: 'more', q: 3 }), T0 - 1)).toBeUndefined();
    expect(resumePoint(cleared(), T0)).toBeUndefined();
    expect(resumePoint({ v: 1, step: 'more', q: 3, at: T0 }, T0)).toBeUndefined();
    expect(resumePoint(undefined, T0)).toBeUndefined();
  });
});

describe('what a conversation leaves behind', () => {
  it('is a cleared screen with the time and where to carry on, after a full clear', () => {
    expect(memoryFrom(clearState({ step: 'more', q: 2, pos: 'BACK', pace: 'slower', disclaimed: true }), T0)).toEqual({
      v: 1, pace: 'slower', disclaimed: true, clear: true, at: T0, step: 'more', q: 2, pos: 'BACK',
    });
  });

  it('never says the screen was clear after an emergency, whatever else is set', () => {
    for (const emergency of ['Q1', 'SADDLE', 'RESCREEN', 'CALL', 'CALLED', 'UNKNOWN'] as const) {
      const m = memoryFrom(clearState({ emergency, step: 'emergency' }), T0);
      expect(m).toBeDefined();
      expect(m).not.toHaveProperty('clear');
      expect(m).not.toHaveProperty('at');
      expect(m).not.toHaveProperty('step');
      // Even at a step that would otherwise be carried on from.
      const atBreathing = memoryFrom(clearState({ emergency, step: 'breathingOffer' }), T0);
      expect(atBreathing).toEqual({ v: 1, pace: 'normal' });
    }
  });

  it('never says the screen was clear after a same-day (T2) answer', () => {
    expect(memoryFrom(clearState({ t2: true, step: 'more', q: 1 }), T0)).toEqual({ v: 1, pace: 'normal' });
  });

  it('never says the screen was clear without a full clear in this conversation', () => {
    // Cleared by the short check only: the next conversation must ask Q1-Q5 again.
    expect(memoryFrom(clearState({ fullClear: undefined }), T0)).toEqual({ v: 1, pace: 'normal' });
    // A full clear flag without the cleared flag is not a clear screen either.
    expect(memoryFrom(clearState({ cleared: undefined }), T0)).toEqual({ v: 1, pace: 'normal' });
    expect(memoryFrom(initialState(), T0)).toEqual({ v: 1, pace: 'normal' });
  });

  it('writes nothing at all after "forget me"', () => {
    expect(memoryFrom(clearState({ noSave: true }), T0)).toBeUndefined();
  });

  it('keeps a cleared screen but no step when the step is not one to carry on from', () => {
    for (const step of ['screen', 'checkSign', 'resumeOffer', 'rescreen', 'forgetConfirm', 'reminderConfirm', 'menu'] as const) {
      expect(memoryFrom(clearState({ step, q: 2 }), T0)).toEqual({ v: 1, pace: 'normal', clear: true, at: T0 });
    }
  });

  it('resumes a minute of breathing, or a set of tilts, at its start', () => {
    expect(memoryFrom(clearState({ step: 'breathing', q: 4 }), T0)).toMatchObject({ step: 'breathingOffer', q: 4 });
    expect(memoryFrom(clearState({ step: 'tiltsFeel', q: 1 }), T0)).toMatchObject({ step: 'tiltsOffer', q: 1 });
    expect(memoryFrom(clearState({ step: 'getUp', q: 2 }), T0)).toMatchObject({ step: 'getUp', q: 2 });
  });

  it('stopped at "Shall we carry on?" inside a conversation, keeps the place it would have carried on to', () => {
    expect(memoryFrom(clearState({ step: 'resumeOffer', q: 0, ret: 'care', rq: 1 }), T0)).toMatchObject({ step: 'care', q: 1 });
    expect(memoryFrom(clearState({ step: 'resumeOffer', q: 0, ret: 'getUp', rq: 3 }), T0)).toMatchObject({ step: 'getUp', q: 3 });
  });

  it('leaves out the position when there is none', () => {
    expect(memoryFrom(clearState({ step: 'position' }), T0)).not.toHaveProperty('pos');
  });
});

describe('reading memory back', () => {
  it('drops a cleared screen without a readable time', () => {
    for (const at of [undefined, null, '1', Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, {}]) {
      const m = readMemory({ v: 1, clear: true, at, step: 'more', q: 2, pos: 'SIDE', pace: 'slower' });
      expect(m).toEqual({ v: 1, pace: 'slower' });
    }
  });

  it('keeps a cleared screen with a readable time, and where to carry on', () => {
    expect(readMemory({ v: 1, clear: true, at: T0, step: 'more', q: 2, pos: 'SIDE', disclaimed: true })).toEqual({
      v: 1, disclaimed: true, clear: true, at: T0, step: 'more', q: 2, pos: 'SIDE',
    });
    // Zero is a readable time.
    expect(readMemory({ v: 1, clear: true, at: 0 })).toEqual({ v: 1, clear: true, at: 0 });
  });

  it('reads only `true` as a cleared screen', () => {
    for (const clear of ['true', 1, 'yes', {}]) expect(readMemory({ v: 1, clear, at: T0 })).toEqual({ v: 1 });
  });

  it('keeps no step without a cleared screen', () => {
    expect(readMemory({ v: 1, at: T0, step: 'more', q: 2, pos: 'SIDE' })).toEqual({ v: 1 });
  });

  it('keeps only steps worth carrying on with', () => {
    const resumable: StepId[] = ['position', 'positionHold', 'breathingOffer', 'breathing', 'more', 'tiltsOffer', 'tiltsFeel', 'getUpOffer', 'getUp', 'final', 'care'];
    for (const step of STEP_IDS) {
      const m = readMemory({ v: 1, clear: true, at: T0, step });
      if (resumable.includes(step)) expect(m).toHaveProperty('step', step);
      else expect(m).not.toHaveProperty('step');
    }
    expect(readMemory({ v: 1, clear: true, at: T0, step: 'constructor' })).not.toHaveProperty('step');
  });

  it('reads a question index from 0 to 19 and anything else as 0', () => {
    const q = (v: unknown) => readMemory({ v: 1, clear: true, at: T0, step: 'more', q: v })?.q;
    expect(q(0)).toBe(0);
    expect(q(19)).toBe(19);
    expect(q(20)).toBe(0);
    expect(q(-1)).toBe(0);
    expect(q(1.5)).toBe(0);
    expect(q('3')).toBe(0);
    expect(q(undefined)).toBe(0);
  });

  it('keeps a position only with a step, and only a known one', () => {
    expect(readMemory({ v: 1, clear: true, at: T0, pos: 'SIDE' })).not.toHaveProperty('pos');
    expect(readMemory({ v: 1, clear: true, at: T0, step: 'more', pos: 'ROOF' })).not.toHaveProperty('pos');
  });

  it('reads only known paces and `true` for the disclaimer', () => {
    expect(readMemory({ v: 1, pace: 'even', disclaimed: true })).toEqual({ v: 1, pace: 'even', disclaimed: true });
    expect(readMemory({ v: 1, pace: 'constructor', disclaimed: 'yes' })).toEqual({ v: 1 });
  });

  it('reads nothing from another version, or from what is not an object', () => {
    for (const raw of [undefined, null, 1, 'x', [], [{ v: 1 }], { v: 2, clear: true, at: T0 }, { v: '1' }, {}]) {
      expect(readMemory(raw)).toBeUndefined();
    }
  });

  it('reads back what a cleared conversation wrote', () => {
    const written = memoryFrom(clearState({ step: 'getUp', q: 1, pos: 'BED', pace: 'slower' }), T0)!;
    expect(readMemory(JSON.parse(JSON.stringify(written)))).toEqual(written);
  });
});
