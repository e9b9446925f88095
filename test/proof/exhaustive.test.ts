/**
 * Model check of the real skill's wiring: every sequence of intents in the en-US model, up to DEPTH turns after
 * the opening request and after a cleared screen, driven through the in-process Lambda handler with session
 * attributes carried as Alexa carries them. The skill is deterministic given (session attributes, request), so
 * each distinct turn is run once (memoised on that pair) and the number of paths is counted over the memo graph.
 *
 * The conversation's own logic is checked deeper over the pure flow (test/support/flowCheck.ts: every event to
 * depth 5, and depth 8 with one side event, from new, returning and seeded starts); this one proves that the
 * handler, the model's intents and the SSML keep the same
 * promises. PROOF_DEPTH and PROOF_BUDGET_S change the depth and the time budget.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/src/index';
import { INTENT_EVENTS } from '../../lambda/src/handlers/events';
import { localePack } from '../../lambda/src/locale';
import { isSignId } from '../../lambda/src/content/emergency';
import { SCREEN } from '../../lambda/src/content/screen';
import { allClinical, movementIn, movementSentences, speechText } from '../support/clinicalWalk';
import { intentRequest, launchRequest } from '../support/envelopes';
import { emergencyIntentNames, intentVariants, loadModel, BODY_SLOT_TYPES, type IntentVariant } from '../support/model';
import { responseProblems, turnLengthProblems } from '../support/responseChecks';
import { report } from '../support/logCapture';
import { seeded } from '../support/flowCheck';

const DEPTH = Number(process.env.PROOF_DEPTH ?? 3);
// Every level asked for must finish: the budget is a guard against a runaway state space, not a cut-off.
const MIN_DEPTH = DEPTH;
const BUDGET_MS = Number(process.env.PROOF_BUDGET_S ?? 900) * 1000;
const MAX_STATE_BYTES = 2048;
const STOPS = new Set(['AMAZON.StopIntent', 'AMAZON.CancelIntent']);
const HELP = 'AMAZON.HelpIntent';

const model = loadModel('en-US');
const en = localePack('en-US');
const VARIANTS = intentVariants(model);
const EMERGENCY_INTENTS = new Set(emergencyIntentNames(model));
const MOVES = movementSentences(en);

/** What the flow calls an intent: a kind name, or an event object with a kind (either shape of INTENT_EVENTS). */
const kindOf = (name: string): unknown => {
  const e = Object.hasOwn(INTENT_EVENTS, name) ? (INTENT_EVENTS as Readonly<Record<string, unknown>>)[name] : undefined;
  return typeof e === 'object' && e !== null ? (e as { kind?: unknown }).kind : e;
};
/** The one-shot entry: "Alexa, ask back helper, my back went out" starts a session here. */
const ENTRY_INTENTS = VARIANTS.filter((v) => kindOf(v.intent.name) === 'entry');

/** The id a body slot of this intent was matched to, if any. */
const bodyId = (v: IntentVariant): string | undefined => {
  const slot = model.intents.find((i) => i.name === v.intent.name)?.slots?.find((s) => (BODY_SLOT_TYPES as readonly string[]).includes(s.type));
  const value = slot ? v.intent.slots?.[slot.name] : undefined;
  return value?.resolutions?.resolutionsPerAuthority?.[0]?.values?.[0]?.value?.id;
};
/** True when a body slot was matched to a warning sign (not a T2 or T3 fact such as a fever or pregnancy). */
const namesASign = (v: IntentVariant): boolean => isSignId(bodyId(v));
/** True when a body slot was matched to a fact: same-day advice or a change of advice, never the number. */
const namesAFact = (v: IntentVariant): boolean => bodyId(v) !== undefined && !namesASign(v);

type Attributes = Record<string, unknown>;
interface Bh {
  step?: unknown;
  q?: unknown;
  emergency?: unknown;
}
const bhOf = (a: Attributes | undefined): Bh | undefined => a?.bh as Bh | undefined;

const ENDED = -1;
const UNKNOWN = -2;

