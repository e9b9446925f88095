// Calls a Lambda handler the way the Node.js Lambda runtime does, so the bundle is exercised as deployed.
import { randomUUID } from 'node:crypto';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';

/** The subset of the Lambda context object that skills (and ask-sdk) touch. */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

export type LambdaCallback = (error?: unknown, result?: unknown) => void;
/** Matches both `async (event, context) => response` and ask-sdk's callback-style `.lambda()` handler. */
export type LambdaHandler = (event: RequestEnvelope, context: LambdaContext, callback: LambdaCallback) => unknown;

export interface LambdaInvokerOptions {
  functionName?: string;
  /** Lambda's default timeout for an Alexa-triggered function is short; 8s is what Alexa waits for. */
  timeoutMs?: number;
}

export function lambdaContext(options: LambdaInvokerOptions = {}): LambdaContext {
  const functionName = options.functionName ?? 'back-helper-sim';
  const deadline = Date.now() + (options.timeoutMs ?? 8000);
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'simulated',
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  };
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Wraps a handler (async, or callback-style like ask-sdk's `.lambda()`) as `(envelope) => Promise<response>`.
 * Like Lambda, whichever of the returned promise or the callback settles first wins.
 */
export function lambdaInvoker(
  handler: LambdaHandler,
  options: LambdaInvokerOptions = {},
): (envelope: RequestEnvelope) => Promise<ResponseEnvelope> {
  return (envelope) =>
    new Promise<ResponseEnvelope>((resolve, reject) => {
      let settled = false;
      const finish = (error: unknown, result: unknown): void => {
        if (settled) return;
        settled = true;
        if (error) reject(error instanceof Error ? error : new Error(String(error)));
        else resolve(result as ResponseEnvelope);
      };
      // Lambda hands the handler a JSON-parsed event, so nothing is shared with the caller's object.
      const event = JSON.parse(JSON.stringify(envelope)) as RequestEnvelope;
      try {
        const returned = handler(event, lambdaContext(options), (error, result) => finish(error, result));
        if (isThenable(returned)) returned.then((result) => finish(undefined, result), (error: unknown) => finish(error ?? new Error('rejected'), undefined));
      } catch (error) {
        finish(error, undefined);
      }
    });
}

/** Loads `exports.handler` from a built bundle (e.g. lambda/dist/index.js). */
export function loadHandler(bundlePath: string): LambdaHandler {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(bundlePath) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${bundlePath} does not export a function named "handler"`);
  return mod.handler as LambdaHandler;
}
