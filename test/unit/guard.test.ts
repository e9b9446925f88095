/**
 * The guard on its own. The flow's steps never hand it an unsafe outcome on any path the other tests reach
 * (mutation testing showed it), so here it is handed unsafe outcomes directly, one rule at a time.
 */
import { guard, type Outcome } from '../../lambda/src/flow/transition';
import { initialState, STEP_IDS, type State, type StepId } from '../../lambda/src/flow/state';
import { line, talk, type Part } from '../../lambda/src/flow/reply';
import { LOG_ROLL, POSITIONS, TILTS_SKIP_PREGNANT, TILTS_SKIP_T2 } from '../../lambda/src/content/guidance';
import { T1_REMINDER } from '../../lambda/src/content/emergency';
import { MORE_QUESTIONS_INTRO } from '../../lambda/src/content/screen';
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

/** What the guard reads as movement, exercise and tilts: anywhere in the reply, and nothing else. */
describe('what the guard hears in a reply', () => {
  const STAND = POSITIONS.STANDING[0]!; // moves, not an exercise
  const STILL = POSITIONS.STANDING[2]!; // "Don't twist": no movement
  const TILTS: Part = { tilts: { reps: 6 } };
  const early: State = { ...cleared, later: false };
  const reply = (say: Part[], ask?: Part[], reprompt?: Part[]) => ({ say, ...(ask ? { ask } : {}), ...(reprompt ? { reprompt } : {}), end: false });

  it('movement in the question or the reprompt alone counts, as much as in what is said first', () => {
    for (const r of [reply([], [line(STAND)]), reply([], [talk('Ready?')], [line(STAND)]), reply([talk('Okay.')], undefined, [line(STAND)])]) {
      const g = guard({ state: { ...initialState(), step: 'screen', pace: 'slower' }, reply: r });
      expect([g.state.step, moves(g)]).toEqual(['screen', false]);
      expect(g.reply.say).toContainEqual(talk(TALK.newSessionNoContext));
    }
  });

  it('a still sentence is not movement, and a reply with only what is said first is read', () => {
    const still = { state: { ...initialState(), step: 'screen' as const }, reply: reply([line(STILL)]) };
    expect(guard(still)).toBe(still);
  });

  it('the tilts count as movement before the screen, and as exercise at any step before Q6-Q11', () => {
    const screen = guard({ state: { ...initialState(), step: 'screen' }, reply: reply([TILTS], [talk('Ready?')]) });
    expect(lines(screen).some((p) => 'tilts' in p)).toBe(false);
    expect(screen.reply.say).toContainEqual(talk(TALK.newSessionNoContext));
    const offer = guard(out({ ...early, step: 'tiltsOffer' }, [TILTS]));
    expect([offer.state.step, offer.state.want]).toEqual(['more', 'tilts']);
  });

  it('movement that is not an exercise is fine before Q6-Q11, once the screen is clear', () => {
    const o = out({ ...early, step: 'positionHold' }, [line(STAND)]);
    expect(guard(o)).toBe(o);
  });

  it('exercise words at any step before Q6-Q11 wait for them, and keep what was asked for by name', () => {
    const g = guard(out({ ...early, step: 'position', want: 'heatIce' }, [line(LOG_ROLL[1]!)]));
    expect([g.state.step, g.state.want]).toEqual(['more', 'heatIce']);
    const atOffer = guard(out({ ...early, step: 'getUpOffer' }, [line(LOG_ROLL[0]!)]));
    expect([atOffer.state.step, atOffer.state.want]).toEqual(['more', 'getUp']);
  });

  it('sends them to Q6-Q11 with one lead-in, not the questions\' introduction again', () => {
    const g = guard(out({ ...early, mq: 0, step: 'getUp' }, [line(LOG_ROLL[0]!)]));
    expect([g.state.step, g.state.q]).toEqual(['more', 0]);
    expect(g.reply.say).toContainEqual(talk(TALK.laterFirst));
    expect(hasLine(g, MORE_QUESTIONS_INTRO)).toBe(false);
  });

  it('tilts words at the offer after a same-day answer go on to getting up, with the plan, not a side trip', () => {
    const g = guard(out({ ...cleared, t2: true, solo: true, step: 'tiltsOffer' }, [TILTS]));
    expect([g.state.step, g.state.solo, g.state.t2]).toEqual(['getUpOffer', false, true]);
    expect(hasLine(g, TILTS_SKIP_T2)).toBe(true);
    expect(lines(g).some((p) => 'tilts' in p)).toBe(false);
  });

  it('going back to the screen keeps what is known about the person, and a goodbye with movement words is caught too', () => {
    const g = guard({ state: { ...initialState(), step: 'menu', pace: 'slower', pregnant: true }, reply: { say: [line(STAND)], end: true } });
    expect([g.state.step, g.state.q, g.state.pace, g.state.pregnant, g.state.v]).toEqual(['screen', 0, 'slower', true, initialState().v]);
    expect(moves(g)).toBe(false);
  });
});

