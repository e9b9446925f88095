/**
 * Reading the session's state back, unit by unit: it fails closed. An emergency value that can't be read is
 * still an emergency (of unknown cause), a state with any trace of an emergency stays an emergency, and any
 * other state that can't be read is `lost` (a fresh full screen, never the short check).
 */
import { initialState, readSessionState, readState, STATE_VERSION, STEP_IDS, TOPIC_IDS } from '../../lambda/src/flow/state';
import { SIGN_IDS } from '../../lambda/src/content/emergency';
import { SCREEN_IDS } from '../../lambda/src/content/screen';

const VALID = { v: STATE_VERSION, step: 'more', q: 2, pace: 'slower', sets: 1, cleared: true, fullClear: true };

describe('readSessionState', () => {
  it('is a new conversation, not a lost one, when there is no state', () => {
    expect(readSessionState(undefined)).toEqual({ lost: false });
    expect(readSessionState(null)).toEqual({ lost: false });
  });

  it('starts a new conversation at the first safety question, with nothing cleared and no emergency', () => {
    const s = initialState();
    expect(s).toEqual({ v: STATE_VERSION, step: 'screen', q: 0, pace: 'normal', sets: 0 });
    expect(readState(s)).toEqual(s);
  });

  it('reads no state from nothing, null, an array or a value that is not an object', () => {
    for (const raw of [undefined, null, 'screen', 2, true, [], [VALID]]) expect([raw, readState(raw)]).toEqual([raw, undefined]);
  });

  it('reads a pace it does not know as the normal pace', () => {
    expect(readState({ ...VALID, pace: 'warp' })?.pace).toBe('normal');
  });

  it('reads a good state as it is', () => {
    expect(readSessionState(VALID)).toEqual({ state: VALID, lost: false });
    expect(readSessionState(initialState())).toEqual({ state: initialState(), lost: false });
  });

  it('keeps a readable emergency cause', () => {
    for (const emergency of ['Q1', 'Q5B', 'SADDLE', 'RESCREEN', 'CALL', 'CALLED', 'UNKNOWN']) {
      expect(readSessionState({ ...VALID, step: 'emergency', emergency }).state?.emergency).toBe(emergency);
    }
  });

  it('keeps every cause the flow can record, each as itself', () => {
    for (const emergency of [...SIGN_IDS, ...SCREEN_IDS, 'RESCREEN', 'PAIN', 'CALL', 'CALLED', 'UNKNOWN']) {
      expect([emergency, readState({ ...VALID, step: 'emergency', emergency })?.emergency]).toEqual([emergency, emergency]);
    }
  });

  it('turns an unreadable emergency value into an emergency of unknown cause', () => {
    for (const emergency of ['BANANA', 'constructor', 'q1', 'Q5', '', 0, 1, true, [], {}, ['Q1'], { cause: 'Q1' }]) {
      const read = readSessionState({ ...VALID, emergency });
      expect({ emergency, read }).toEqual({ emergency, read: { state: expect.objectContaining({ emergency: 'UNKNOWN' }), lost: false } });
    }
  });

  it('reads no emergency only from an absent, null or false value', () => {
    for (const emergency of [undefined, null, false]) {
      expect(readSessionState({ ...VALID, emergency }).state).not.toHaveProperty('emergency');
    }
  });

  it('keeps a state that cannot be read as an emergency when it carries any trace of one', () => {
    const broken = [
      { ...VALID, v: 1, emergency: 'Q1' }, // an older version
      { ...VALID, v: STATE_VERSION + 1, emergency: 'SADDLE' }, // a newer one
      { ...VALID, step: 'nowhere', emergency: 'Q3' }, // a step that does not exist
      { ...VALID, step: undefined, emergency: 'BANANA' },
      { emergency: true },
      { emergency: 0 },
      { emergency: '' },
      { emergency: {} },
    ];
    for (const raw of broken) {
      expect({ raw, read: readSessionState(raw) }).toEqual({
        raw,
        read: { state: { ...initialState(), step: 'emergency', emergency: 'UNKNOWN' }, lost: true },
      });
    }
  });

  it('treats any other state that cannot be read as lost, with no state at all', () => {
    const broken: unknown[] = [
      { ...VALID, v: 1 },
      { ...VALID, v: String(STATE_VERSION) },
      { ...VALID, step: 'nowhere' },
      { ...VALID, step: 'constructor' },
      { ...VALID, emergency: null, v: 0 },
      { ...VALID, emergency: false, step: 7 },
      {},
      [],
      [{ ...VALID, emergency: 'Q1' }],
      'screen',
      0,
      false,
      true,
    ];
    for (const raw of broken) expect({ raw, read: readSessionState(raw) }).toEqual({ raw, read: { lost: true } });
  });

  it('never reads back a flag that is not exactly true', () => {
    for (const v of ['true', 1, {}, 'yes']) {
      const s = readState({ ...VALID, cleared: v, fullClear: v, later: v, t2: v, noSave: v })!;
      for (const k of ['cleared', 'fullClear', 'later', 't2', 'noSave']) expect(s).not.toHaveProperty(k);
    }
  });

  it('never returns to the check-sign question from another one', () => {
    expect(readState({ ...VALID, step: 'forgetConfirm', ret: 'checkSign' })).not.toHaveProperty('ret');
    expect(readState({ ...VALID, step: 'forgetConfirm', ret: 'more' })).toHaveProperty('ret', 'more');
  });

  it('reads every step of the conversation', () => {
    for (const step of STEP_IDS) expect(readState({ ...VALID, step })?.step).toBe(step);
  });

  it('bounds counts to 0..20 and reads anything else as 0', () => {
    const read = (q: unknown) => readState({ ...VALID, q, sets: q })!;
    expect(read(20)).toMatchObject({ q: 20, sets: 20 });
    expect(read(21)).toMatchObject({ q: 20, sets: 20 });
    expect(read(0)).toMatchObject({ q: 0, sets: 0 });
    for (const bad of [-1, 1.5, '3', null]) expect(read(bad)).toMatchObject({ q: 0, sets: 0 });
  });

  it('reads back every field of a state it wrote, each one under its own name', () => {
    const full = {
      ...VALID, step: 'getUp', q: 3, sets: 2, emergency: 'Q1', pos: 'FLOOR', want: 'heatIce', ret: 'more', rq: 4, mq: 5, back: 'care', bq: 6, age: 'over50',
      cleared: true, fullClear: true, later: true, t2: true, t3: true, pregnant: true, first: true, solo: true, breathed: true, disclaimed: true,
      noSave: true, asked: true, called: true, company: true, alert: { p: 'move', d: '2026-11-21', h: 9 },
    };
    expect(readState(JSON.parse(JSON.stringify(full)))).toEqual(full);
    for (const age of ['under20', 'adult', 'over50', 'over65']) expect(readState({ ...VALID, age })?.age).toBe(age);
    expect(readState({ ...VALID, age: 'old' })).not.toHaveProperty('age');
  });

  it('reads every topic that can be asked for by name', () => {
    for (const want of TOPIC_IDS) expect(readState({ ...VALID, want })?.want).toBe(want);
  });

  it('drops a position, topic, return step or count it cannot read', () => {
    const s = readState({ ...VALID, pos: 'ROOF', want: 'flying', ret: 'nowhere', back: 'nowhere', rq: '1', mq: null, bq: '2' })!;
    for (const k of ['pos', 'want', 'ret', 'back', 'rq', 'mq', 'bq']) expect([k, s]).toEqual([k, expect.not.objectContaining({ [k]: expect.anything() })]);
    expect(readState({ ...VALID, rq: 40, mq: -2, bq: 1.5 })).toMatchObject({ rq: 20, mq: 0, bq: 0 });
  });

  it('reads a timer, a one-off reminder, and a reminder with a date and an hour of the day', () => {
    const alert = (a: unknown) => readState({ ...VALID, alert: a })?.alert;
    expect(alert({ p: 'timer' })).toEqual({ p: 'timer' });
    expect(alert({ p: 'once', d: 'x' })).toEqual({ p: 'once' });
    expect(alert({ p: 'move', d: '2026-11-21', h: 0 })).toEqual({ p: 'move', d: '2026-11-21', h: 0 });
    expect(alert({ p: 'checkIn', d: '2026-11-21', h: 23 })).toEqual({ p: 'checkIn', d: '2026-11-21', h: 23 });
    for (const bad of [
      null, 'timer', { p: 'nap' }, { p: 'move', d: '2026-11-21' }, { p: 'move', h: 9 }, { p: 'move', d: 20261121, h: 9 },
      { p: 'move', d: '21-11-2026', h: 9 }, { p: 'move', d: 'x2026-11-21', h: 9 }, { p: 'move', d: '2026-11-21x', h: 9 },
      { p: 'checkIn', d: '2026-11-21', h: 24 }, { p: 'checkIn', d: '2026-11-21', h: -1 }, { p: 'checkIn', d: '2026-11-21', h: 9.5 }, { p: 'move', d: '2026-11-21', h: '9' },
      { p: 'nap', d: '2026-11-21', h: 9 }, { p: 'move', d: ['2026-11-21'], h: 9 },
    ]) {
      expect([bad, alert(bad)]).toEqual([bad, undefined]);
    }
  });
});
