/**
 * The catalogue's shared pieces, through `transition()`: the offers' answers, what "okay" means at each kind of
 * step, the resting positions for each place and age, and the two ways up. Mutation testing found these were
 * reached by the dialog tests but never checked.
 */
import { transition } from '../../lambda/src/flow/transition';
import type { FlowEvent } from '../../lambda/src/flow/events';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import { initialState, type State, type StepId } from '../../lambda/src/flow/state';
import { MEDICINE_PART } from '../../lambda/src/flow/plan';
import {
  FLOOR_GET_UP, GET_DOWN, HOLD_INTRO, LIE_DOWN_OFFER, LOG_ROLL, LOG_ROLL_DONE, POSITION_STOP_RULE, POSITIONS,
} from '../../lambda/src/content/guidance';
import { TALK } from '../../lambda/src/content/talk';
import type { Clinical } from '../../lambda/src/content/types';

/** Cleared, Q6-Q11 answered: every step of the plan is open. */
const ready: State = { ...initialState(), cleared: true, fullClear: true, later: true, disclaimed: true };
const at = (step: StepId, over: Partial<State> = {}): State => ({ ...ready, step, ...over });
const parts = (r: Reply): Part[] => [...r.say, ...(r.ask ?? []), ...(r.reprompt ?? [])];
const saidLines = (r: Reply): Clinical[] => r.say.flatMap((p) => ('line' in p ? [p.line] : []));
const says = (r: Reply, c: Clinical) => parts(r).some((p) => 'line' in p && p.line === c);
const said = (r: Reply, t: string) => r.say.some((p) => 'talk' in p && p.talk === t);

describe('an offer in the plan (the tilts, getting up)', () => {
  it('moves on to the next stage on no, skip or done', () => {
    for (const kind of ['no', 'skip', 'done'] as const) {
      expect([kind, transition(at('tiltsOffer'), { kind }).state.step]).toEqual([kind, 'getUpOffer']);
      expect([kind, transition(at('getUpOffer'), { kind }).state.step]).toEqual([kind, 'final']);
    }
  });

  it('goes back a stage on "go back", offering it again', () => {
    const back = transition(at('getUpOffer'), { kind: 'previous' });
    expect(back.state.step).toBe('tiltsOffer');
    expect(said(back.reply, TALK.takeYourTime)).toBe(false);
  });

  it('waits, kindly, for anything else, asking the same question again', () => {
    for (const step of ['tiltsOffer', 'getUpOffer'] as const) {
      for (const e of [{ kind: 'notSure' }, { kind: 'longer' }, { kind: 'feel', feeling: 'better' }] as FlowEvent[]) {
        const o = transition(at(step), e);
        expect([step, e.kind, o.state]).toEqual([step, e.kind, at(step)]);
        expect(o.reply.say).toEqual([{ talk: TALK.takeYourTime }]);
        expect(o.reply.ask).toEqual(transition(at(step), { kind: 'repeat' }).reply.ask);
      }
    }
  });
});

describe('"okay"', () => {
  const ack: FlowEvent = { kind: 'ack' };

  it('is a yes to an offer', () => {
    expect(transition(at('tiltsOffer'), ack).state.step).toBe('tiltsFeel');
    expect(transition(at('getUpOffer', { pos: 'BED' }), ack).state.step).toBe('getUp');
    // Where they are not known yet: asked first, never a bed edge for someone who may be on the floor.
    expect(transition(at('getUpOffer'), ack).state).toMatchObject({ step: 'position', want: 'getUp' });
  });

  it('is asked again at a question about symptoms: never taken as no', () => {
    for (const step of ['screen', 'more'] as const) {
      const o = transition(at(step, step === 'screen' ? { cleared: undefined, fullClear: undefined, later: undefined } : { later: undefined }), ack);
      expect([step, o.state.step, o.state.q]).toEqual([step, step, 0]);
      expect(o.reply.say).toEqual([{ talk: TALK.yesOrNo }]);
    }
  });

  it('at an open question is answered as words the step did not understand: neither a yes nor "yes or no?"', () => {
    const o = transition(at('menu'), ack);
    expect(o.state.step).toBe('menu');
    expect(o.reply.say).toEqual([{ talk: TALK.helpMenu }]);
  });

  it('in the self-care plan is a yes to the next part, and at the medicine question is asked again', () => {
    expect(transition(at('care', { q: 1 }), ack).state).toMatchObject({ step: 'care', q: 2 });
    const medicine = transition(at('care', { q: MEDICINE_PART }), ack);
    expect([medicine.state.step, medicine.state.q]).toEqual(['care', MEDICINE_PART]);
    expect(medicine.reply.say).toEqual([{ talk: TALK.yesOrNo }]);
  });
});

