/**
 * Model check of the real skill: every sequence of intents in the en-US model, up to DEPTH turns after the
 * opening request, driven through the in-process Lambda handler with session attributes carried as Alexa
 * carries them. The skill is deterministic given (session attributes, request), so each distinct turn is run
 * once (memoised on that pair) and the number of paths is counted over the memo graph.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/src/index';
import { INTENT_EVENTS } from '../../lambda/src/handlers/events';
import { localePack } from '../../lambda/src/locale';
import { allClinical, movementIn, movementSentences, speechText } from '../support/clinicalWalk';
import { intentRequest, launchRequest } from '../support/envelopes';
import { emergencyIntentNames, intentVariants, loadModel, type IntentVariant } from '../support/model';
import { responseProblems } from '../support/responseChecks';
import { report } from '../support/logCapture';

const DEPTH = 8;
const MAX_STATE_BYTES = 2048;
const STOPS = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent']);
const HELP = 'AMAZON.HelpIntent';

const model = loadModel('en-US');
const en = localePack('en-US');
const VARIANTS = intentVariants(model);
const EMERGENCY_INTENTS = new Set(emergencyIntentNames(model));
const ENTRY_INTENTS = VARIANTS.filter((v) => INTENT_EVENTS[v.intent.name] === 'entry');
const MOVES = movementSentences(en);

type Attributes = Record<string, unknown>;
interface Bh {
  step?: unknown;
  q?: unknown;
  emergency?: unknown;
}

/** A point in the conversation: what Alexa would send back, and whether an emergency was heard before. */
interface Node {
  readonly key: string;
  readonly attributes: Attributes;
  readonly afterEmergency: boolean;
  /** One path that reaches this node, for failure reports. */
  readonly via: string;
}

interface Edge {
  /** Undefined when the session ended on this turn. */
  readonly next?: Node;
}

const bhOf = (a: Attributes | undefined): Bh | undefined => a?.bh as Bh | undefined;

