/**
 * The guard on its own. The flow's steps never hand it an unsafe outcome on any path the other tests reach
 * (mutation testing showed it), so here it is handed unsafe outcomes directly, one rule at a time.
 */
import { guard, type Outcome } from '../../lambda/src/flow/transition';
import { initialState, type State } from '../../lambda/src/flow/state';
import { line, talk, type Part } from '../../lambda/src/flow/reply';
import { LOG_ROLL, POSITIONS, TILTS_SKIP_PREGNANT, TILTS_SKIP_T2 } from '../../lambda/src/content/guidance';
import { T1_REMINDER } from '../../lambda/src/content/emergency';
import { TALK } from '../../lambda/src/content/talk';

const cleared: State = { ...initialState(), cleared: true, fullClear: true, later: true, step: 'position' };
const out = (state: State, say: Part[], extra: Partial<Outcome> = {}): Outcome => ({ state, reply: { say, ask: [talk('Ready?')], end: false }, ...extra });
const lines = (o: Outcome) => [...o.reply.say, ...(o.reply.ask ?? []), ...(o.reply.reprompt ?? [])];
const hasLine = (o: Outcome, c: object) => lines(o).some((p) => 'line' in p && p.line === c);
const moves = (o: Outcome) => lines(o).some((p) => ('line' in p && p.line.moves) || 'tilts' in p);

describe('the guard, rule by rule', () => {
  it('lets a safe outcome through untouched', () => {
    const safe = out(cleared, [line(POSITIONS.BED[0]!)]);
    expect(guard(safe)).toBe(safe);
  });

  it('after an emergency: a movement sentence becomes the number and stay put', () => {
    const g = guard(out({ ...cleared, emergency: 'SADDLE', step: 'breathing' }, [line(POSITIONS.BED[0]!)]));
    expect(g.state.step).toBe('emergency');
    expect(moves(g)).toBe(false);
    expect(hasLine(g, T1_REMINDER)).toBe(true);
  });

  it('after an emergency: a step outside the safe set becomes the emergency step, even with harmless words', () => {
    const g = guard(out({ ...cleared, emergency: 'CHEST', step: 'position' }, [talk('Where are you now?')]));
    expect(g.state.step).toBe('emergency');
    expect(g.reply.end).toBe(false);
    const ending = guard({ state: { ...cleared, emergency: 'CHEST', step: 'menu' }, reply: { say: [talk('Bye.')], end: true } });
    expect([ending.state.step, ending.reply.end]).toEqual(['emergency', true]);
  });

  it('after an emergency: forget me and breathing are still allowed', () => {
    for (const step of ['forgetConfirm', 'breathing', 'breathingOffer', 'emergency'] as const) {
      const o = out({ ...cleared, emergency: 'FALL', step }, [talk('Okay.')]);
      expect([step, guard(o)]).toEqual([step, o]);
    }
  });

  it('before Q1-Q5 are cleared: movement words or a plan step go back to the screen', () => {
    const words = guard(out({ ...initialState(), step: 'screen' }, [line(POSITIONS.BED[0]!)]));
    const step = guard(out({ ...initialState(), step: 'breathingOffer' }, [talk('Shall we breathe?')]));
    for (const g of [words, step]) {
      expect([g.state.step, g.state.q]).toEqual(['screen', 0]);
      expect(moves(g)).toBe(false);
      expect(g.reply.say).toContainEqual(talk(TALK.newSessionNoContext));
    }
    // A goodbye before the screen is fine: nothing is asked of the body.
    const bye = { state: { ...initialState(), step: 'menu' as const }, reply: { say: [talk('Bye.')], end: true } };
    expect(guard(bye)).toBe(bye);
  });

  it('before Q6-Q11: getting up or its words go to the next unanswered question, and getting up waits for after', () => {
    const early: State = { ...cleared, later: false, mq: 3 };
    const byStep = guard(out({ ...early, step: 'getUp' }, [talk('Next step.')]));
    expect([byStep.state.step, byStep.state.q, byStep.state.want]).toEqual(['more', 3, 'getUp']);
    const byWords = guard(out({ ...early, step: 'position' }, [line(LOG_ROLL[0]!)]));
    expect(byWords.state.step).toBe('more');
    expect(moves(byWords)).toBe(false);
    const tilts = guard(out({ ...early, step: 'tiltsFeel' }, [{ tilts: { reps: 6 } }]));
    expect([tilts.state.step, tilts.state.want]).toEqual(['more', 'tilts']);
  });

  it('tilts never after a same-day answer, nor in pregnancy', () => {
    const t2 = guard(out({ ...cleared, t2: true, step: 'tiltsFeel' }, [{ tilts: { reps: 6 } }]));
    expect(hasLine(t2, TILTS_SKIP_T2)).toBe(true);
    expect(lines(t2).some((p) => 'tilts' in p)).toBe(false);
    const pregnant = guard(out({ ...cleared, pregnant: true, step: 'tiltsFeel' }, [{ tilts: { reps: 6 } }]));
    expect(hasLine(pregnant, TILTS_SKIP_PREGNANT)).toBe(true);
    expect(pregnant.state.step).not.toBe('tiltsFeel');
  });

  it('a timer or reminder: never before the screen, never after an emergency', () => {
    const alert = { kind: 'alert' as const, plan: { p: 'timer' as const } };
    const before = guard(out({ ...initialState(), step: 'care', alert: { p: 'timer' } }, [], { effect: alert }));
    expect([before.effect, before.state.step, before.state.alert]).toEqual([undefined, 'screen', undefined]);
    const after = guard(out({ ...cleared, emergency: 'FALL', step: 'care', alert: { p: 'timer' } }, [], { effect: alert }));
    expect([after.effect, after.state.step, after.reply.end]).toEqual([undefined, 'emergency', false]);
  });
});
