/**
 * Rules of the flow that a random sample of mutation testing (scripts/mutation-sample.mjs) found reached by the
 * dialog tests but never checked: what a call request stores, when an answer may carry movement lines, where
 * a side trip comes back to, the way down from a chair, the later questions' answers, the medicine check,
 * a returning person's "no", and the screen's titles. Each is checked for every case of its kind, not only
 * for the one the sample happened to draw.
 */
import { transition } from '../../lambda/src/flow/transition';
import type { FlowEvent } from '../../lambda/src/flow/events';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import { initialState, STEP_IDS, type State, type StepId } from '../../lambda/src/flow/state';
import { STEPS } from '../../lambda/src/flow/steps';
import { ageBand, MEDICINE_PART, overFifty } from '../../lambda/src/flow/plan';
import { reminderConfirmLine } from '../../lambda/src/flow/alerts';
import { ANSWERS, QUESTION_IDS } from '../../lambda/src/content/answers';
import { FINAL_QUESTIONS, MORE_QUESTIONS, T2_ADVICE, T3_ADVICE } from '../../lambda/src/content/screen';
import { MEDICINE_ASK_PHARMACIST, MEDICINE_CHECKS } from '../../lambda/src/content/selfcare';
import { MAX_HOLDS } from '../../lambda/src/content/guidance';
import { MOVE_ONCE_SET, MOVE_UNTIL_HOUR } from '../../lambda/src/content/alerts';
import { TALK } from '../../lambda/src/content/talk';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { partText } from '../../lambda/src/speech/render';

const NOW = Date.parse('2026-11-21T15:00:00Z');
const ctx = { now: NOW, local: { date: '2026-11-21', hour: 15, minute: 0 } };
const ready: State = { ...initialState(), cleared: true, fullClear: true, later: true, disclaimed: true };
const at = (step: StepId, over: Partial<State> = {}): State => ({ ...ready, step, ...over });
const go = (s: State | undefined, e: FlowEvent) => transition(s, e, ctx);
const lineParts = (r: Reply) => [...r.say, ...(r.ask ?? [])].flatMap((p) => ('line' in p ? [p.line] : []));
const talks = (r: Reply) => r.say.flatMap((p) => ('talk' in p ? [p.talk] : []));

describe('a request to call', () => {
  it('"call 911" with no warning sign yet stores an emergency the guard holds (CALL), and closes', () => {
    for (const from of [undefined, at('position'), at('breathing'), at('screen', { cleared: undefined, q: 3 })]) {
      const o = go(from, { kind: 'call', urgent: true });
      expect(o.state).toMatchObject({ step: 'emergency', emergency: 'CALL' });
      expect(o.reply.end).toBe(true);
    }
  });

  it('keeps the cause already heard, and a plain "call my wife" stores no emergency', () => {
    expect(go(at('emergency', { emergency: 'SADDLE' }), { kind: 'call', urgent: true }).state.emergency).toBe('SADDLE');
    expect(go(at('emergency', { emergency: 'SADDLE' }), { kind: 'call', urgent: false }).state.emergency).toBe('SADDLE');
    expect(go(at('position'), { kind: 'call', urgent: false }).state.emergency).toBeUndefined();
  });
});

describe('an answer to a question people ask', () => {
  const moving = QUESTION_IDS.filter((q) => ANSWERS[q].says.some((c) => c.moves === true));

  it('has movement lines for someone cleared, and none before the screen is clear or after a warning sign', () => {
    expect(moving.length).toBeGreaterThan(0);
    for (const q of moving) {
      const e: FlowEvent = { kind: 'question', question: q };
      expect([q, lineParts(go(at('position'), e).reply).some((c) => c.moves === true)]).toEqual([q, true]);
      expect([q, lineParts(go(at('screen', { cleared: undefined, q: 2 }), e).reply).some((c) => c.moves === true)]).toEqual([q, false]);
      expect([q, lineParts(go(at('emergency', { emergency: 'CHEST', q: 1 }), e).reply).some((c) => c.moves === true)]).toEqual([q, false]);
    }
  });
});

