/**
 * The model check of the conversation itself, shared by the proof files that split its roots between Jest's
 * workers (test/proof/flowModel*.test.ts) and by `npm run bench`: every sequence of events through the pure
 * `transition()` (no handler, no SSML) from a set of roots, breadth first, memoised on the state so each
 * (state, event) pair runs once, with the safety invariants checked on every step.
 *
 * The events are the real ones: every intent variant of the en-US model turned into an event by the handler's
 * own `toEvent`, plus the non-intent events (launch, effects' results), one representative per class of events
 * the flow treats alike.
 */
import type { IntentRequest } from 'ask-sdk-model';
import { transition, SAFE_AFTER_EMERGENCY, EXERCISE_STEPS, type FlowContext } from '../../lambda/src/flow/transition';
import type { FlowEvent } from '../../lambda/src/flow/events';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import { view } from '../../lambda/src/flow/outcome';
import { recentlyCleared, type Memory } from '../../lambda/src/flow/memory';
import { finalApplies, groupOf } from '../../lambda/src/flow/plan';
import type { State, StepId } from '../../lambda/src/flow/state';
import { toEvent } from '../../lambda/src/handlers/events';
import { SIGN_GROUP } from '../../lambda/src/content/emergency';
import { ANSWERS } from '../../lambda/src/content/answers';
import { FINAL_QUESTIONS, SCREEN } from '../../lambda/src/content/screen';
import { WHEN_TO_SEE_DOCTOR } from '../../lambda/src/content/selfcare';
import { textFor } from '../../lambda/src/content/types';
import { localePack, SUPPORTED_LOCALES } from '../../lambda/src/locale';
import { intentVariants, loadModel } from './model';
import { report } from './logCapture';
import { lengthProblems, MAX_TURN_WORDS, replyLength, wordCount } from './replyLength';
import { partText } from '../../lambda/src/speech/render';
import { seededStates } from '../../tools/flowSeeds';

export const MAX_STATE_BYTES = 2048;
export const NOW = Date.parse('2026-11-21T15:00:00Z');
const HOUR = 3_600_000;
const en = localePack('en-US');

/**
 * Events that the flow treats alike except for the words said back: one representative each, so the search
 * can go deep. A sign stands for its emergency group, a T2 fact for all T2 facts, a place for all places the
 * flow treats alike; the content tests and dialog tests cover every one of them by name.
 */
