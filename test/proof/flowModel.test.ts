/**
 * Model check of the conversation itself, for a new person: every sequence of events, up to FLOW_DEPTH turns
 * (5), through the pure `transition()`, from the first request and from states seeded deep in the plan, with
 * the safety invariants of test/support/flowCheck.ts checked on every step. Returning people are checked in
 * flowModelReturning.test.ts, and longer conversations in flowModelDeep.test.ts; the three files run side by
 * side on Jest's workers. The handler wiring is checked separately, less deep, in exhaustive.test.ts.
 */
import { alphabet, NEW_PERSON, exploredOnce } from '../support/flowCheck';
import { STEP_IDS } from '../../lambda/src/flow/state';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow for a new person, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  const explored = exploredOnce('new person', [NEW_PERSON], { depth: DEPTH }, EVENTS);

  it('reaches every step of the conversation but the short check for a returning person', () => {
    expect([...explored().steps].sort()).toEqual(STEP_IDS.filter((s) => s !== 'rescreen').sort());
  }, 600_000);

  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);
});