describe('a reassuring sentence in an answer', () => {
  const reassuring = QUESTION_IDS.filter((q) => ANSWERS[q].says.some((c) => c.reassures === true));
  const reassures = (r: Reply) => lineParts(r).some((c) => c.reassures === true);

  it('is said once the screen is clear, never during it or after a warning sign', () => {
    expect(reassuring.length).toBeGreaterThan(0);
    for (const q of reassuring) {
      const e: FlowEvent = { kind: 'question', question: q };
      expect([q, reassures(go(at('position'), e).reply)]).toEqual([q, true]);
      expect([q, reassures(go(at('screen', { cleared: undefined, q: 2 }), e).reply)]).toEqual([q, false]);
      expect([q, reassures(go(at('emergency', { emergency: 'CHEST', q: 1 }), e).reply)]).toEqual([q, false]);
      expect([q, reassures(go(undefined, e).reply)]).toEqual([q, false]);
    }
  });
});

describe('"why are you asking?"', () => {
  it('is heard at every safety question, which it leaves where it was', () => {
    for (const [step, q] of [['screen', 3], ['more', 2], ['final', 0], ['rescreen', 0], ['checkSign', 0]] as const) {
      const s = at(step, { q, cleared: step === 'screen' || step === 'rescreen' ? undefined : true });
      const o = go(s, { kind: 'why' });
      expect([step, o.state.step, o.state.q, talks(o.reply)]).toEqual([step, step, q, [TALK.whyAsk]]);
    }
  });
});

describe('a side trip', () => {
  it('from every step of the plan, the movement or the exercise, remembers where to come back to', () => {
    const inPlan = STEP_IDS.filter((id) => ['plan', 'movement', 'exercise'].includes(STEPS[id].safety) && id !== 'menu');
    expect(inPlan.length).toBeGreaterThan(5);
    for (const step of inPlan) {
      const o = go(at(step, { pos: 'FLOOR' }), { kind: 'topic', topic: 'doctor' });
      expect([step, o.state.back]).toEqual([step, STEPS[step].resume?.as ?? step]);
    }
  });

  it('from "Shall we carry on with ...?", comes back to what it offered (the rest of the plan and its safety net)', () => {
    const o = go(at('resumeOffer', { ret: 'care', rq: 1 }), { kind: 'topic', topic: 'doctor' });
    expect(o.state).toMatchObject({ back: 'care', bq: 1 });
  });
});

describe('"help me lie down"', () => {
  it('from a chair or standing is the way down (age asked first when not known); lying already, a resting position', () => {
    for (const pos of ['SITTING', 'STANDING'] as const) {
      expect([pos, go(at('breathingOffer', { pos, age: 'adult' }), { kind: 'topic', topic: 'lieDown' }).state.step]).toEqual([pos, 'getDown']);
      expect([pos, go(at('breathingOffer', { pos }), { kind: 'topic', topic: 'lieDown' }).state.step]).toEqual([pos, 'downAge']);
    }
    for (const pos of ['BED', 'FLOOR'] as const) {
      expect([pos, go(at('breathingOffer', { pos, age: 'adult' }), { kind: 'topic', topic: 'lieDown' }).state.step]).toEqual([pos, 'positionHold']);
    }
  });
});