export function classOf(e: FlowEvent): string {
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

/** Every event the flow can be handed: each model intent variant through the real mapping, and the rest. */
export function alphabet(): FlowEvent[] {
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
 * The events that carry the plan itself: answers, "okay", "done", skip and back, places, pace, feelings,
 * another minute, help, repeat and words the model could not place. Everything else (a sign, a fact, a question, a topic, an alert, forget me, a call…)
 * is a side event: the deep search allows a bounded number of those on any path.
 */
const PLAN_KINDS = new Set<FlowEvent['kind']>(['yes', 'no', 'notSure', 'ack', 'done', 'skip', 'previous', 'position', 'pace', 'feel', 'longer', 'help', 'repeat', 'fallback']);
export const isPlanEvent = (e: FlowEvent): boolean => PLAN_KINDS.has(e.kind);

const partsOf = (r: Reply): readonly Part[] => [...r.say, ...(r.ask ?? []), ...(r.reprompt ?? [])];
const lineText = new WeakMap<object, string>();
const textOfPart = (p: Part): string => {
  if ('talk' in p) return p.talk;
  if (!('line' in p)) return '';
  let t = lineText.get(p.line);
  if (t === undefined) lineText.set(p.line, (t = textFor(p.line.say, en)));
  return t;
};
const textOf = (parts: readonly Part[]): string => parts.map(textOfPart).join(' ');

/**
 * Short turns, in every locale: what is too long in a reply. Replies are built afresh on every step, from few
 * distinct sentences: each sentence's words are counted once per locale, a reply's are summed (the renderer
 * joins parts with spaces, so words add up), and only a reply over the limit is rendered for its message.
 */
const PACKS = SUPPORTED_LOCALES.map(localePack);
const lineWords = new WeakMap<object, readonly number[]>();
const talkWords = new Map<string, number>();
const wordsOf = (p: Part, i: number): number => {
  if ('talk' in p) {
    let n = talkWords.get(p.talk);
    if (n === undefined) talkWords.set(p.talk, (n = wordCount(p.talk)));
    return n;
  }
  if (!('line' in p)) return 0;
  if (p.vars) return wordCount(partText(p, PACKS[i]!) ?? '');
  let counts = lineWords.get(p.line);
  if (counts === undefined) lineWords.set(p.line, (counts = PACKS.map((l) => wordCount(partText(p, l) ?? ''))));
  return counts[i]!;
};
const isSet = (p: Part): boolean => 'breathe' in p || 'tilts' in p || 'hold' in p;
const sum = (parts: readonly Part[] | undefined, i: number): number => {
  let n = 0;
  for (const p of parts ?? []) n += wordsOf(p, i);
  return n;
};
/** A part's words in its longest locale: a bound on every locale's count, so most replies are checked once. */
const maxWords = new WeakMap<object, number>();
const varsMax = new WeakMap<object, Map<string, number>>();
const mostWords = (p: Part): number => {
  if ('talk' in p) return wordsOf(p, 0);
  if (!('line' in p)) return 0;
  if (p.vars) {
    const byVars = varsMax.get(p.line) ?? varsMax.set(p.line, new Map()).get(p.line)!;
    const k = JSON.stringify(p.vars);
    let n = byVars.get(k);
    if (n === undefined) byVars.set(k, (n = Math.max(...PACKS.map((_, i) => wordsOf(p, i)))));
    return n;
  }
  let n = maxWords.get(p.line);
  if (n === undefined) maxWords.set(p.line, (n = Math.max(...PACKS.map((_, i) => wordsOf(p, i)))));
  return n;
};
const sumMost = (parts: readonly Part[] | undefined): number => {
  let n = 0;
  for (const p of parts ?? []) n += mostWords(p);
  return n;
};
export function tooLong(r: Reply): string[] {
  const exercise = r.say.some(isSet) || (r.ask ?? []).some(isSet);
  // Within the limit in the longest words of every part: within it in every locale.
  if ((exercise ? 0 : sumMost(r.say) + sumMost(r.ask)) <= MAX_TURN_WORDS && (r.end ? 0 : sumMost(r.reprompt ?? r.ask ?? r.say)) <= MAX_TURN_WORDS) return [];
  const problems: string[] = [];
  for (let i = 0; i < PACKS.length; i++) {
    const spoken = exercise ? 0 : sum(r.say, i) + sum(r.ask, i);
    const again = r.end ? 0 : sum(r.reprompt ?? r.ask ?? r.say, i);
    if (spoken > MAX_TURN_WORDS || again > MAX_TURN_WORDS) problems.push(...lengthProblems(replyLength(r, PACKS[i]!)).map((x) => `${x} (${PACKS[i]!.id})`));
  }
  return problems;
}

/**
 * The memo key of a state: its fields' values in a fixed order (shorter than JSON, so the search can hold
 * millions). A field this list does not know fails the check rather than being silently left out of the key.
 */
const KEY_FIELDS = ['v', 'step', 'q', 'emergency', 'cleared', 'fullClear', 'later', 'mq', 't2', 't3', 'pregnant', 'first', 'age', 'pos', 'want', 'solo',
  'back', 'bq', 'breathed', 'ret', 'rq', 'noSave', 'alert', 'asked', 'pace', 'sets', 'called', 'company', 'disclaimed'] as const satisfies ReadonlyArray<keyof State>;
// Every field of State is in the key: a new field that is not fails to compile here.
const KEY_COMPLETE: [Exclude<keyof State, (typeof KEY_FIELDS)[number]>] extends [never] ? true : never = true;
const KNOWN = new Set<string>(KEY_COMPLETE ? KEY_FIELDS : []);
/** Each distinct field value as one character, so a key is one character a field (hashing keys is the search's main cost). */
const codes = new Map<unknown, string>();
const codeOf = (v: unknown): string => {
  let c = codes.get(v);
  if (c === undefined) codes.set(v, (c = String.fromCharCode(0x100 + codes.size)));
  return c;
};
const FIELD_INDEX = new Map<string, number>(KEY_FIELDS.map((f, i) => [f, i]));
const slots: string[] = new Array<string>(KEY_FIELDS.length);
/** The fields present (a state holds a few of them, in any order), each in its own slot; absent ones a dot. */
const keyOf = (s: State): string => {
  slots.fill('.');
  for (const f in s) {
    const i = FIELD_INDEX.get(f);
    if (i === undefined) return `unknown field ${f}`;
    const v = (s as unknown as Record<string, unknown>)[f];
    if (v !== undefined) slots[i] = typeof v === 'object' ? codeOf(JSON.stringify(v)) : codeOf(v);
  }
  return slots.join('');
};
export const unknownFields = (s: State): string[] => Object.keys(s).filter((f) => !KNOWN.has(f));
const QUIETLY_AGAIN = new Set<FlowEvent['kind']>(['repeat', 'permission', 'alertDone']);
/** Steps of numbered questions or parts, where "go back" is the question or part before (q - 1). */
const ORDERED = new Set<StepId>(['screen', 'more', 'final', 'care', 'close', 'getUp', 'getDown']);
const LATER_TIMELINE = WHEN_TO_SEE_DOCTOR.map((c) => textFor(c.say, en));

/** States deep in the plan, reached by the flow itself, so every step is within reach of a root. */
export const seeded = (): Array<{ label: string; state: State }> => seededStates(NOW);

/** A start: the memory the skill found, and states seeded deep in the plan (only for a new person). */
export interface Root {
  readonly label: string;
  readonly memory?: Memory;
  /** Start from the seeded plan states too. */
  readonly seeds?: boolean;
  /** Only from the seeded states, not from a first request (another search covers that). */
  readonly seedsOnly?: boolean;
}
export const NEW_PERSON: Root = { label: 'a new person', seeds: true };
/** The new person's search in two halves that run side by side: from the first request, and from deep in the plan. */
export const FIRST_REQUEST: Root = { label: 'a new person' };
export const IN_THE_PLAN: Root = { label: 'a new person', seeds: true, seedsOnly: true };
export const RETURNING: readonly Root[] = [
  { label: 'cleared an hour ago, mid-breathing', memory: { v: 1, pace: 'slower', clear: true, at: NOW - HOUR, step: 'breathingOffer', q: 0 } },
  { label: 'cleared an hour ago', memory: { v: 1, clear: true, at: NOW - HOUR } },
  { label: 'cleared three hours ago', memory: { v: 1, clear: true, at: NOW - 3 * HOUR, step: 'tiltsOffer', q: 0 } },
  // Not recently cleared: the full screen again. (A saved pace or disclaimer would make every path a new one to
  // search to depth 5 for no new step; the first turn with them is test/unit/flowRules.test.ts's and the atlas's.)
  { label: 'last time ended in an emergency', memory: { v: 1, pace: 'normal' } },
];

export interface Search {
  /** Turns, the first included (a seeded state counts as one turn). */
  readonly depth: number;
  /** Side events (not plan events) allowed on one path; unbounded when absent. */
  readonly sideEvents?: number;
}

export interface Explored {
  readonly failures: string[];
  readonly steps: Set<string>;
  readonly states: number;
  /** The turn at which each expanded state was first reached (its key): another search may lean on it. */
  readonly depths: ReadonlyMap<string, number>;
  /** States not expanded here because another search of the same depth expands them no later. */
  readonly covered: number;
  /** Every state expanded, in the order reached. */
  readonly expanded: readonly State[];
  readonly transitions: number;
  readonly ms: number;
}

interface Node {
  readonly state: State;
  /** How this state was reached, kept as a chain and spelled out only for a failure. */
  readonly via: Via;
  readonly side: number;
}
type Via = { readonly from: Via; readonly e: FlowEvent } | { readonly root: string };
const said = (e: FlowEvent): string => `${e.kind}${'sign' in e && e.sign ? `(${e.sign})` : ''}${'fact' in e ? `(${e.fact})` : ''}`;
const spell = (v: Via): string => ('root' in v ? v.root : `${spell(v.from)} > ${said(v.e)}`);

/**
 * Explores every event sequence from the roots and checks every step. `coveredBy` is another search of the same
 * events and depth (the new person's, run by its own file): a state it reaches at the same turn or sooner has its
 * whole remaining tree checked there, so it is checked on arrival here but not expanded again. That is sound
 * because the memory only decides the first turn: after it, the next step depends on the state alone.
 */
export function explore(roots: readonly Root[], search: Search, events: readonly FlowEvent[] = alphabet(), coveredBy?: Explored): Explored {
  const failures: string[] = [];
  const steps = new Set<string>();
  let transitions = 0;
  const started = Date.now();
  const fail = (via: Via, what: string) => {
    if (failures.length < 40) failures.push(`${what}\n    after: ${spell(via)}`);
  };
  const limit = search.sideEvents ?? Infinity;

  /** Checks one step and returns the next state, or undefined when the session ended. */
  function step(prev: State | undefined, e: FlowEvent, context: FlowContext, via: Via): { state: State; via: Via } | undefined {
    transitions++;
    const decided = transition(prev, e, context);
    const here: Via = { from: via, e };
    if (decided.effect?.kind === 'alert' && (decided.state.emergency || !decided.state.cleared)) fail(here, 'a timer or reminder before a clear screen or after an emergency');
    // An effect is carried out by the handler, which hands the result back: check what the person then hears.
    const out = decided.effect ? transition(decided.state, decided.effect.kind === 'forget' ? { kind: 'forgotten', ok: true } : { kind: 'alertDone', result: 'ok' }, context) : decided;
    const { state: next, reply: r } = out;
    const parts = partsOf(r);
    let moved = false;
    let exercise = false;
    let tilts = false;
    let empty = true;
    let reassured = false;
    for (const p of parts) {
      if ('tilts' in p) tilts = moved = exercise = true;
      else if ('line' in p) {
        if (p.line.reassures === true) reassured = true;
        if (p.line.moves === true) moved = true;
        if (p.line.exercise === true) exercise = true;
      }
      if (empty && textOfPart(p).trim() !== '') empty = false;
    }
    if (empty) fail(here, 'the reply is empty');
    if (!r.end && !r.permission && !(r.ask?.length || r.reprompt?.length)) fail(here, 'open with no question');
    if ((e.kind === 'stop' || e.kind === 'call' || e.kind === 'helpHere') && !r.end) fail(here, `${e.kind} did not close the session`);
    if ((e.kind === 'fallback' || e.kind === 'unsupported') && r.end) fail(here, 'words not placed closed the session');
    if (e.kind === 'help' && prev && !r.end && (next.step !== prev.step || next.q !== prev.q)) fail(here, 'help moved the conversation');
    if (prev?.emergency && !next.emergency) fail(here, 'an emergency was dropped');
    if (prev?.t2 && !next.t2) fail(here, 'a same-day (T2) answer was dropped');
    if (next.emergency && moved) fail(here, 'movement after an emergency');
    if (next.emergency && !SAFE_AFTER_EMERGENCY.has(next.step)) fail(here, `emergency at step ${next.step}`);
    if (moved && (!next.cleared || next.emergency)) fail(here, 'movement before Q1-Q5 were cleared in this conversation');
    if (reassured && (!next.cleared || next.emergency)) fail(here, 'reassurance before Q1-Q5 were cleared, or after a warning sign');
    if (next.cleared && !prev?.cleared) {
      const lastScreenNo = prev?.step === 'screen' && prev.q === SCREEN.length - 1 && e.kind === 'no';
      const shortCheckNo = prev?.step === 'rescreen' && e.kind === 'no';
      if (!lastScreenNo && !shortCheckNo) fail(here, 'cleared without Q1-Q5 or a valid short check');
    }
    if (next.step === 'rescreen' && prev?.step !== 'rescreen') {
      // Only a new conversation of someone recently cleared, or a return to it after "forget me" or a check.
      const valid = (!prev && recentlyCleared(context.memory, NOW)) || prev?.step === 'resumeOffer' || prev?.ret === 'rescreen';
      if (!valid) fail(here, 'the short check was offered to someone who is not recently cleared');
    }
    if ((exercise || EXERCISE_STEPS.has(next.step)) && !next.later) fail(here, 'exercise or getting up before Q6-Q11');
    if (next.t2 && tilts) fail(here, 'tilts after a same-day (T2) answer');
    if ((next.emergency === 'UNKNOWN' || (next.emergency && groupOf(next.emergency) === 'breathing')) && parts.some((p) => 'breathe' in p)) fail(here, 'paced breathing for someone who can\'t breathe, or whose sign could not be placed');
    if (e.kind === 'fact' && next.emergency !== prev?.emergency) fail(here, 'a T2 fact was sent to the emergency number');
    if (e.kind === 'notSure' && prev?.step === 'screen' && !next.emergency) fail(here, '"not sure" on Q1-Q5 was not treated as yes');
    if (prev?.emergency && e.kind === 'repeat' && !r.end && !textOf(r.say).startsWith('Call 911 now')) fail(here, 'repeat after T1 did not give the number first');
    if (next.t2 && LATER_TIMELINE.some((t) => textOf(parts).includes(t))) fail(here, 'a later timeline after same-day advice');
    if (next.q < 0 || !Number.isInteger(next.q)) fail(here, `question number ${next.q}`);
    if (prev && !r.end && !next.emergency) {
      const stayed = next.step === prev.step && next.q === prev.q;
      // "Go back" goes back one question in a step of numbered questions or parts, and never forward.
      // (Q12-Q14 go back past a question that was not asked: the age questions after a no to Q12A.)
      const earlierAsked = prev.step !== 'final' || FINAL_QUESTIONS.some((q, j) => j < prev.q && finalApplies(q, prev));
      const wentBack = next.step === prev.step && (prev.step === 'final' ? next.q < prev.q && finalApplies(FINAL_QUESTIONS[next.q], next) : next.q === prev.q - 1);
      if (e.kind === 'previous' && prev.q > 0 && ORDERED.has(prev.step) && earlierAsked && !wentBack) fail(here, `"go back" at ${prev.step} ${prev.q} went to ${next.step} ${next.q}`);
      if (e.kind === 'previous' && next.step === prev.step && next.q > prev.q) fail(here, `"go back" went forward at ${prev.step}`);
      // Words the skill could not place never move the conversation on ("what?" skips nothing).
      if (e.kind === 'fallback' && !stayed) fail(here, `an unclear answer moved ${prev.step} ${prev.q} to ${next.step} ${next.q}`);
      // Staying where they were, they hear why, not the question alone (only "repeat" is the question again).
      // (A reminder's permission or an alert's outcome is the device's, not the person's words.)
      if (stayed && !QUIETLY_AGAIN.has(e.kind) && r.say.length === 0 && !decided.effect && JSON.stringify(r.ask) === JSON.stringify(view(prev).ask)) {
        fail(here, `${said(e)} at ${prev.step} ${prev.q} got the question again with nothing said`);
      }
    }
    for (const problem of tooLong(r)) fail(here, problem);
    return r.end ? undefined : { state: next, via: here };
  }

  // A state is explored again only when reached with fewer side events used (more left to use).
  // Shared by the roots, as the memory only decides the first turn.
  const seen = new Map<string, number>();
  const depths = new Map<string, number>();
  const expanded: State[] = [];
  let covered = 0;
  for (const root of roots) {
    const context: FlowContext = { memory: root.memory, now: NOW, local: { date: '2026-11-21', hour: 15, minute: 0 } };
    const admit = (state: State, via: Via, side: number, into: Node[] | undefined, depth: number) => {
      const key = keyOf(state);
      const there = into && search.sideEvents === undefined ? coveredBy?.depths.get(key) : undefined;
      if (there !== undefined && there <= depth) {
        // Checked on arrival (the step did that); its tree is the new person's search's to check.
        covered++;
        return;
      }
      const before = seen.get(key);
      if (before !== undefined && before <= side) return;
      if (before === undefined) {
        if (JSON.stringify(state).length >= MAX_STATE_BYTES) fail(via, 'the state is too big');
        const unknown = unknownFields(state);
        if (unknown.length) fail(via, `the check does not know the state fields ${unknown.join(', ')}`);
        steps.add(state.step);
      }
      // The last level is checked, not expanded: nothing to remember it for.
      if (!into) return;
      seen.set(key, side);
      if (!depths.has(key)) {
        depths.set(key, depth);
        expanded.push(state);
      }
      into.push({ state, via, side });
    };
    let frontier: Node[] = [];
    for (const e of root.seedsOnly ? [] : events) {
      const side = isPlanEvent(e) ? 0 : 1;
      if (side > limit) continue;
      const n = step(undefined, e, context, { root: root.label });
      if (n) admit(n.state, n.via, side, frontier, 1);
    }
    if (root.seeds) for (const s of seeded()) admit(s.state, { root: `${root.label}, seed: ${s.label}` }, 0, frontier, 1);
    for (let depth = 2; depth <= search.depth && frontier.length; depth++) {
      const next: Node[] | undefined = depth < search.depth ? [] : undefined;
      for (const node of frontier) {
        for (const e of events) {
          const side = node.side + (isPlanEvent(e) ? 0 : 1);
          if (side > limit) continue;
          const n = step(node.state, e, context, node.via);
          if (n) admit(n.state, n.via, side, next, depth);
        }
      }
      frontier = next ?? [];
    }
  }
  // States remembered: all those expanded (the last level's are checked but not kept).
  return { failures, steps, states: seen.size, depths, covered, expanded, transitions, ms: Date.now() - started };
}

/**
 * The search, run once, on first use inside a test (not in beforeAll, so that mutation testing sees which
 * test covers the flow's code), and reported in one line.
 */
export function exploredOnce(what: string, roots: readonly Root[], search: Search, events: readonly FlowEvent[], coveredBy?: () => Explored): () => Explored {
  let result: Explored | undefined;
  return () => {
    if (!result) {
      result = explore(roots, search, events, coveredBy?.());
      const side = search.sideEvents === undefined ? '' : `, at most ${search.sideEvents} side event`;
      report(`flow model, ${what}: depth ${search.depth}${side}, ${events.length} events, ${result.states} states expanded${result.covered ? ` (${result.covered} more left to the new person's search)` : ''}, ${result.transitions} transitions checked, ${(result.ms / 1000).toFixed(1)} s`);
    }
    return result;
  };
}
