// A proxy in front of the local DynamoDB that fails some calls on purpose, the ways a real one does.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What happens to one call: passed on; answered 500 (DynamoDB's InternalServerError); the connection
 * dropped (ECONNRESET); held `delayMs` before being passed on (the client times out first, but the
 * database may still apply it, as a real one may); or refused until told otherwise ('down').
 */
export type Fate = 'pass' | 'error' | 'reset' | 'slow' | 'down';

export interface FlakyProxy {
  readonly endpoint: string;
  /** Calls that arrived, whatever their fate. */
  readonly calls: number;
  readonly fates: Readonly<Record<Fate, number>>;
  stop(): Promise<void>;
}

export interface FlakyOptions {
  /** Decides each call's fate (seeded randomness, or a switch a test flips). */
  readonly fate: () => Fate;
  /** How long a 'slow' call is held (longer than the adapter's 800 ms per attempt). */
  readonly delayMs?: number;
}

/** A small seeded generator, so a run with injected failures can be repeated exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fails `rate` of calls, split evenly between 500s, dropped connections and slow answers. */
export function transientFailures(rate: number, random: () => number): () => Fate {
  return () => {
    const r = random();
    if (r >= rate) return 'pass';
    const kinds: Fate[] = ['error', 'reset', 'slow'];
    return kinds[Math.min(2, Math.floor((r / rate) * 3))];
  };
}

export async function startFlakyProxy(target: string, options: FlakyOptions): Promise<FlakyProxy> {
  const to = new URL(target);
  const fates: Record<Fate, number> = { pass: 0, error: 0, reset: 0, slow: 0, down: 0 };
  let calls = 0;
  // res is undefined once the client has given up: the database still does the work, nobody hears the answer.
  const forward = (req: IncomingMessage, res: ServerResponse | undefined, body: Buffer) => {
    const out = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        if (!res || res.destroyed) return void answer.resume();
        res.writeHead(answer.statusCode ?? 500, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res?.destroy());
    out.end(body);
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls++;
      const fate = options.fate();
      fates[fate]++;
      const body = Buffer.concat(chunks);
      if (fate === 'pass') forward(req, res, body);
      else if (fate === 'error') {
        const payload = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'injected' });
        res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0', 'content-length': Buffer.byteLength(payload) }).end(payload);
      } else if (fate === 'slow') {
        setTimeout(() => forward(req, res.destroyed ? undefined : res, body), options.delayMs ?? 1000);
      } else req.socket.destroy();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    fates,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
