/**
 * Model check of the conversation itself: every sequence of events, up to DEPTH turns, through the pure
 * `transition()` (no handler, no SSML), from every kind of start: a new person, returning people (cleared
 * recently, cleared long ago, after an emergency, unfinished), and states seeded deep in the plan so the
 * later steps are reached too. The events are the real ones: every intent variant of the en-US model turned
 * into an event by the handler's own `toEvent`, plus the non-intent events (launch, effects' results).
 * Memoised on the state, so each (state, event) pair runs once. The handler wiring is checked separately,
 * less deep, in exhaustive.test.ts.
 */
import type { IntentRequest } from 'ask-sdk-model';
import { transition, SAFE_AFTER_EMERGENCY, EXERCISE_STEPS, type FlowContext } from '../../lambda/src/flow/transition';
import type { FlowEvent } from '../../lambda/src/flow/events';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import { recentlyCleared, type Memory } from '../../lambda/src/flow/memory';
import type { State } from '../../lambda/src/flow/state';
import { toEvent } from '../../lambda/src/handlers/events';
import { SIGN_GROUP } from '../../lambda/src/content/emergency';
import { ANSWERS } from '../../lambda/src/content/answers';
import { MORE_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';
import { WHEN_TO_SEE_DOCTOR } from '../../lambda/src/content/selfcare';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { intentVariants, loadModel } from '../support/model';
import { report } from '../support/logCapture';
import { lengthProblems, replyLength } from '../support/replyLength';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const MAX_STATE_BYTES = 2048;
const NOW = Date.parse('2026-11-21T15:00:00Z');
const HOUR = 3_600_000;
const en = localePack('en-US');
const PACKS = SUPPORTED_LOCALES.map(localePack);

/** Every event the flow can be handed: each model intent variant through the real mapping, and the rest. */
function alphabet(): FlowEvent[] {
  const fromModel = intentVariants(loadModel('en-US')).map((v) => toEvent({ type: 'IntentRequest', intent: v.intent } as IntentRequest));
  const others: FlowEvent[] = [
    { kind: 'launch' }, { kind: 'unsupported' }, { kind: 'age', years: 72 }, { kind: 'age', years: 17 },
    { kind: 'alertDone', result: 'ok' }, { kind: 'alertDone', result: 'noPermission' }, { kind: 'alertDone', result: 'failed' },
    { kind: 'permission', answer: 'ACCEPTED' }, { kind: 'permission', answer: 'DENIED' },
    { kind: 'forgotten', ok: true }, { kind: 'forgotten', ok: false },
  ];
  const seen = new Map<string, FlowEvent>();
  for (const e of [...fromModel, ...others]) seen.set(classOf(e), e);
  return [...seen.values()];
}

/**
 * Events that the flow treats alike except for the words said back: one representative each, so the search
 * can go deep. A sign stands for its emergency group, a T2 fact for all T2 facts, a place for all places;
 * the content tests and dialog tests cover every one of them by name.
 */
function classOf(e: FlowEvent): string {
  if (e.kind === 'emergency' && e.sign) return `emergency:${SIGN_GROUP[e.sign]}`;
  if (e.kind === 'fact') return 'fact';
  // Places the flow treats differently: upright (the way down), the floor (the floor route up), lying down.
  if (e.kind === 'position' && e.pos) return `position:${e.pos === 'STANDING' || e.pos === 'SITTING' || e.pos === 'FLOOR' ? e.pos : 'lying'}`;
  if (e.kind === 'feel') return `feel:${e.feeling === 'worse' ? 'worse' : 'other'}`;
  if (e.kind === 'alertDone') return `alertDone:${e.result === 'ok' || e.result === 'noPermission' ? e.result : 'failed'}`;
  if (e.kind === 'pace') return 'pace';
  if (e.kind === 'question') {
    // Answers differ in words; the flow treats them by these marks alone.
    const a = ANSWERS[e.question];
    const timeline = a.says.some((c) => WHEN_TO_SEE_DOCTOR.includes(c));
    return `question:${a.askChest ? 'chest' : ''}${a.needsMedicineCheck ? 'check' : ''}${a.medicine ? 'medicine' : ''}${a.says.some((c) => c.moves) ? 'moves' : ''}${timeline ? 'timeline' : ''}`;
  }
  return JSON.stringify(e);
}
const EVENTS = alphabet();

const partsOf = (r: Reply): readonly Part[] => [...r.say, ...(r.ask ?? []), ...(r.reprompt ?? [])];
const textOf = (parts: readonly Part[]): string =>
  parts.map((p) => ('line' in p ? textFor(p.line.say, en) : 'talk' in p ? p.talk : '')).join(' ');
const moves = (r: Reply) => partsOf(r).some((p) => ('line' in p && p.line.moves === true) || 'tilts' in p);
const exercise = (r: Reply) => partsOf(r).some((p) => ('line' in p && p.line.exercise === true) || 'tilts' in p);
const LATER_TIMELINE = WHEN_TO_SEE_DOCTOR.map((c) => textFor(c.say, en));

/** States deep in the plan, reached by the flow itself, so every step is within DEPTH of a root. */
function seeded(): Array<{ label: string; state: State }> {
  const drive = (events: FlowEvent[]): State => {
    let s: State | undefined;
    for (const e of events) s = transition(s, e, { now: NOW }).state;
    return s!;
  };
  const noes = (n: number): FlowEvent[] => Array<FlowEvent>(n).fill({ kind: 'no' });
  const cleared: FlowEvent[] = [{ kind: 'entry' }, ...noes(SCREEN.length)];
  const atMore: FlowEvent[] = [...cleared, { kind: 'position', pos: 'BED' }, { kind: 'done' }, { kind: 'no' }];
  const later: FlowEvent[] = [...atMore, ...noes(MORE_QUESTIONS.length)];
  return [
    { label: 'screen, last question', state: drive([{ kind: 'entry' }, ...noes(SCREEN.length - 1)]) },
    { label: 'cleared, asked where they are', state: drive(cleared) },
    { label: 'halfway through Q6-Q11', state: drive([...atMore, ...noes(5)]) },
    { label: 'Q6-Q11 done, tilts offered', state: drive(later) },
    { label: 'getting up', state: drive([...later, { kind: 'no' }, { kind: 'yes' }]) },
    { label: 'Q12-Q14', state: drive([...later, { kind: 'no' }, { kind: 'no' }]) },
    { label: 'the self-care plan', state: drive([...later, ...noes(5)]) },
    { label: 'T2 answered', state: drive([...atMore, { kind: 'yes' }]) },
    { label: 'emergency, breathing', state: drive([{ kind: 'entry' }, { kind: 'yes' }, { kind: 'yes' }]) },
    { label: 'emergency, cannot breathe', state: drive([{ kind: 'entry' }, { kind: 'emergency', sign: 'BREATHING' }]) },
  ];
}

const MEMORIES: Array<{ label: string; memory?: Memory }> = [
  { label: 'a new person' },
  { label: 'cleared an hour ago, mid-breathing', memory: { v: 1, pace: 'slower', clear: true, at: NOW - HOUR, step: 'breathingOffer', q: 0 } },
  { label: 'cleared an hour ago', memory: { v: 1, clear: true, at: NOW - HOUR } },
  { label: 'cleared three hours ago', memory: { v: 1, clear: true, at: NOW - 3 * HOUR, step: 'tiltsOffer', q: 0 } },
  { label: 'last time ended in an emergency', memory: { v: 1, pace: 'normal', disclaimed: true } },
];

interface Node {
  readonly state: State;
  readonly via: string;
}

describe(`every event sequence through the flow, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  const failures: string[] = [];
  const visited = new Set<string>();
  let transitions = 0;
  let completeDepth = 0;

  const fail = (via: string, what: string) => {
    if (failures.length < 40) failures.push(`${what}\n    after: ${via}`);
  };

  /** Checks one step and returns the next node, or undefined when the session ended. */
  function step(prev: State | undefined, e: FlowEvent, context: FlowContext, via: string): Node | undefined {
    transitions++;
    const decided = transition(prev, e, context);
    if (decided.effect?.kind === 'alert' && (decided.state.emergency || !decided.state.cleared)) fail(via, 'a timer or reminder before a clear screen or after an emergency');
    // An effect is carried out by the handler, which hands the result back: check what the person then hears.
    const out = decided.effect ? transition(decided.state, decided.effect.kind === 'forget' ? { kind: 'forgotten', ok: true } : { kind: 'alertDone', result: 'ok' }, context) : decided;
    const { state: next, reply: r } = out;
    const label = `${via} > ${e.kind}${'sign' in e && e.sign ? `(${e.sign})` : ''}${'fact' in e ? `(${e.fact})` : ''}`;
    const text = textOf(partsOf(r));
    if (text.trim() === '') fail(label, 'the reply is empty');
    if (!r.end && !r.permission && !(r.ask?.length || r.reprompt?.length)) fail(label, 'open with no question');
    if ((e.kind === 'stop' || e.kind === 'call' || e.kind === 'helpHere') && !r.end) fail(label, `${e.kind} did not close the session`);
    if (e.kind === 'help' && prev && !r.end && (next.step !== prev.step || next.q !== prev.q)) fail(label, 'help moved the conversation');
    if (prev?.emergency && !next.emergency) fail(label, 'an emergency was dropped');
    if (prev?.t2 && !next.t2) fail(label, 'a same-day (T2) answer was dropped');
    if (next.emergency && moves(r)) fail(label, 'movement after an emergency');
    if (next.emergency && !SAFE_AFTER_EMERGENCY.has(next.step)) fail(label, `emergency at step ${next.step}`);
    if (moves(r) && (!next.cleared || next.emergency)) fail(label, 'movement before Q1-Q5 were cleared in this conversation');
    if (next.cleared && !prev?.cleared) {
      const lastScreenNo = prev?.step === 'screen' && prev.q === SCREEN.length - 1 && e.kind === 'no';
      const shortCheckNo = prev?.step === 'rescreen' && e.kind === 'no';
      if (!lastScreenNo && !shortCheckNo) fail(label, 'cleared without Q1-Q5 or a valid short check');
    }
    if (next.step === 'rescreen' && prev?.step !== 'rescreen') {
      // Only a new conversation of someone recently cleared, or a return to it after "forget me" or a check.
      const valid = (!prev && recentlyCleared(context.memory, NOW)) || prev?.step === 'resumeOffer' || prev?.ret === 'rescreen';
      if (!valid) fail(label, 'the short check was offered to someone who is not recently cleared');
    }
    if ((exercise(r) || EXERCISE_STEPS.has(next.step)) && !next.later) fail(label, 'exercise or getting up before Q6-Q11');
    if (partsOf(r).some((p) => 'tilts' in p) && next.t2) fail(label, 'tilts after a same-day (T2) answer');
    if (e.kind === 'fact' && next.emergency !== prev?.emergency) fail(label, 'a T2 fact was sent to the emergency number');
    if (e.kind === 'notSure' && prev?.step === 'screen' && !next.emergency) fail(label, '"not sure" on Q1-Q5 was not treated as yes');
    if (prev?.emergency && e.kind === 'repeat' && !r.end && !textOf(r.say).startsWith('Call 911 now')) fail(label, 'repeat after T1 did not give the number first');
    if (next.t2 && LATER_TIMELINE.some((t) => text.includes(t))) fail(label, 'a later timeline after same-day advice');
    if (JSON.stringify(next).length >= MAX_STATE_BYTES) fail(label, 'the state is too big');
    for (const l of PACKS) for (const problem of lengthProblems(replyLength(r, l))) fail(label, `${problem} (${l.id})`);
    return r.end ? undefined : { state: next, via: label };
  }

  // Explored inside the tests (once), not in beforeAll, so that mutation testing sees which test covers the flow's code.
  let explored = false;
  const explore = () => {
    if (explored) return;
    explored = true;
    const started = Date.now();
    for (const { label, memory } of MEMORIES) {
      const context: FlowContext = { memory, now: NOW, local: { date: '2026-11-21', hour: 15, minute: 0 } };
      let frontier: Node[] = [];
      for (const e of EVENTS) {
        const n = step(undefined, e, context, label);
        if (n && !visited.has(JSON.stringify(n.state))) {
          visited.add(JSON.stringify(n.state));
          frontier.push(n);
        }
      }
      if (label === 'a new person') for (const s of seeded()) if (!visited.has(JSON.stringify(s.state))) frontier.push({ state: s.state, via: `seed: ${s.label}` });
      for (let depth = 2; depth <= DEPTH && frontier.length; depth++) {
        const next: Node[] = [];
        for (const node of frontier) {
          for (const e of EVENTS) {
            const n = step(node.state, e, context, node.via);
            if (!n) continue;
            const key = JSON.stringify(n.state);
            if (visited.has(key)) continue;
            visited.add(key);
            next.push(n);
          }
        }
        frontier = next;
      }
    }
    completeDepth = DEPTH;
    report(`flow model: depth ${completeDepth}, ${EVENTS.length} events, ${visited.size} distinct states, ${transitions} transitions, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  };

  it('reaches every step of the conversation', () => {
    explore();
    const steps = new Set([...visited].map((k) => (JSON.parse(k) as State).step));
    expect([...steps].sort()).toEqual(
      ['breathing', 'breathingOffer', 'care', 'checkSign', 'signCheck', 'emergency', 'final', 'forgetConfirm', 'getUp', 'getUpOffer', 'menu', 'more',
        'position', 'positionHold', 'downAge', 'getDown', 'painCheck', 'close', 'reminderConfirm', 'rescreen', 'resumeOffer', 'screen', 'tiltsFeel', 'tiltsOffer'].sort(),
    );
  }, 600_000);

  it('keeps every safety invariant on every path', () => {
    explore();
    expect(failures).toEqual([]);
  }, 600_000);
});
