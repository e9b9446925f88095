import { transition, type Effect } from '../../lambda/src/flow/transition';
import type { FlowEvent } from '../../lambda/src/flow/events';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import { initialState, STEP_IDS, type State } from '../../lambda/src/flow/state';
import { ANSWERS } from '../../lambda/src/content/answers';
import { TALK } from '../../lambda/src/content/talk';
import { SIGN_IDS } from '../../lambda/src/content/emergency';
import { SCREEN } from '../../lambda/src/content/screen';
import { render } from '../../lambda/src/speech/render';
import { localePack } from '../../lambda/src/locale';
import { textFor } from '../../lambda/src/content/types';

const en = localePack('en-US');
const EVENTS: FlowEvent[] = [
  { kind: 'launch' }, { kind: 'entry' }, { kind: 'yes' }, { kind: 'no' }, { kind: 'notSure' }, { kind: 'help' },
  { kind: 'repeat' }, { kind: 'startOver' }, { kind: 'stop' }, { kind: 'fallback' }, { kind: 'unsupported' },
  { kind: 'emergency', sign: 'SADDLE' }, { kind: 'emergency' }, { kind: 'done' }, { kind: 'skip' }, { kind: 'previous' },
  { kind: 'position', pos: 'STANDING' }, { kind: 'pace', pace: 'slower' }, { kind: 'feel', feeling: 'worse' },
  { kind: 'topic', topic: 'getUp' }, { kind: 'topic', topic: 'tilts' }, { kind: 'menu' }, { kind: 'timer' }, { kind: 'forget' },
];

/** What the handler does with an effect, as the flow sees it: the effect happened. */
function settle(out: { state: State; reply: Reply; effect?: Effect }): { state: State; reply: Reply } {
  if (!out.effect) return out;
  return transition(out.state, out.effect.kind === 'forget' ? { kind: 'forgotten', ok: true } : { kind: 'alertDone', result: 'ok' });
}

const parts = (r: Reply): Part[] => [...r.say, ...(r.ask ?? []), ...(r.reprompt ?? [])];
const words = (r: Reply): string => parts(r).map((p) => ('line' in p ? textFor(p.line.say, en) : 'talk' in p ? p.talk : '')).join(' ');
const moves = (r: Reply): boolean => parts(r).some((p) => 'line' in p && p.line.moves === true);

function run(events: FlowEvent[]): Array<{ state: State; reply: Reply }> {
  let state: State | undefined;
  return events.map((e) => {
    const out = transition(state, e);
    state = out.state;
    return out;
  });
}

