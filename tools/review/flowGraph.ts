// The conversation as a graph, found by running the pure flow over every event a person can cause,
// the way test/proof/exhaustive.test.ts runs the whole skill: nothing here is drawn by hand.
import { SIGN_IDS } from '../../lambda/src/content/emergency';
import type { Clinical } from '../../lambda/src/content/types';
import { INTENT_EVENTS } from '../../lambda/src/handlers/events';
import type { FlowEvent } from '../../lambda/src/flow/events';
import { memoryFrom, type Memory } from '../../lambda/src/flow/memory';
import type { Part } from '../../lambda/src/flow/reply';
import type { State } from '../../lambda/src/flow/state';
import { transition, type Outcome } from '../../lambda/src/flow/transition';
import { seededStates } from '../flowSeeds';

/** Where a conversation opens: a new session, or a person coming back. */
export const START = 'start';
/** The session closes after this reply. */
export const END = 'end';

export interface FlowEdge {
  readonly from: string;
  readonly to: string;
  /** Event kinds that take this edge. */
  readonly events: ReadonlySet<string>;
  /** The reply on this edge gave (or repeated) emergency advice. */
  readonly emergency: boolean;
}

/** Where a clinical sentence or a conversational line was heard: the step the reply leads to. */
export interface HeardAt {
  readonly part: Part;
  readonly step: string;
}

export interface FlowGraph {
  readonly steps: readonly string[];
  readonly edges: readonly FlowEdge[];
  /** Each clinical sentence object the flow said, with every step it was said at. */
  readonly clinical: ReadonlyMap<Clinical, ReadonlySet<string>>;
  /** Each conversational line (not clinical) the flow said, with its steps. */
  readonly talk: ReadonlyMap<string, ReadonlySet<string>>;
  readonly statesExplored: number;
  readonly transitionsRun: number;
}

const eventLabel = (e: FlowEvent): string => {
  const extra = Object.entries(e)
    .filter(([k]) => k !== 'kind')
    .map(([, v]) => String(v));
  return extra.length ? `${e.kind}(${extra.join(',')})` : e.kind;
};

/** Every event the interaction model can produce, plus opening the skill and each named warning sign. */
export function personEvents(): FlowEvent[] {
  const seen = new Map<string, FlowEvent>();
  const add = (e: FlowEvent) => seen.set(JSON.stringify(e), e);
  add({ kind: 'launch' });
  for (const e of Object.values(INTENT_EVENTS)) add(e);
  for (const sign of SIGN_IDS) add({ kind: 'emergency', sign });
  add({ kind: 'unsupported' });
  return [...seen.values()];
}

/**
 * What a state is, for the diagram: where it is and what safety decided. Bookkeeping (pace, sets, where to
 * return to, what was asked for) multiplies states without adding steps, so it is left out of the shape.
 */
const SHAPE = ['step', 'q', 'emergency', 'cleared', 't2', 't3', 'pregnant', 'pos', 'want'];
const shapeOf = (s: State): string => JSON.stringify(SHAPE.map((k) => (s as unknown as Record<string, unknown>)[k] ?? null));

/**
 * Breadth-first over distinct state shapes, from a new session and from each place a returning person could
 * resume, up to `maxStates` states (the graph of steps saturates long before that).
 */
export function exploreFlow(options: { maxStates?: number; now?: number; seeds?: boolean } = {}): FlowGraph {
  const maxStates = options.maxStates ?? 8000;
  // A morning at home: reminders can be offered (the handler finds the time from the device's time zone).
  const local = { date: '2026-11-21', hour: 10, minute: 0 };
  const now = options.now ?? Date.parse('2026-11-21T09:00:00Z');
  const events = personEvents();
  const edges = new Map<string, { from: string; to: string; events: Set<string>; emergency: boolean }>();
  const clinical = new Map<Clinical, Set<string>>();
  const talk = new Map<string, Set<string>>();
  const steps = new Set<string>([START]);
  const seen = new Set<string>();
  const memories = new Map<string, Memory>();
  let transitionsRun = 0;
  let frontier: State[] = [];

  const note = (from: string, e: FlowEvent, out: Outcome) => {
    transitionsRun++;
    const to = out.reply.end ? END : out.state.step;
    steps.add(to);
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, events: new Set<string>(), emergency: false };
    edge.events.add(e.kind === 'emergency' ? 'emergency' : eventLabel(e).split('(')[0]!);
    if (out.state.emergency) edge.emergency = true;
    edges.set(key, edge);
    const parts = [...out.reply.say, ...(out.reply.ask ?? []), ...(out.reply.reprompt ?? [])];
    for (const p of parts) {
      if ('line' in p) (clinical.get(p.line) ?? clinical.set(p.line, new Set()).get(p.line)!).add(out.state.step);
      else if ('talk' in p) (talk.get(p.talk) ?? talk.set(p.talk, new Set()).get(p.talk)!).add(out.state.step);
    }
    if (!out.reply.end) {
      const k = shapeOf(out.state);
      if (!seen.has(k) && seen.size < maxStates) {
        seen.add(k);
        frontier.push(out.state);
      }
      const m = memoryFrom(out.state, now);
      if (m) memories.set(JSON.stringify(m), m);
    }
  };

  const opening = (memory?: Memory) => {
    for (const e of events) note(START, e, transition(undefined, e, { now: now + 60_000, memory, local }));
  };
  opening();
  // With the model check's states deep in the plan, so the later steps are reached in a few levels.
  for (const { state } of options.seeds === false ? [] : seededStates(now)) {
    if (seen.has(shapeOf(state))) continue;
    seen.add(shapeOf(state));
    frontier.push(state);
  }
  // Level by level until three levels in a row find no new edge, event or sentence (or the cap).
  const found = () => [...edges.values()].reduce((n, e) => n + e.events.size, 0) + clinical.size + talk.size;
  const explore = (cap: number) => {
    let quiet = 0;
    while (frontier.length && seen.size < cap && quiet < 3) {
      const before = found();
      const level = frontier;
      frontier = [];
      for (const s of level) for (const e of events) note(s.step, e, transition(s, e, { now, local }));
      quiet = found() === before ? quiet + 1 : 0;
    }
    frontier = [];
  };
  explore(maxStates);
  // A person coming back: open the skill with each kind of memory the first conversations left.
  for (const m of memories.values()) opening(m);
  explore(maxStates * 2);

  return {
    steps: [...steps],
    edges: [...edges.values()],
    clinical,
    talk,
    statesExplored: seen.size,
    transitionsRun,
  };
}

