/**
 * Model check of the conversation for returning people (cleared an hour ago, with and without a place to carry
 * on; cleared three hours ago; last time ended in an emergency): every sequence of events, up to FLOW_DEPTH
 * turns (5), through the pure `transition()`, with the invariants of test/support/flowCheck.ts, among them
 * that the short check is offered only to someone cleared under two hours ago.
 */
import { alphabet, RETURNING, exploredOnce } from '../support/flowCheck';

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow for a returning person, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  const explored = exploredOnce('returning people', RETURNING, { depth: DEPTH }, EVENTS);

  it('offers to carry on, asks the short check, and reaches the screen and the plan', () => {
    const steps = explored().steps;
    for (const s of ['resumeOffer', 'rescreen', 'screen', 'emergency', 'position', 'breathing', 'forgetConfirm']) expect(steps).toContain(s);
  }, 600_000);

  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);
});
