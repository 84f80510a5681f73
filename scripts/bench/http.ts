import { Agent, request } from 'node:http';

/**
 * A lean loopback HTTP client with keep-alive, for timing the app: it costs about what the SDK's
 * own HTTP client costs on the raw side of an A/B pair, so the ratio shows the app's overhead and
 * not the cost of `fetch`.
 */
const agent = new Agent({ keepAlive: true, maxSockets: 16 });

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
  /** From sending the request to the parsed body. */
  readonly ms: number;
}

/** Sends a request and parses a JSON answer (the caller gets usable data, as from the SDK). */
export function requestJson(
  url: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<JsonResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        agent,
        method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
        headers: {
          accept: 'application/json',
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }),
          ...options.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? (JSON.parse(text) as unknown) : undefined;
          } catch {
            // Not JSON: kept as text for the error message.
          }
          resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** As `requestJson`, but a status other than `expected` is an error naming the URL. */
export async function expectJson(
  url: string,
  expected: number,
  options: Parameters<typeof requestJson>[1] = {},
): Promise<JsonResponse> {
  const response = await requestJson(url, options);
  if (response.status !== expected) {
    throw new Error(
      `${options.method ?? 'GET'} ${url}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`,
    );
  }
  return response;
}

/** Closes the kept-alive sockets, so the process can exit. */
export function closeHttp(): void {
  agent.destroy();
}