describe('the later questions', () => {
  it('Q6-Q11: yes or not sure to any of them is the same-day (T2) answer, stored', () => {
    for (let q = 0; q < MORE_QUESTIONS.length; q++) {
      for (const kind of ['yes', 'notSure'] as const) {
        const o = go(at('more', { q, later: undefined, mq: q }), { kind });
        expect([q, kind, o.state.t2, o.state.later]).toEqual([q, kind, true, true]);
        expect(lineParts(o.reply)).toContain(T2_ADVICE);
      }
    }
  });

  it('Q12-Q14: "not sure" is answered as yes', () => {
    for (let q = 0; q < FINAL_QUESTIONS.length; q++) {
      const s = at('final', { q, first: q > 0 ? true : undefined });
      const yes = go(s, { kind: 'yes' });
      expect([q, go(s, { kind: 'notSure' })]).toEqual([q, yes]);
    }
  });

  it('first-ever back pain over fifty or under twenty is a reason to see a GP soon (T3); between, it is not', () => {
    const q12a = FINAL_QUESTIONS.findIndex((x) => x.id === 'Q12A');
    for (const [age, t3] of [['over50', true], ['over65', true], ['under20', true], ['adult', false]] as const) {
      const o = go(at('final', { q: q12a, age }), { kind: 'yes' });
      expect([age, o.state.t3 === true, lineParts(o.reply).includes(T3_ADVICE)]).toEqual([age, t3, t3]);
    }
  });

  it('does not ask the age questions when the age is known', () => {
    const q12a = FINAL_QUESTIONS.findIndex((x) => x.id === 'Q12A');
    const o = go(at('final', { q: q12a, age: 'adult' }), { kind: 'yes' });
    expect(['Q12B', 'Q12C']).not.toContain(FINAL_QUESTIONS[o.state.q]?.id);
    const unknown = go(at('final', { q: q12a }), { kind: 'yes' });
    expect([unknown.state.step, FINAL_QUESTIONS[unknown.state.q]?.id]).toEqual(['final', 'Q12B']);
  });

  it('reads ages into the bands the advice needs', () => {
    expect([19, 20, 49, 50, 64, 65].map(ageBand)).toEqual(['under20', 'adult', 'adult', 'over50', 'over50', 'over65']);
    expect(ageBand(undefined)).toBeUndefined();
    expect([overFifty({ ...ready, age: 'over50' }), overFifty({ ...ready, age: 'over65' }), overFifty({ ...ready, age: 'adult' })]).toEqual([true, true, false]);
  });
});

describe('the medicine check', () => {
  it('any yes or "not sure" sends them to a pharmacist first', () => {
    for (let i = 0; i < MEDICINE_CHECKS.length; i++) {
      for (const kind of ['yes', 'notSure'] as const) {
        expect([i, kind, lineParts(go(at('care', { q: MEDICINE_PART + i }), { kind }).reply).includes(MEDICINE_ASK_PHARMACIST)]).toEqual([i, kind, true]);
      }
    }
  });
});

describe('a returning person, asked whether to carry on', () => {
  const returning = at('resumeOffer', { cleared: undefined, ret: 'tiltsOffer', rq: 0 });

  it('"no" or "skip" starts fresh: the short check, with no way back kept', () => {
    for (const kind of ['no', 'skip'] as const) {
      const o = go(returning, { kind });
      expect(o.state.step).toBe('rescreen');
      expect(o.state.ret).toBeUndefined();
      expect(talks(o.reply)).toContain(TALK.freshStart);
    }
  });

  it('"yes" carries on after the short check, keeping the way back', () => {
    expect(go(returning, { kind: 'yes' }).state).toMatchObject({ step: 'rescreen', ret: 'tiltsOffer' });
  });

  it('in a conversation, "not sure" to "shall we carry on?" carries on, as yes does', () => {
    const offer = at('resumeOffer', { ret: 'tiltsOffer', rq: 0 });
    expect(go(offer, { kind: 'notSure' })).toEqual(go(offer, { kind: 'yes' }));
  });
});

describe('what the screen shows', () => {
  it('every step has a title in every locale', () => {
    for (const locale of SUPPORTED_LOCALES) {
      const l = localePack(locale);
      for (const step of STEP_IDS) {
        for (const cleared of [true, undefined]) {
          const { title } = STEPS[step].screen;
          const text = typeof title === 'string' ? title : title(at(step, { cleared, emergency: step === 'emergency' ? 'CHEST' : undefined }), l);
          expect([locale, step, text.trim().length > 3]).toEqual([locale, step, true]);
        }
      }
    }
  });
});

describe('what the screen hints', () => {
  it('every step shows a hint of what to say, or none: never an empty one', () => {
    const hints = STEP_IDS.map((step) => [step, STEPS[step].screen.hint] as const);
    for (const [step, hint] of hints) expect([step, hint === null || hint.trim().length > 3]).toEqual([step, true]);
    // The steps that wait for an answer in words show one.
    for (const step of ['screen', 'signCheck', 'rescreen', 'more', 'final', 'tiltsFeel'] as const) expect([step, STEPS[step].screen.hint]).not.toEqual([step, null]);
  });
});