const q = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** An event that leads to the same place from most steps: shown once, in a table, not as an arrow per step. */
export interface GlobalMove {
  readonly event: string;
  readonly to: string;
  readonly from: readonly string[];
}

/** What the diagram draws: per-step edges without self-loops, and the moves that work from (almost) anywhere. */
export function simplify(g: FlowGraph, share = 0.6): { edges: FlowEdge[]; global: GlobalMove[]; loops: Map<string, Set<string>> } {
  const steps = g.steps.filter((s) => s !== END);
  const fromSteps = new Map<string, Set<string>>();
  for (const e of g.edges) for (const k of e.events) {
    const key = `${k}\u0000${e.to}`;
    (fromSteps.get(key) ?? fromSteps.set(key, new Set()).get(key)!).add(e.from);
  }
  const global: GlobalMove[] = [];
  for (const [key, from] of fromSteps) {
    if (from.size >= Math.ceil(steps.length * share)) {
      const [event, to] = key.split('\u0000') as [string, string];
      global.push({ event, to, from: [...from].sort() });
    }
  }
  const isGlobal = new Set(global.map((m) => `${m.event}\u0000${m.to}`));
  const loops = new Map<string, Set<string>>();
  const edges: FlowEdge[] = [];
  for (const e of g.edges) {
    const events = new Set([...e.events].filter((k) => !isGlobal.has(`${k}\u0000${e.to}`)));
    if (events.size === 0) continue;
    if (e.from === e.to) {
      loops.set(e.from, events);
      continue;
    }
    edges.push({ ...e, events });
  }
  return { edges, global: global.sort((a, b) => a.event.localeCompare(b.event)), loops };
}

/** Graphviz DOT for the step graph: one node per step, one edge per (from, to) with the events that take it. */
export function toDot(g: FlowGraph): string {
  const { edges } = simplify(g);
  const lines = [
    'digraph flow {',
    '  graph [rankdir=TB, fontname="Helvetica", fontsize=11, nodesep=0.3, ranksep=0.45];',
    '  node [shape=box, style="rounded,filled", fillcolor="#eef3f8", color="#4a6785", fontname="Helvetica", fontsize=12];',
    '  edge [fontname="Helvetica", fontsize=9, color="#7a8b99"];',
  ];
  for (const s of g.steps) {
    const attrs =
      s === START ? 'shape=circle, fillcolor="#2b2b2b", fontcolor="white"'
      : s === END ? 'shape=doublecircle, fillcolor="#2b2b2b", fontcolor="white"'
      : s === 'emergency' ? 'fillcolor="#b00020", fontcolor="white", color="#700014"'
      : '';
    lines.push(`  ${q(s)} [id=${q(`step-${s}`)}${attrs ? `, ${attrs}` : ''}];`);
  }
  for (const e of edges) {
    const kinds = [...e.events].sort();
    const label = kinds.length > 3 ? `${kinds.slice(0, 2).join(', ')} +${kinds.length - 2}` : kinds.join(', ');
    const style = e.emergency ? ', color="#b00020", fontcolor="#b00020", penwidth=1.4' : '';
    lines.push(`  ${q(e.from)} -> ${q(e.to)} [label=${q(label)}, tooltip=${q(`${e.from} -> ${e.to}: ${kinds.join(', ')}`)}${style}];`);
  }
  lines.push('}');
  return lines.join('\n');
}
