// The Alexa service APIs as the simulator sees them: a server on 127.0.0.1 that prints each call the
// skill makes and answers as Amazon documents, so `npm start` never reaches the internet.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalAlexaApi {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** The time zone the simulated device reports: this machine's. */
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export async function startLocalAlexaApi(print: (line: string) => void): Promise<LocalAlexaApi> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const path = (req.url ?? '').split('?')[0] ?? '';
      print(`  [Alexa API] ${req.method} ${path}${text ? ` ${text}` : ''}`);
      const now = new Date().toISOString();
      let status = 404;
      let body: unknown = { code: 'NOT_FOUND', message: 'not simulated' };
      if (req.method === 'POST' && path === '/v1/alerts/timers') {
        status = 200;
        body = { id: 'simulated-timer', status: 'ON', createdTime: now, updatedTime: now };
      } else if (req.method === 'POST' && path === '/v1/alerts/reminders') {
        status = 201;
        body = { alertToken: 'simulated-reminder', createdTime: now, updatedTime: now, status: 'ON', version: '1' };
      } else if (req.method === 'GET' && /\/settings\/System\.timeZone$/.test(path)) {
        status = 200;
        body = TIME_ZONE;
      }
      const out = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(out) });
      res.end(out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