describe(`every intent sequence up to depth ${DEPTH} (${VARIANTS.length} intent variants from the en-US model)`, () => {
  const failures: string[] = [];
  const fail = (path: string, what: string) => {
    if (failures.length < 50) failures.push(`${what}\n    after: ${path}`);
  };
  const problemCache = new Map<string, Promise<string[]>>();
  const edges = new Map<string, Edge>();
  const states = new Set<string>();
  let turnsRun = 0;
  let paths = 0n;

  /** Runs one turn, checks every invariant that a person would notice, and returns where it leads. */
  async function turn(request: RequestEnvelope, label: string, from: Node | undefined, variant?: IntentVariant): Promise<Edge> {
    turnsRun++;
    const path = from ? `${from.via} > ${label}` : label;
    let out: ResponseEnvelope;
    try {
      out = await handler(request, {});
    } catch (e) {
      fail(path, `the handler rejected: ${(e as Error).message}`);
      return {};
    }
    const r = out.response;
    const json = JSON.stringify(r);
    if (!problemCache.has(json)) problemCache.set(json, responseProblems(out));
    for (const p of await problemCache.get(json)!) fail(path, p);

    const ssml = (s: unknown) => (s as { ssml?: string } | undefined)?.ssml ?? '';
    const said = speechText(ssml(r.outputSpeech));
    const reprompt = speechText(ssml(r.reprompt?.outputSpeech));
    const ended = r.shouldEndSession === true;
    if (!said) fail(path, 'the reply is empty');
    if (typeof r.shouldEndSession !== 'boolean') fail(path, 'shouldEndSession is not said outright');
    if (!ended && !reprompt) fail(path, 'the session stays open with no reprompt');

    const name = variant?.intent.name;
    const before = bhOf(from?.attributes);
    const after = bhOf(out.sessionAttributes);
    const stateJson = JSON.stringify(after ?? null);
    if (stateJson.length >= MAX_STATE_BYTES) fail(path, `the state is ${stateJson.length} bytes`);
    if (name && STOPS.has(name) && !ended) fail(path, `${name} did not end the session`);
    if (name === HELP && before && (after?.step !== before.step || after?.q !== before.q)) {
      fail(path, `help moved the conversation from ${JSON.stringify([before.step, before.q])} to ${JSON.stringify([after?.step, after?.q])}`);
    }
    const triggered = (name !== undefined && EMERGENCY_INTENTS.has(name)) || (after?.emergency !== undefined && after?.emergency !== null);
    if (name && EMERGENCY_INTENTS.has(name) && !after?.emergency) fail(path, `${label} did not lead to emergency advice`);
    const afterEmergency = (from?.afterEmergency ?? false) || triggered;
    if (afterEmergency) {
      for (const where of movementIn(`${said} ${reprompt}`, MOVES)) fail(path, `a movement sentence (${where}) after an emergency`);
    }

    if (ended) return {};
    const attributes = out.sessionAttributes ?? {};
    const key = `${afterEmergency ? 'E' : '-'}${JSON.stringify(attributes)}`;
    states.add(JSON.stringify(attributes));
    return { next: { key, attributes, afterEmergency, via: path } };
  }

  async function step(node: Node, index: number): Promise<Edge> {
    const memo = `${node.key}\u0000${index}`;
    const known = edges.get(memo);
    if (known) return known;
    const v = VARIANTS[index]!;
    const edge = await turn(intentRequest(v.intent, { attributes: node.attributes }), v.label, node, v);
    edges.set(memo, edge);
    return edge;
  }

  beforeAll(async () => {
    expect(ENTRY_INTENTS.length).toBeGreaterThan(0);
    const roots: Edge[] = [
      await turn(launchRequest(), 'LaunchRequest', undefined),
      ...(await Promise.all(ENTRY_INTENTS.map((v) => turn(intentRequest(v.intent, { isNew: true }), `${v.label} (new session)`, undefined, v)))),
    ];

    // Breadth first over distinct nodes: a node reached by many paths is expanded once per depth at most.
    let frontier = new Map<string, Node>();
    for (const r of roots) if (r.next) frontier.set(r.next.key, r.next);
    for (let depth = 1; depth <= DEPTH && frontier.size; depth++) {
      const next = new Map<string, Node>();
      for (const node of frontier.values()) {
        for (let i = 0; i < VARIANTS.length; i++) {
          const e = await step(node, i);
          if (e.next && !next.has(e.next.key)) next.set(e.next.key, e.next);
        }
      }
      frontier = next;
    }

    // Paths: a path stops when the session ends or after DEPTH turns (dynamic programming on the memo graph).
    const counted = new Map<string, bigint>();
    const count = (node: Node, left: number): bigint => {
      if (left === 0) return 1n;
      const k = `${left}\u0000${node.key}`;
      const known = counted.get(k);
      if (known !== undefined) return known;
      let n = 0n;
      for (let i = 0; i < VARIANTS.length; i++) {
        const e = edges.get(`${node.key}\u0000${i}`);
        if (!e) throw new Error(`turn ${VARIANTS[i]!.label} from ${node.via} was never run`);
        n += e.next ? count(e.next, left - 1) : 1n;
      }
      counted.set(k, n);
      return n;
    };
    paths = roots.reduce((sum, r) => sum + (r.next ? count(r.next, DEPTH) : 1n), 0n);
    report(
      `exhaustive: ${paths.toLocaleString('en-US')} distinct paths (opening + up to ${DEPTH} turns, ${VARIANTS.length} intent variants), ` +
        `${states.size} distinct states, ${edges.size + roots.length} distinct turns run (${turnsRun} handler calls), ` +
        `${MOVES.length} movement sentences of ${allClinical().length} clinical sentences`,
    );
  }, 120_000);

  it('covers the whole space it claims to', () => {
    expect(paths).toBeGreaterThan(BigInt(VARIANTS.length) ** 4n);
    expect(states.size).toBeGreaterThan(5);
  });

  it('keeps every safety and conversation invariant on every path', () => {
    expect(failures).toEqual([]);
  });
});

describe('the movement check itself', () => {
  it('finds clinical sentences in every content module and renders them', () => {
    const found = allClinical();
    expect(found.length).toBeGreaterThan(10);
    expect(found.every((c) => typeof c.clinical.say === 'string' || typeof c.clinical.say(en) === 'string')).toBe(true);
  });

  it('would catch a movement sentence spoken after an emergency', () => {
    const planted = [{ where: 'planted', text: 'Roll slowly onto your side.' }];
    expect(movementIn(speechText('<speak>Call 911 now. Roll slowly onto your side. <break time="1s"/></speak>'), planted)).toEqual(['planted']);
    expect(movementIn('Call 911 now. Stay as you are.', planted)).toEqual([]);
  });
});
