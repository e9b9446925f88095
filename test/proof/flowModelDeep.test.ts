/**
 * Longer conversations: every sequence of up to FLOW_DEEP turns (8) through the pure `transition()`, from a new
 * person, the seeded plan states and every returning person, in which every turn is a plan event (yes, no, not
 * sure, okay, done, skip, back, a place, a pace, a feeling, another minute, help, repeat, words not placed) but
 * at most FLOW_SIDE (1) of them: any other event (a sign, a fact, a question, a topic, a timer, forget me, a
 * call, stop …) at any point. Every combination of every event is checked to depth 5 in flowModel.test.ts and
 * flowModelReturning.test.ts.
 */
import { alphabet, NEW_PERSON, RETURNING, exploredOnce } from '../support/flowCheck';
import { STEP_IDS } from '../../lambda/src/flow/state';

const DEPTH = Number(process.env.FLOW_DEEP ?? 8);
const SIDE = Number(process.env.FLOW_SIDE ?? 1);
const EVENTS = alphabet();

describe(`every conversation of ${DEPTH} turns with at most ${SIDE} side event (${EVENTS.length} events)`, () => {
  const explored = exploredOnce('deep', [NEW_PERSON, ...RETURNING], { depth: DEPTH, sideEvents: SIDE }, EVENTS);

  // First, so the search runs inside it: mutation testing's per-test coverage credits the flow's code to the
  // test of the invariants (a later test reads the cached search and would cover nothing).
  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);

  it('reaches every step of the conversation', () => {
    expect([...explored().steps].sort()).toEqual([...STEP_IDS].sort());
  }, 600_000);
});