describe('the emergency screen', () => {
  const ALL = SCREEN.map((_, i) => i);
  it.each(ALL)('a yes to question %i gives T1 advice that starts with the call', (i) => {
    const turns = run([{ kind: 'launch' }, ...Array(i).fill({ kind: 'no' }), { kind: 'yes' }]);
    const last = turns.at(-1)!;
    expect(last.state.step).toBe('emergency');
    expect(words(last.reply)).toMatch(/^You said [^.]+\. Call 911 now/);
    expect(words(last.reply)).toContain("Alexa can't call for you");
  });

  it.each(ALL)('"not sure" to question %i counts as yes, and is said back as not sure', (i) => {
    const turns = run([{ kind: 'entry' }, ...Array(i).fill({ kind: 'no' }), { kind: 'notSure' }]);
    expect(turns.at(-1)!.state.emergency).toBe(SCREEN[i]!.id);
    expect(words(turns.at(-1)!.reply)).toMatch(/^You weren't sure (about|if) [^.]+\. Call 911 now/);
  });

  it('every screen question asks one thing, in under about 25 words', () => {
    for (const q of SCREEN) {
      for (const c of [q.ask, q.askAgain]) {
        const text = textFor(c.say, en);
        expect([text, (text.match(/\?/g) ?? []).length <= 2]).toEqual([text, true]);
        expect([text, text.split(/\s+/).length]).toEqual([text, expect.any(Number)]);
        expect(text.split(/\s+/).length).toBeLessThanOrEqual(25);
      }
    }
  });

  it('all noes clear the screen and ask where the person is', () => {
    const turns = run([{ kind: 'launch' }, ...Array(SCREEN.length).fill({ kind: 'no' })]);
    const last = turns.at(-1)!;
    expect(last.state.cleared).toBe(true);
    expect(last.state.emergency).toBeUndefined();
    expect(words(last.reply)).toContain('None of those warning signs');
    expect(last.state.step).toBe('position');
  });

  it.each(SIGN_IDS)('a spoken %s sign is said back before the call', (sign) => {
    const last = run([{ kind: 'launch' }, { kind: 'no' }, { kind: 'emergency', sign }]).at(-1)!;
    expect(words(last.reply)).toMatch(/^You said [^.]+\. Call 911 now, or your local emergency number\./);
  });

  it('reprompts a silent screen question with the T1 list as a statement', () => {
    const reply = run([{ kind: 'launch' }]).at(-1)!.reply;
    const reprompt = render(reply, en).reprompt!;
    expect(reprompt).toContain('If any of these are true, call 911 now');
  });
});

describe('every path the flow can take', () => {
  // Depth-first over every event sequence up to this depth.
  const DEPTH = 4;
  const seen = { paths: 0, replies: 0 };
  const failures: string[] = [];

  // Walked inside the test, not in beforeAll, so that mutation testing sees which test covers the flow's code.
  let walked = false;
  const walkAll = () => {
    if (walked) return;
    walked = true;
    const walk = (state: State | undefined, path: string[], afterEmergency: boolean) => {
      if (path.length === DEPTH) {
        seen.paths++;
        return;
      }
      for (const e of EVENTS) {
        const decided = transition(state, e);
        if (decided.effect?.kind === 'alert' && (decided.state.emergency || !decided.state.cleared)) failures.push(`alert effect before a clear screen or after an emergency: ${[...path, e.kind].join(' > ')}`);
        const { state: next, reply } = settle(decided);
        seen.replies++;
        const label = [...path, e.kind].join(' > ');
        const emergencyNow = afterEmergency || next.emergency !== undefined;
        if (emergencyNow && moves(reply)) failures.push(`movement after an emergency: ${label}`);
        if (!reply.end && !(reply.ask?.length || reply.reprompt?.length)) failures.push(`open with no question: ${label}`);
        if (e.kind === 'stop' && !reply.end) failures.push(`stop did not end: ${label}`);
        if (words(reply).trim() === '' ) failures.push(`empty reply: ${label}`);
        if (JSON.stringify(next).length > 512) failures.push(`state too big: ${label}`);
        if (!reply.end) walk(next, [...path, e.kind], emergencyNow);
        else seen.paths++;
      }
    };
    walk(undefined, [], false);
  };

  it('never gives movement after an emergency, never goes silent, and always ends on stop', () => {
    walkAll();
    expect(seen.paths).toBeGreaterThan(1000);
    expect(failures.slice(0, 10)).toEqual([]);
  }, 60_000);
});

describe('reminders to move', () => {
  const cleared = (): State => {
    let s: State | undefined;
    for (const e of [{ kind: 'launch' }, ...Array(SCREEN.length).fill({ kind: 'no' })] as FlowEvent[]) s = transition(s, e).state;
    return s!;
  };
  const confirm = (hour: number) =>
    render(transition(cleared(), { kind: 'reminder', plan: 'move' }, { local: { date: '2026-11-21', hour, minute: 20 } }).reply, en).speech;

  it('start at the next hour in the day', () => {
    expect(confirm(15)).toContain('every hour, from 4 PM until 8 PM');
  });
  it('never start in the night', () => {
    expect(confirm(1)).toContain('every hour, from 8 AM until 8 PM');
  });
  it('become one reminder in an hour late in the evening', () => {
    expect(confirm(19)).toContain('remind you once, in an hour');
  });
});

describe('a pending safety question', () => {
  // Cleared, with somewhere to return to, so only the step decides what happens next.
  const at = (step: State['step']): State => ({ ...initialState(), cleared: true, fullClear: true, later: true, step, ret: 'position', rq: 0 });
  const leaves: FlowEvent[] = [{ kind: 'menu' }, { kind: 'topic', topic: 'tilts' }, { kind: 'dizzy' }];

  it('holds the menu, a topic and "I feel dizzy" until it is answered, at exactly the standalone checks', () => {
    const holding = STEP_IDS.filter((step) => leaves.every((e) => transition(at(step), e).state.step === step));
    expect(holding).toEqual(['checkSign', 'signCheck', 'rescreen', 'painCheck']);
  });

  it('asks for its answer first instead of answering a question out loud', () => {
    const heat = ANSWERS.heatIce.says[0]!;
    for (const step of ['checkSign', 'signCheck', 'rescreen', 'painCheck'] as const) {
      const o = transition(at(step), { kind: 'question', question: 'heatIce' });
      expect([step, o.state.step, parts(o.reply).some((p) => 'line' in p && p.line === heat)]).toEqual([step, step, false]);
      expect(o.reply.say).toContainEqual({ talk: TALK.answerFirst });
    }
    // Anywhere else the question is answered where the person is.
    const answered = transition(at('position'), { kind: 'question', question: 'heatIce' });
    expect([answered.state.step, parts(answered.reply).some((p) => 'line' in p && p.line === heat)]).toEqual(['position', true]);
  });
});
