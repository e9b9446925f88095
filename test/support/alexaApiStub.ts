// A stand-in for the Alexa API at the envelope's apiEndpoint: records what the skill sends and
// answers from a script, so the real ask-sdk service clients can be tested end to end.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  /** Lower-cased names, as Node gives them. */
  readonly headers: IncomingHttpHeaders;
  /** Parsed JSON, or the raw text when it is not JSON, or undefined when empty. */
  readonly body: unknown;
}

export type StubReply =
  | { readonly status: number; readonly body?: unknown; readonly delayMs?: number }
  /** Accept the request and never answer. */
  | { readonly hang: true };

export interface AlexaApiStub {
  /** Put this in context.System.apiEndpoint. */
  readonly endpoint: string;
  readonly requests: RecordedRequest[];
  /** Queue replies for `METHOD /path`; the last one repeats. Unscripted requests get 404. */
  script(route: string, ...replies: StubReply[]): void;
  reset(): void;
  close(): Promise<void>;
}

/** Bodies as Amazon's Timers and Reminders API references show them. */
export const AMAZON = {
  timerCreated: {
    id: 'a3aac326-c504-458b-8520-15fd048f086a',
    status: 'ON',
    duration: 'PT20M',
    timerLabel: 'Back Helper rest',
    triggerTime: '2026-11-21T10:20:00Z',
    createdTime: '2026-11-21T10:00:00Z',
    updatedTime: '2026-11-21T10:00:00Z',
  },
  reminderCreated: {
    alertToken: '8b3c0d2f-6a55-4f0e-9f0a-1c2d3e4f5a6b',
    createdTime: '2026-11-21T10:00:00.000Z',
    updatedTime: '2026-11-21T10:00:00.000Z',
    status: 'ON',
    version: '1',
    href: '/v1/alerts/reminders/8b3c0d2f-6a55-4f0e-9f0a-1c2d3e4f5a6b',
  },
  error: (code: string, message: string) => ({ code, message }),
} as const;

export async function startAlexaApiStub(): Promise<AlexaApiStub> {
  const requests: RecordedRequest[] = [];
  const scripts = new Map<string, StubReply[]>();
  const pending = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (res.destroyed) return;
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = raw || undefined;
      try {
        if (raw) body = JSON.parse(raw);
      } catch {
        // keep the raw text
      }
      const path = (req.url ?? '/').split('?')[0];
      requests.push({ method: req.method ?? '', path, headers: req.headers, body });
      const queue = scripts.get(`${req.method} ${path}`);
      const reply = queue && (queue.length > 1 ? queue.shift() : queue[0]);
      if (!reply) return send(res, 404, AMAZON.error('NOT_SCRIPTED', `${req.method} ${path}`));
      if ('hang' in reply) return;
      if (!reply.delayMs) return send(res, reply.status, reply.body);
      const timer = setTimeout(() => {
        pending.delete(timer);
        send(res, reply.status, reply.body);
      }, reply.delayMs);
      pending.add(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    script(route, ...replies) {
      scripts.set(route, [...replies]);
    },
    reset() {
      requests.length = 0;
      scripts.clear();
    },
    close() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
