/**
 * The two error paths (ask-sdk's error handler, and invokeSafely when ask-sdk itself fails) answer with
 * the skill's own validated state and nothing else from the envelope: a megabyte of foreign attributes
 * does not come back, and attributes nested 5,000 deep cannot make the reply impossible to serialise.
 */
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { handler } from '../../lambda/src/index';
import { readState } from '../../lambda/src/flow/state';
import { intentRequest } from '../support/envelopes';
import { capturedLines } from '../support/logCapture';

const STATE = { v: 1, step: 'breathingOffer', q: 5, pace: 'slower', sets: 0, cleared: true };
const MEGABYTE = 'x'.repeat(1024 * 1024);
const deep = (levels: number): unknown => {
  let v: unknown = 'bottom';
  for (let i = 0; i < levels; i++) v = { d: v };
  return v;
};
const DEEP = deep(5000);

const help = (attributes: Record<string, unknown>) =>
  intentRequest({ name: 'AMAZON.HelpIntent', confirmationStatus: 'NONE' }, { attributes });
/** No request object: every request handler's canHandle throws, so ask-sdk runs the error handler. */
const noRequest = (attributes: Record<string, unknown>) => ({ ...help(attributes), request: undefined }) as unknown as RequestEnvelope;
/** No context: ask-sdk fails before any handler, and invokeSafely answers. */
const noContext = (attributes: Record<string, unknown>) => ({ ...help(attributes), context: undefined }) as unknown as RequestEnvelope;

async function answer(e: RequestEnvelope): Promise<{ out: ResponseEnvelope; wire: string; errorLogged: boolean }> {
  const before = capturedLines().length;
  const out = await handler(e, {});
  // What Lambda does with the reply: if this throws, Alexa gets nothing at all.
  const wire = JSON.stringify(out);
  return { out, wire, errorLogged: capturedLines().slice(before).some((l) => /"error":/.test(l)) };
}

const PATHS = [
  ['ask-sdk’s error handler (no request object)', noRequest],
  ['invokeSafely (no context)', noContext],
] as const;

describe.each(PATHS)('the error path through %s', (_name, make) => {
  it('is the error path: it logs an error and speaks the calm reply with the safety net', async () => {
    const { out, errorLogged } = await answer(make({ bh: STATE }));
    expect(errorLogged).toBe(true);
    expect(out.response.outputSpeech?.type).toBe('SSML');
    expect(out.response.shouldEndSession).toBe(false);
  });

  it('keeps the conversation where it was: the skill’s own state comes back, validated', async () => {
    const { out } = await answer(make({ bh: STATE }));
    expect(out.sessionAttributes).toEqual({ bh: readState(STATE) });
  });

  it('does not send back a megabyte of foreign attributes', async () => {
    const { out, wire } = await answer(make({ bh: STATE, notOurs: MEGABYTE }));
    expect(out.sessionAttributes).toEqual({ bh: readState(STATE) });
    expect(wire.length).toBeLessThan(4096);
  });

  it('does not send back extra or oversized fields inside the skill’s own key', async () => {
    const { out, wire } = await answer(make({ bh: { ...STATE, extra: MEGABYTE, step2: DEEP } }));
    expect(out.sessionAttributes).toEqual({ bh: readState(STATE) });
    expect(wire.length).toBeLessThan(4096);
  });

  it.each([
    ['beside the skill’s key', { bh: STATE, notOurs: DEEP }, { bh: readState(STATE) }],
    ['as the skill’s key', { bh: DEEP }, {}],
  ])('answers with a serialisable reply when attributes nest 5,000 deep %s', async (_where, attributes, expected) => {
    const { out, wire } = await answer(make(attributes));
    expect(out.sessionAttributes).toEqual(expected);
    expect(JSON.parse(wire).response.outputSpeech.ssml).toMatch(/^<speak>/);
  });

  it('drops a state it cannot read rather than echo it', async () => {
    const { out } = await answer(make({ bh: { v: 99, step: 'nowhere', q: MEGABYTE } }));
    expect(out.sessionAttributes).toEqual({});
  });
});
