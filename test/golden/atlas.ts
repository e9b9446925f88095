/**
 * The flow atlas: one turn of the pure flow from every kind of state the conversation reaches, for every event
 * class the flow can be handed, written as a table a person can read (test/golden/atlas/<step>.txt).
 *
 * The golden transcripts follow forty-odd people through whole conversations; the atlas shows what every
 * answer does at every stop on the way, including the rare ones (a reminder's confirmation after "go back", the
 * medicine check when pregnant, "forget me" during an emergency). A change to the flow that changes what a person
 * hears or where they are taken shows as a diff here, to be read before `npm run golden:update` accepts it.
 *
 * States: those expanded by the flow model check to depth 3 from a new person, the seeded plan states and every
 * returning memory, one per kind (step, question, and the fields that change what the flow does). Sentences are
 * named by their place in the content modules (SCREEN[2].ask), so a change of wording alone does not churn it.
 */
import * as alertsContent from '../../lambda/src/content/alerts';
import * as answers from '../../lambda/src/content/answers';
import * as breathing from '../../lambda/src/content/breathing';
import * as emergency from '../../lambda/src/content/emergency';
import * as guidance from '../../lambda/src/content/guidance';
import * as screen from '../../lambda/src/content/screen';
import * as selfcare from '../../lambda/src/content/selfcare';
import type { FlowEvent } from '../../lambda/src/flow/events';
import { NETS, view } from '../../lambda/src/flow/outcome';
import type { Part, Reply } from '../../lambda/src/flow/reply';
import type { State } from '../../lambda/src/flow/state';
import { transition, type FlowContext, type Outcome } from '../../lambda/src/flow/transition';
import { alphabet, classOf, explore, FIRST_REQUEST, IN_THE_PLAN, NOW, RETURNING, type Root } from '../support/flowCheck';