describe('the guard and effects', () => {
  const alert = { kind: 'alert' as const, plan: { p: 'timer' as const } };

  it('lets a timer through once the screen is clear, with no warning sign', () => {
    const o = out({ ...cleared, step: 'care', alert: { p: 'timer' } }, [], { effect: alert });
    expect(guard(o)).toBe(o);
  });

  it('lets "forget me" through before the screen, and keeps it while holding after a warning sign', () => {
    const forget = { kind: 'forget' as const };
    const early = out({ ...initialState(), step: 'forgetConfirm' }, [], { effect: forget });
    expect(guard(early)).toBe(early);
    const held = guard(out({ ...cleared, emergency: 'FALL', step: 'menu' }, [line(POSITIONS.BED[0]!)], { effect: forget }));
    expect([held.state.step, held.effect]).toEqual(['emergency', forget]);
  });

  it('a timer before the screen keeps the person\'s pace and what is known about them', () => {
    const g = guard(out({ ...initialState(), step: 'care', pace: 'slower', pregnant: true, alert: { p: 'timer' } }, [], { effect: alert }));
    expect([g.state.step, g.state.pace, g.state.pregnant, g.effect]).toEqual(['screen', 'slower', true, undefined]);
    // Said honestly: the questions come first.
    expect(g.reply.say).toContainEqual(talk(TALK.newSessionNoContext));
  });
});

/**
 * Which steps each rule lets through, read off the guard's behaviour for every step of the conversation (the
 * sets are derived from each step's safety class in the catalogue; a step moved to the wrong class shows here).
 */
describe('the guard, step by step', () => {
  const harmless = (state: State): Outcome => out(state, [talk('Okay.')]);
  const through = (make: (step: StepId) => State): StepId[] =>
    STEP_IDS.filter((step) => {
      const o = harmless(make(step));
      return guard(o) === o;
    });

  it('before Q1-Q5 are cleared: only the screen, the standalone checks, "shall we carry on?" and forget me', () => {
    expect(through((step) => ({ ...initialState(), step }))).toEqual(
      ['screen', 'checkSign', 'signCheck', 'resumeOffer', 'rescreen', 'forgetConfirm', 'painCheck'],
    );
  });

  it('after a warning sign: only the emergency advice, breathing and forget me', () => {
    expect(through((step) => ({ ...cleared, emergency: 'FALL', step }))).toEqual(['emergency', 'forgetConfirm', 'breathingOffer', 'breathing']);
  });

  it('before Q6-Q11: every step but the tilts and getting up', () => {
    expect(STEP_IDS.filter((step) => !through((s) => ({ ...cleared, later: false, step: s })).includes(step))).toEqual(['tiltsFeel', 'getUp']);
  });

  it('after a same-day answer or in pregnancy: every step but the tilts themselves', () => {
    for (const flag of [{ t2: true }, { pregnant: true }]) {
      expect(STEP_IDS.filter((step) => !through((s) => ({ ...cleared, ...flag, step: s })).includes(step))).toEqual(['tiltsFeel']);
    }
  });
});