describe('a held position', () => {
  it('"another minute" adds one, up to the most minutes held; then the plan moves on', () => {
    for (let q = 1; q < MAX_HOLDS - 1; q++) expect(go(at('positionHold', { q, pos: 'BED' }), { kind: 'longer' }).state).toMatchObject({ step: 'positionHold', q: q + 1 });
    const last = go(at('positionHold', { q: MAX_HOLDS - 1, pos: 'BED' }), { kind: 'longer' });
    expect(last.state.step).not.toBe('positionHold');
    expect(last.reply.end).toBe(false);
  });
});

describe('Q13, pregnant', () => {
  const q13 = FINAL_QUESTIONS.findIndex((q) => q.id === 'Q13');
  it('says the see-a-doctor (T3) advice once: not again when a T3 or T2 answer already said it', () => {
    const says = (over: Partial<State>) => lineParts(go(at('final', { q: q13, age: 'adult', ...over }), { kind: 'yes' }).reply);
    expect(says({})).toContain(T3_ADVICE);
    expect(says({ t3: true })).not.toContain(T3_ADVICE);
    expect(says({ t2: true })).not.toContain(T3_ADVICE);
    for (const over of [{}, { t3: true }, { t2: true }]) expect(go(at('final', { q: q13, age: 'adult', ...over }), { kind: 'yes' }).state).toMatchObject({ pregnant: true, t3: true });
  });
});

describe('timers and reminders', () => {
  it('a reminder to move asked for too late in the day is a single one, in an hour, and said so when set', () => {
    for (const hour of [MOVE_UNTIL_HOUR - 1, MOVE_UNTIL_HOUR, 23]) {
      const o = transition(at('care', { q: 2 }), { kind: 'reminder', plan: 'move' }, { now: NOW, local: { date: '2026-11-21', hour, minute: 0 } });
      expect([hour, o.state.alert]).toEqual([hour, { p: 'once' }]);
      const set = go(o.state, { kind: 'alertDone', result: 'ok' });
      expect(lineParts(set.reply)).toContain(MOVE_ONCE_SET);
    }
    // Earlier, every hour until the evening.
    const early = transition(at('care', { q: 2 }), { kind: 'reminder', plan: 'move' }, { now: NOW, local: { date: '2026-11-21', hour: MOVE_UNTIL_HOUR - 2, minute: 0 } });
    expect(early.state.alert).toMatchObject({ p: 'move' });
  });

  it('permission refused a second time in a session: a card in the Alexa app, and it says so', () => {
    for (const alert of [{ p: 'timer' } as const, { p: 'once' } as const]) {
      const o = go(at('care', { q: 2, alert, asked: true, ret: 'care', rq: 2 }), { kind: 'alertDone', result: 'noPermission' });
      expect(o.reply.permission).toEqual({ scope: alert.p === 'timer' ? 'timers' : 'reminders', how: 'card' });
      expect(talks(o.reply)).toContain(TALK.permissionCard);
      const first = go(at('care', { q: 2, alert, ret: 'care', rq: 2 }), { kind: 'alertDone', result: 'noPermission' });
      expect(first.reply.permission?.how).toBe('voice');
    }
  });
});

