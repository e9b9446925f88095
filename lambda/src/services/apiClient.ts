import type { services } from 'ask-sdk-model';

type ApiClient = services.ApiClient;
type ApiClientRequest = services.ApiClientRequest;
type ApiClientResponse = services.ApiClientResponse;

/** Long enough for a healthy Alexa API call, short enough that a hung one leaves most of the 8 s. */
export const ALEXA_API_TIMEOUT_MS = 1500;

/** Thrown (never resolved) when the Alexa API does not answer in time. */
export class ApiTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Alexa API did not answer within ${timeoutMs} ms`);
  }
}

/**
 * ask-sdk's ApiClient with a deadline per call. ask-sdk-core's DefaultApiClient has none, so a hung
 * Alexa API would hold the skill until Lambda kills it. Non-2xx statuses resolve, as the interface
 * requires; the service clients turn them into ServiceErrors.
 */
export class TimeoutApiClient implements ApiClient {
  constructor(private readonly timeoutMs: number = ALEXA_API_TIMEOUT_MS) {}

  invoke(request: ApiClientRequest): Promise<ApiClientResponse> {
    return new Promise<ApiClientResponse>((resolve, reject) => {
      let url: URL;
      try {
        url = new URL(request.url);
      } catch (error) {
        reject(error);
        return;
      }
      // Loaded on first use: most requests never call an Alexa API, and cold start counts (npm run bench).
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const transport = (url.protocol === 'http:' ? require('node:http') : require('node:https')) as typeof import('node:https');
      const headers: Record<string, string> = {};
      for (const { key, value } of request.headers ?? []) headers[key] = value;
      if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body));

      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const req = transport.request(url, { method: request.method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish(() => reject(error)));
        res.on('end', () =>
          finish(() =>
            resolve({
              statusCode: res.statusCode ?? 0,
              // Node lower-cases names; ask-sdk looks up 'content-type' exactly.
              headers: Object.entries(res.headers).flatMap(([key, value]) =>
                value === undefined ? [] : [{ key, value: Array.isArray(value) ? value.join(', ') : value }],
              ),
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          ),
        );
      });
      // One deadline for connect, send and the whole answer, not a socket idle timeout.
      const timer = setTimeout(() => {
        const error = new ApiTimeoutError(this.timeoutMs);
        finish(() => reject(error));
        req.destroy(error);
      }, this.timeoutMs);
      req.on('error', (error) => finish(() => reject(error)));
      if (request.body !== undefined) req.write(request.body);
      req.end();
    });
  }
}