describe(`every intent sequence up to depth ${DEPTH} (${VARIANTS.length} intent variants from the en-US model)`, () => {
  const failures: string[] = [];

  // The memo graph: nodes are (session attributes, emergency heard before); edges[node][variant] is the next node.
  const ids = new Map<string, number>();
  const attrsOf: Attributes[] = [];
  const afterEmergencyOf: boolean[] = [];
  const parentOf: Array<[number, string]> = [];
  const edges: Int32Array[] = [];
  const states = new Set<string>();
  const checked = new Map<string, Promise<string[]>>();
  let turnsRun = 0;
  let completeDepth = 0;
  let paths = 0n;
  const roots: number[] = [];
  /** Seconds since the start when each level was finished, to tune the budget. */
  const levelTimes: string[] = [];

  const via = (node: number): string => {
    const labels: string[] = [];
    for (let n = node; n >= 0; ) {
      const [parent, label] = parentOf[n]!;
      labels.unshift(label);
      n = parent;
    }
    return labels.join(' > ');
  };
  const fail = (path: () => string, what: string) => {
    if (failures.length < 50) failures.push(`${what}\n    after: ${path()}`);
  };

  /** Runs one turn, checks every invariant a person would notice, and returns the node it leads to. */
  async function turn(request: RequestEnvelope, label: string, from: number, variant?: IntentVariant): Promise<number> {
    turnsRun++;
    const path = () => (from >= 0 ? `${via(from)} > ${label}` : label);
    let out: ResponseEnvelope;
    try {
      out = await handler(request, {});
    } catch (e) {
      fail(path, `the handler rejected: ${(e as Error).message}`);
      return ENDED;
    }
    const r = out.response;
    const ssml = (s: unknown) => (s as { ssml?: string } | undefined)?.ssml ?? '';
    const speech = ssml(r.outputSpeech);
    const again = ssml(r.reprompt?.outputSpeech);
    const checkKey = `${String(r.shouldEndSession)}\u0000${speech}\u0000${again}`;
    // Valid SSML, and short turns: no reply or reprompt over 60 words outside a timed set.
    if (!checked.has(checkKey)) checked.set(checkKey, responseProblems(out).then((p) => [...p, ...turnLengthProblems(out)]));
    for (const p of await checked.get(checkKey)!) fail(path, p);

    const said = speechText(speech);
    const reprompt = speechText(again);
    const ended = r.shouldEndSession === true;
    if (!said) fail(path, 'the reply is empty');
    if (typeof r.shouldEndSession !== 'boolean') fail(path, 'shouldEndSession is not said outright');
    if (!ended && !reprompt) fail(path, 'the session stays open with no reprompt');

    const name = variant?.intent.name;
    const before = from >= 0 ? bhOf(attrsOf[from]) : undefined;
    const after = bhOf(out.sessionAttributes);
    const stateJson = JSON.stringify(after ?? null);
    if (stateJson.length >= MAX_STATE_BYTES) fail(path, `the state is ${stateJson.length} bytes`);
    if (name && STOPS.has(name) && !ended) fail(path, `${name} did not end the session`);
    if (name === HELP && before && (after?.step !== before.step || after?.q !== before.q)) {
      fail(path, `help moved the conversation from ${JSON.stringify([before.step, before.q])} to ${JSON.stringify([after?.step, after?.q])}`);
    }
    if (variant && namesASign(variant) && !after?.emergency) fail(path, `a named warning sign (${label}) did not lead to emergency advice`);
    // A named sign, or emergency advice given, is an emergency for the rest of the session. A statement
    // Alexa could not match to a sign is a safety question: it must be asked (or the advice given) at once,
    // with nothing else in that reply; a "no" to it is an answer, like a "no" to Q1-Q5.
    const ordinary = variant?.label.endsWith(' ordinary)') === true;
    const unnamed = name !== undefined && EMERGENCY_INTENTS.has(name) && !ordinary && !(variant && (namesASign(variant) || namesAFact(variant)));
    // Ordinary words caught by a statement phrase ("I'm at my desk") are answered by the step, not sent to the check.
    if (ordinary && after?.step === 'checkSign' && before?.step !== 'checkSign') fail(path, `ordinary words (${label}) were sent to the warning-sign check`);
    if (ordinary && after?.emergency !== before?.emergency) fail(path, `ordinary words (${label}) changed the emergency state`);
    if (variant && namesAFact(variant) && after?.emergency !== before?.emergency) fail(path, `a T2 or T3 fact (${label}) changed the emergency state`);
    if (name === 'CallIntent' && !ended) fail(path, 'a request to call did not close the session');
    if (unnamed && after?.step !== 'checkSign' && after?.step !== 'emergency') fail(path, `an unmatched warning sign (${label}) was not checked: step ${String(after?.step)}`);
    if (unnamed) for (const where of movementIn(`${said} ${reprompt}`, MOVES)) fail(path, `a movement sentence (${where}) right after an unmatched warning sign`);
    const triggered = (variant !== undefined && namesASign(variant)) || (after?.emergency !== undefined && after?.emergency !== null);
    const afterEmergency = (from >= 0 && afterEmergencyOf[from]!) || triggered;
    if (afterEmergency) {
      for (const where of movementIn(`${said} ${reprompt}`, MOVES)) fail(path, `a movement sentence (${where}) after an emergency`);
    }

    if (ended) return ENDED;
    const attributes = out.sessionAttributes ?? {};
    const json = JSON.stringify(attributes);
    states.add(json);
    const key = `${afterEmergency ? 'E' : '-'}${json}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = attrsOf.length;
      ids.set(key, id);
      attrsOf.push(attributes);
      afterEmergencyOf.push(afterEmergency);
      parentOf.push([from, label]);
      edges.push(new Int32Array(VARIANTS.length).fill(UNKNOWN));
    }
    return id;
  }

  beforeAll(async () => {
    expect(ENTRY_INTENTS.length).toBeGreaterThan(0);
    const started = Date.now();
    roots.push(await turn(launchRequest(), 'LaunchRequest', -1));
    for (const v of ENTRY_INTENTS) roots.push(await turn(intentRequest(v.intent, { isNew: true }), `${v.label} (new session)`, -1, v));
    // A root after a cleared screen, reached through the handler itself, so the plan is checked to the same depth.
    const no = VARIANTS.find((v) => v.intent.name === 'AMAZON.NoIntent')!;
    let cleared = roots[0]!;
    for (let i = 0; i < SCREEN.length && cleared >= 0; i++) cleared = await turn(intentRequest(no.intent, { attributes: attrsOf[cleared] }), no.label, cleared, no);
    expect(bhOf(attrsOf[cleared])?.step).toBe('position');
    roots.push(cleared);
    // States deep in the plan (the flow model check's seeds), carried as Alexa carries them: each joins the
    // search one level later, so every step of the plan is checked through the handler too.
    const seeds: number[] = [];
    for (const s of seeded()) {
      const key = `-${JSON.stringify({ bh: s.state })}`;
      if (ids.has(key)) continue;
      const id = attrsOf.length;
      ids.set(key, id);
      attrsOf.push({ bh: s.state });
      afterEmergencyOf.push(s.state.emergency !== undefined);
      parentOf.push([-1, `seed: ${s.label}`]);
      edges.push(new Int32Array(VARIANTS.length).fill(UNKNOWN));
      seeds.push(id);
    }

    // Level by level over distinct nodes; a level is either finished or not counted.
    let frontier = new Set(roots.filter((r) => r !== ENDED));
    for (let depth = 1; depth <= DEPTH && frontier.size; depth++) {
      const next = new Set<number>();
      let finished = true;
      for (const node of frontier) {
        if (Date.now() - started > BUDGET_MS) {
          finished = false;
          break;
        }
        const out = edges[node]!;
        for (let i = 0; i < VARIANTS.length; i++) {
          if (out[i] === UNKNOWN) {
            const v = VARIANTS[i]!;
            out[i] = await turn(intentRequest(v.intent, { attributes: attrsOf[node] }), v.label, node, v);
          }
          if (out[i]! >= 0) next.add(out[i]!);
        }
      }
      if (!finished) break;
      completeDepth = depth;
      levelTimes.push(((Date.now() - started) / 1000).toFixed(1));
      frontier = next;
      if (depth === 1) for (const s of seeds) frontier.add(s);
    }
    if (frontier.size === 0) completeDepth = DEPTH;

    // Paths stop when the session ends or after completeDepth turns (dynamic programming over the memo graph).
    const counted = new Map<number, bigint>();
    const count = (node: number, left: number): bigint => {
      if (node === ENDED || left === 0) return 1n;
      const k = node * (DEPTH + 1) + left;
      const known = counted.get(k);
      if (known !== undefined) return known;
      let n = 0n;
      for (const next of edges[node]!) n += next === ENDED ? 1n : count(next, left - 1);
      counted.set(k, n);
      return n;
    };
    paths = roots.reduce((sum, r) => sum + count(r, completeDepth), 0n) + seeds.reduce((sum, r) => sum + count(r, completeDepth - 1), 0n);
    report(
      `exhaustive: complete to depth ${completeDepth} of ${DEPTH} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
        `${paths.toLocaleString('en-US')} distinct paths (opening + up to ${completeDepth} turns, ${VARIANTS.length} intent variants), ` +
        `${states.size} distinct states, ${turnsRun} distinct turns run, ` +
        `${MOVES.length} movement sentences of ${allClinical().length} clinical sentences; levels done at ${levelTimes.join(', ')} s`,
    );
  }, BUDGET_MS + 60_000);

  it(`finishes at least depth ${MIN_DEPTH} within the time budget`, () => {
    expect(completeDepth).toBeGreaterThanOrEqual(MIN_DEPTH);
    expect(paths).toBeGreaterThan(BigInt(VARIANTS.length) ** BigInt(Math.min(completeDepth, 4)));
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
