/**
 * Model check of the conversation for returning people (cleared an hour ago, with and without a place to carry
 * on; cleared three hours ago; last time ended in an emergency): every sequence of events, up to FLOW_DEPTH
 * turns (5), through the pure `transition()`, with the invariants of test/support/flowCheck.ts, among them
 * that the short check is offered only to someone cleared under two hours ago.
 */
import { alphabet, explore, RETURNING, type Explored } from '../support/flowCheck';
import { report } from '../support/logCapture';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow for a returning person, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  let result: Explored | undefined;
  const explored = (): Explored => {
    if (!result) {
      result = explore(RETURNING, { depth: DEPTH }, EVENTS);
      report(`flow model, returning people: depth ${DEPTH}, ${EVENTS.length} events, ${result.states} distinct states, ${result.transitions} transitions, ${(result.ms / 1000).toFixed(1)} s`);
    }
    return result;
  };

  it('offers to carry on, asks the short check, and reaches the screen and the plan', () => {
    const steps = explored().steps;
    for (const s of ['resumeOffer', 'rescreen', 'screen', 'emergency', 'position', 'breathing', 'forgetConfirm']) expect(steps).toContain(s);
  }, 600_000);

  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);
});