describe('what a turn keeps', () => {
  it('at the close\'s last part, the menu\'s answer, with all that is known kept', () => {
    // The last part's question is the menu's: find it by walking the close to its end.
    let s: State = at('close', { q: 0 });
    for (let i = 0; i < 10 && !go(s, { kind: 'yes' }).state.step.startsWith('menu'); i++) s = go(s, { kind: 'yes' }).state;
    expect(s.step).toBe('close');
    for (const e of [{ kind: 'yes' }, { kind: 'topic', topic: 'breathing' }, { kind: 'menu' }] as FlowEvent[]) {
      const o = go(s, e);
      expect([e.kind, o.state.cleared, o.state.later, o.state.step === 'screen']).toEqual([e.kind, true, true, false]);
    }
  });

  it('"no" to "shall we carry on?" with nowhere to go back to: a place, with all that is known kept', () => {
    const o = go(at('resumeOffer', { want: 'tilts' }), { kind: 'no' });
    expect(o.state).toMatchObject({ step: 'position', cleared: true, later: true });
    expect(o.state.want).toBeUndefined();
    expect(talks(o.reply)).toContain(TALK.thatsFine);
  });

  it('back from a side trip, to the very part it left (not the first)', () => {
    // A question asked in the middle of the self-care plan's third part: back to that part.
    const left = at('care', { q: 2 });
    const trip = go(left, { kind: 'topic', topic: 'breathing' });
    expect(trip.state).toMatchObject({ back: 'care', bq: 2 });
    let s = trip.state;
    for (let i = 0; i < 6 && s.back; i++) s = go(s, { kind: 'no' }).state;
    expect([s.step, s.q, s.ret, s.rq]).toEqual(s.step === 'care' ? ['care', 2, undefined, undefined] : [s.step, s.q, 'care', 2]);
  });
});

describe('times said aloud', () => {
  const said = (p: Part) => partText(p, localePack('en-US')) ?? '';
  it('noon and midnight are 12, not 0', () => {
    expect(said(reminderConfirmLine({ p: 'checkIn', d: '2026-11-22', h: 12 }))).toContain('12 PM');
    expect(said(reminderConfirmLine({ p: 'checkIn', d: '2026-11-22', h: 0 }))).toContain('12 AM');
    expect(said(reminderConfirmLine({ p: 'checkIn', d: '2026-11-22', h: 9 }))).toContain('9 AM');
  });
});

describe('where they are, asked before the way up', () => {
  it('standing: they are up already, and hear so', () => {
    const o = go(at('position', { want: 'getUp' }), { kind: 'position', pos: 'STANDING' });
    expect(o.state.pos).toBe('STANDING');
    expect(o.state.step).not.toBe('getUp');
    expect(talks(o.reply)).toContain(TALK.alreadyUp);
    expect(go(at('position', { want: 'getUp' }), { kind: 'position', pos: 'FLOOR' }).state).toMatchObject({ step: 'getUp', pos: 'FLOOR', q: 0 });
  });
});

// A guard against a vacuous table: the sentences compared above are real ones.
it('compares real sentences', () => {
  expect(textFor(T2_ADVICE.say, localePack('en-US')).length).toBeGreaterThan(10);
  expect(textFor(MEDICINE_ASK_PHARMACIST.say, localePack('en-US')).length).toBeGreaterThan(10);
});

describe('a returning person\'s first words', () => {
  const memory = { v: 1 as const, pace: 'slower' as const, disclaimed: true, clear: true, at: NOW - 3 * 3_600_000 };
  const events: FlowEvent[] = [
    { kind: 'launch' }, { kind: 'fallback' }, { kind: 'stop' }, { kind: 'help' }, { kind: 'yes' }, { kind: 'emergency' },
    { kind: 'emergency', sign: 'FALL' }, { kind: 'fact', fact: 'FEVER' }, { kind: 'pregnant' }, { kind: 'dizzy' },
    { kind: 'question', question: 'heartAttack' }, { kind: 'question', question: 'paracetamol' }, { kind: 'call', urgent: true },
    { kind: 'helpHere' }, { kind: 'helpComing' }, { kind: 'alone' }, { kind: 'company' }, { kind: 'scared' }, { kind: 'age', years: 70 },
    { kind: 'forget' }, { kind: 'forgotten', ok: true },
  ];

  it('whatever they are, keep the saved pace and the disclaimer heard before (found by the flow atlas)', () => {
    for (const e of events) {
      const o = transition(undefined, e, { ...ctx, memory });
      expect([e.kind, o.state.pace, o.state.disclaimed]).toEqual([e.kind, 'slower', true]);
    }
    // Without a memory, the usual pace.
    for (const e of events) expect(go(undefined, e).state.pace).toBe('normal');
  });
});