describe('the resting position for where the person is', () => {
  const hold = (over: Partial<State>) => transition(at('position', over), { kind: 'position', pos: over.pos ?? 'STANDING' });

  it('offers the way down to the floor to someone standing, but not over sixty-five', () => {
    const adult = hold({ pos: 'STANDING', age: 'adult' });
    expect(saidLines(adult.reply)).toEqual([...POSITIONS.STANDING, POSITION_STOP_RULE, HOLD_INTRO]);
    const older = hold({ pos: 'STANDING', age: 'over65' });
    expect(saidLines(older.reply)).toEqual([...POSITIONS.STANDING.filter((c) => c !== LIE_DOWN_OFFER), POSITION_STOP_RULE, HOLD_INTRO]);
    expect(says(older.reply, LIE_DOWN_OFFER)).toBe(false);
    // Sitting too.
    expect(says(hold({ pos: 'SITTING', age: 'over65' }).reply, LIE_DOWN_OFFER)).toBe(false);
    expect(says(hold({ pos: 'SITTING' }).reply, LIE_DOWN_OFFER)).toBe(true);
  });

  it('is the one for a bed when the place is not known', () => {
    const o = transition(at('positionHold', { q: 0 }), { kind: 'repeat' });
    expect(saidLines(o.reply)).toEqual([...POSITIONS.BED, POSITION_STOP_RULE, HOLD_INTRO]);
  });
});

describe('the way down to the floor', () => {
  it('ends resting on the floor as part of the plan, not as a side trip that returns somewhere else', () => {
    const last = at('getDown', { q: GET_DOWN.length - 1, pos: 'STANDING', solo: true, back: 'care', bq: 2 });
    const o = transition(last, { kind: 'done' });
    expect(o.state).toMatchObject({ step: 'positionHold', q: 0, pos: 'FLOOR', solo: false });
    expect(o.state).not.toHaveProperty('back');
    expect(o.state).not.toHaveProperty('bq');
  });
});

describe('the way up', () => {
  const first = (over: Partial<State>) => saidLines(transition(at('getUpOffer', over), { kind: 'yes' }).reply)[0];

  it('from a bed starts on the back; in pregnancy, already on the side; from the floor, never via a bed edge', () => {
    expect(first({ pos: 'BED' })).toBe(LOG_ROLL[0]);
    expect(first({ pos: 'BED', pregnant: true })).toBe(LOG_ROLL[1]);
    expect(first({ pos: 'FLOOR' })).toBe(FLOOR_GET_UP[0]);
    expect(first({ pos: 'FLOOR', pregnant: true })).toBe(FLOOR_GET_UP[0]);
  });

  it('in pregnancy is one step shorter, and ends where the log roll ends', () => {
    const lastPregnant = transition(at('getUp', { pos: 'BED', pregnant: true, q: LOG_ROLL.length - 2 }), { kind: 'done' });
    expect(says(lastPregnant.reply, LOG_ROLL_DONE)).toBe(true);
    expect(lastPregnant.state.step).not.toBe('getUp');
    const notYet = transition(at('getUp', { pos: 'BED', q: LOG_ROLL.length - 2 }), { kind: 'done' });
    expect([notYet.state.step, notYet.state.q, saidLines(notYet.reply)]).toEqual(['getUp', LOG_ROLL.length - 1, [LOG_ROLL.at(-1)]]);
  });
});
