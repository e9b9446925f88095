/**
 * Model check of the conversation itself, for a new person from the first request: every sequence of events, up
 * to FLOW_DEPTH turns (5), through the pure `transition()`, with the safety invariants of
 * test/support/flowCheck.ts checked on every step. The same search from states seeded deep in the plan is
 * flowModelPlan.test.ts, returning people flowModelReturning.test.ts, and longer conversations
 * flowModelDeep.test.ts; the files run side by side on Jest's workers. The handler wiring is checked
 * separately, less deep, in exhaustive.test.ts.
 */
import { alphabet, FIRST_REQUEST, exploredOnce } from '../support/flowCheck';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow for a new person, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  const explored = exploredOnce('new person, from the first request', [FIRST_REQUEST], { depth: DEPTH }, EVENTS);

  // First, so the search runs inside it: mutation testing's per-test coverage credits the flow's code to the
  // test of the invariants (a later test reads the cached search and would cover nothing).
  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);

  it('reaches the screen, the emergency, the checks and forget me', () => {
    const steps = explored().steps;
    for (const s of ['screen', 'emergency', 'checkSign', 'signCheck', 'forgetConfirm']) expect(steps).toContain(s);
  }, 600_000);
});