/** Every clinical sentence object, by where it sits in the content modules. */
function sentenceNames(): Map<object, string> {
  const names = new Map<object, string>();
  const walk = (v: unknown, path: string, depth: number): void => {
    if (!v || typeof v !== 'object') return;
    if ('say' in v && 'sources' in v && !names.has(v)) names.set(v, path);
    if (depth >= 4) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    else for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`, depth + 1);
  };
  for (const mod of [emergency, screen, guidance, selfcare, breathing, answers, alertsContent]) {
    for (const [k, v] of Object.entries(mod)) walk(v, k, 0);
  }
  return names;
}
const NAMES = sentenceNames();

function part(p: Part): string {
  if ('talk' in p) return JSON.stringify(p.talk);
  if ('line' in p) {
    const name = NAMES.get(p.line) ?? `(unnamed: ${JSON.stringify(typeof p.line.say === 'string' ? p.line.say : '…')})`;
    return p.vars ? `${name}${JSON.stringify(p.vars)}` : name;
  }
  if ('breathe' in p) return `<breathe ${p.breathe.pace} x${p.breathe.breaths}>`;
  if ('tilts' in p) return `<tilts x${p.tilts.reps}>`;
  return `<hold ${p.hold.seconds}s>`;
}
const parts = (ps: readonly Part[] | undefined): string => (ps?.length ? ps.map(part).join(' + ') : '-');

/** The fields beyond step and question, as `name=value`, in a fixed order. */
function fields(s: State): string[] {
  return Object.keys(s)
    .filter((k) => k !== 'v' && k !== 'step' && k !== 'q')
    .sort()
    .map((k) => `${k}=${JSON.stringify((s as unknown as Record<string, unknown>)[k])}`);
}
const where = (s: State): string => `${s.step} ${s.q}`;
export const stateLine = (s: State): string => [where(s), ...fields(s)].join(' ');

/** What changed between two states, beyond the step: `+field=value`, `-field`. */
function changes(before: State | undefined, after: State): string {
  const was = new Set(before ? fields(before) : []);
  const now = new Set(fields(after));
  const gone = before ? Object.keys(before).filter((k) => !(k in after)).map((k) => `-${k}`) : [];
  return [...[...now].filter((f) => !was.has(f)).map((f) => `+${f}`), ...gone].join(' ');
}

function outcomeLine(before: State | undefined, o: Outcome): string {
  const r: Reply = o.reply;
  // Staying at the same question, with the question asked again, reads the same at every question of a step.
  const stays = before !== undefined && where(o.state) === where(before);
  const out = [stays ? '→ stays' : `→ ${where(o.state)}`];
  const c = changes(before, o.state);
  if (c) out.push(c);
  if (o.effect) out.push(`effect=${JSON.stringify(o.effect)}`);
  if (r.end) out.push('END');
  if (r.permission) out.push(`permission=${JSON.stringify(r.permission)}`);
  const ask = r.ask ?? [];
  const again = r.reprompt ?? [];
  // The reprompt is most often the question with a safety net before or after it: then it is not spelled out.
  const same = (a: readonly Part[], b: readonly Part[]) => a.length === b.length && a.every((p, i) => part(p) === part(b[i]!));
  const usual = again.length === ask.length + 1 && ask.length > 0 && (same(again.slice(1), ask) || same(again.slice(0, -1), ask)) && [again[0]!, again[again.length - 1]!].some((p) => 'line' in p && NETS.has(p.line));
  const asked = parts(ask);
  const its = !stays ? asked : asked === parts(view(before).ask) ? '(the question)' : asked === parts(view(before, true).ask) ? '(the question, in other words)' : asked;
  return `${out.join(' ')} | say ${parts(r.say)} | ask ${its}${usual ? '' : ` | again ${parts(again)}`}`;
}

/** A short name for an event class: its kind and what the flow reads from it. */
export function eventName(e: FlowEvent): string {
  const c = classOf(e);
  if (!c.startsWith('{')) return c;
  const { kind, ...rest } = e as { kind: string } & Record<string, unknown>;
  const more = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return more.length ? `${kind}(${more.join(',')})` : kind;
}

/** What each event does from one state (or the first turn): a line each, the outcome as shown and as heard. */
function outcomes(before: State | undefined, events: readonly FlowEvent[], context: FlowContext): Array<{ name: string; sig: string; heard: string }> {
  return events.map((e) => {
    const o = transition(before, e, context);
    const sig = outcomeLine(before, o);
    return { name: eventName(e), sig, heard: `${where(o.state)} ${o.reply.end} ${JSON.stringify(o.effect)} ${sig.slice(sig.indexOf(' | '))}` };
  });
}

/** The events with the same outcome on one row. */
function rows(list: ReadonlyArray<{ name: string; sig: string }>): string[] {
  const groups = new Map<string, string[]>();
  for (const { name, sig } of list) (groups.get(sig) ?? groups.set(sig, []).get(sig)!).push(name);
  return [...groups].map(([sig, names]) => `- ${names.join(', ')} ${sig}`);
}

/** The fields that change what the flow does at a step, for picking one state of each kind. */
const kindOf = (s: State): string =>
  [s.step, s.q, s.emergency ? 'E' : '', s.cleared, s.later, s.t2, s.t3, s.pregnant, s.first, s.age, s.pos, s.want, s.solo, s.back, s.ret, s.called, s.company, s.alert?.p, s.noSave].join('|');

/** Every state on the way through a few longer conversations the depth-3 search does not reach the end of. */
function deeper(): State[] {
  const states: State[] = [];
  const drive = (events: FlowEvent[]) => {
    let s: State | undefined;
    for (const e of events) {
      s = transition(s, e, CONTEXT).state;
      states.push(s);
    }
  };
  const cleared: FlowEvent[] = [{ kind: 'entry' }, ...Array<FlowEvent>(screen.SCREEN.length).fill({ kind: 'no' })];
  const down: FlowEvent[] = [{ kind: 'topic', topic: 'lieDown' }, ...Array<FlowEvent>(6).fill({ kind: 'done' })];
  // The way down to the floor: an adult standing at the sink, an older person with someone there, one asked their age.
  drive([...cleared, { kind: 'position', pos: 'STANDING' }, { kind: 'age', years: 40 }, ...down]);
  drive([...cleared, { kind: 'position', pos: 'SITTING' }, { kind: 'age', years: 72 }, { kind: 'company' }, ...down]);
  drive([...cleared, { kind: 'position', pos: 'STANDING' }, { kind: 'topic', topic: 'lieDown' }, { kind: 'age', years: 40 }]);
  return states;
}

const CONTEXT: FlowContext = { now: NOW, local: { date: '2026-11-21', hour: 15, minute: 0 } };

/** The atlas, as files: one per step, plus the first turn of a new and of each returning person. */
export function atlas(): Map<string, string> {
  const events = alphabet();
  const roots: Root[] = [FIRST_REQUEST, IN_THE_PLAN, ...RETURNING];
  const { expanded } = explore(roots, { depth: 3 }, events);
  const picked = new Map<string, State>();
  for (const s of [...expanded, ...deeper()]) if (!picked.has(kindOf(s))) picked.set(kindOf(s), s);

  const files = new Map<string, string[]>();
  const add = (file: string, text: string) => (files.get(file) ?? files.set(file, []).get(file)!).push(text);
  const head = '(Generated by test/golden/atlas.ts; read the diff, then `npm run golden:update`.)\n';
  const heardDisclaimer: Root = { label: 'heard the disclaimer last time', memory: { v: 1, pace: 'normal', disclaimed: true } };
  for (const root of [{ label: 'a new person', memory: undefined }, ...RETURNING, heardDisclaimer]) {
    const r = outcomes(undefined, events, { ...CONTEXT, memory: root.memory });
    add('first-turn', `## The first turn: ${root.label}${root.memory ? ` (memory ${JSON.stringify(root.memory)})` : ''}\n${rows(r).join('\n')}\n`);
  }
  const sorted = [...picked.values()].sort((a, b) => (a.step === b.step ? a.q - b.q || stateLine(a).localeCompare(stateLine(b)) : a.step.localeCompare(b.step)));
  // A state is shown when what a person hears, or where they go, differs from every state of its step shown
  // before. The first of a step is shown whole; each other one, where it differs from the closest shown before it.
  const shown = new Map<string, Array<{ line: string; sigs: string[]; heard: string }>>();
  for (const s of sorted) {
    const r = outcomes(s, events, CONTEXT);
    const heard = r.map((o) => o.heard).join('\n');
    const before = shown.get(s.step) ?? shown.set(s.step, []).get(s.step)!;
    if (before.some((b) => b.heard === heard)) continue;
    const differing = (b: { sigs: string[] }) => r.filter((o, i) => o.sig !== b.sigs[i]);
    let closest: { line: string; sigs: string[] } | undefined;
    let fewest = Infinity;
    for (const b of before) {
      const n = differing(b).length;
      if (n < fewest) [closest, fewest] = [b, n];
    }
    before.push({ line: stateLine(s), sigs: r.map((o) => o.sig), heard });
    if (!closest || fewest > events.length / 2) add(s.step, `## ${stateLine(s)}\n${rows(r).join('\n')}\n`);
    else add(s.step, `## ${stateLine(s)}\n(as ${closest.line}, except:)\n${rows(differing(closest)).join('\n')}\n`);
  }
  return new Map([...files].map(([f, texts]) => [f, `${head}\n${texts.join('\n')}`]));
}
