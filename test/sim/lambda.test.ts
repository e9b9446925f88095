import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { buildLaunchRequest, startSession } from '../../tools/sim/envelope';
import { lambdaInvoker, type LambdaContext } from '../../tools/sim/lambda';
import { SKILL_ID } from './fixture';

const envelope = (): RequestEnvelope => buildLaunchRequest({ skillId: SKILL_ID, locale: 'en-US' }, startSession());
const reply: ResponseEnvelope = { version: '1.0', response: { shouldEndSession: true } };

describe('lambdaInvoker', () => {
  it('awaits an async handler and passes a Lambda-like context', async () => {
    let seen: LambdaContext | undefined;
    const invoke = lambdaInvoker(async (_event, context) => {
      seen = context;
      return reply;
    });
    await expect(invoke(envelope())).resolves.toEqual(reply);
    expect(seen?.functionName).toBeTruthy();
    expect(seen?.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen?.getRemainingTimeInMillis()).toBeGreaterThan(0);
  });

  it('supports callback-style handlers such as ask-sdk .lambda()', async () => {
    const invoke = lambdaInvoker((_event, _context, callback) => {
      setImmediate(() => callback(null, reply));
    });
    await expect(invoke(envelope())).resolves.toEqual(reply);
    const failing = lambdaInvoker((_event, _context, callback) => callback(new Error('nope')));
    await expect(failing(envelope())).rejects.toThrow('nope');
  });

  it('rejects when the handler throws or rejects', async () => {
    await expect(lambdaInvoker(() => { throw new Error('sync'); })(envelope())).rejects.toThrow('sync');
    await expect(lambdaInvoker(async () => { throw new Error('async'); })(envelope())).rejects.toThrow('async');
  });

  it('accepts a handler typed like lambda/src/index.ts and hands it a copy of the event', async () => {
    const env = envelope();
    const handler = async (event: RequestEnvelope, _context?: unknown): Promise<ResponseEnvelope> => {
      event.request.locale = 'de-DE';
      return reply;
    };
    await lambdaInvoker(handler)(env);
    expect(env.request.locale).toBe('en-US');
  });
});
