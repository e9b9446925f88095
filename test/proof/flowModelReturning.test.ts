/**
 * Model check of the conversation for returning people (cleared an hour ago, with and without a place to carry
 * on; cleared three hours ago; last time ended in an emergency): every sequence of events, up to FLOW_DEPTH
 * turns (5), through the pure `transition()`, with the invariants of test/support/flowCheck.ts, among them
 * that the short check is offered only to someone cleared under two hours ago.
 */
import { alphabet, NEW_PERSON, NOW, RETURNING, exploredOnce } from '../support/flowCheck';
import { transition } from '../../lambda/src/flow/transition';

const LOCAL = { date: '2026-11-21', hour: 15, minute: 0 };

const DEPTH = Number(process.env.FLOW_DEPTH ?? 5);
const EVENTS = alphabet();

describe(`every event sequence through the flow for a returning person, to depth ${DEPTH} (${EVENTS.length} events)`, () => {
  // States a new person reaches as soon or sooner are expanded by flowModel.test.ts or flowModelPlan.test.ts to
  // the same depth: here they
  // are checked on arrival, not expanded again (a short new-person search finds them; the memory only decides
  // the first turn).
  const newPerson = exploredOnce('new person, the first turns', [NEW_PERSON], { depth: Math.min(DEPTH, 3) }, EVENTS);
  const explored = exploredOnce('returning people', RETURNING, { depth: DEPTH }, EVENTS, newPerson);

  // First, so the search runs inside it: mutation testing's per-test coverage credits the flow's code to the
  // test of the invariants (a later test reads the cached search and would cover nothing).
  it('keeps every safety invariant on every path', () => {
    expect(explored().failures).toEqual([]);
  }, 600_000);

  it('offers to carry on, asks the short check, and reaches the screen and the plan', () => {
    const steps = explored().steps;
    for (const s of ['resumeOffer', 'rescreen', 'screen', 'emergency', 'position', 'breathing', 'forgetConfirm']) expect(steps).toContain(s);
  }, 600_000);

  it('leans on the new person\'s search only because the memory decides the first turn alone', () => {
    // Every state of the new person's first turns, every event, with and without each memory: the same outcome.
    const differ: string[] = [];
    for (const state of newPerson().expanded) {
      for (const e of EVENTS) {
        const without = JSON.stringify(transition(state, e, { now: NOW, local: LOCAL }));
        for (const { label, memory } of RETURNING) {
          if (JSON.stringify(transition(state, e, { memory, now: NOW, local: LOCAL })) !== without && differ.length < 5) differ.push(`${label}: ${state.step} > ${e.kind}`);
        }
      }
    }
    expect(newPerson().expanded.length).toBeGreaterThan(100);
    expect(differ).toEqual([]);
  }, 600_000);
});
