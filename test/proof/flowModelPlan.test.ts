/**
 * Model check of the conversation deep in the plan: every sequence of events, up to FLOW_DEPTH turns (5, the
 * seeded state counting as the first), through the pure `transition()`, from states the flow itself reaches
 * after a clear screen (the last screen question, where they are, halfway through Q6-Q11, the tilts, getting
 * up, Q12-Q14, the self-care plan, after a T2 answer, an emergency), with the invariants of
 * test/support/flowCheck.ts. The first request is flowModel.test.ts.
 */
import { alphabet, IN_THE_PLAN, exploredOnce } from '../support/flowCheck';
import { STEP_IDS } from '../../lambda/src/flow/state';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow from deep in the plan, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  const explored = exploredOnce('new person, in the plan', [IN_THE_PLAN], { depth: DEPTH }, EVENTS);

  // First, so the search runs inside it: mutation testing's per-test coverage credits the flow's code to the
  // test of the invariants (a later test reads the cached search and would cover nothing).
  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);

  it('reaches every step of the conversation but the short check for a returning person', () => {
    expect([...explored().steps].sort()).toEqual(STEP_IDS.filter((s) => s !== 'rescreen').sort());
  }, 600_000);
});
