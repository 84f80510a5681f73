import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * The HTTP transport of proactive Bot Connector calls (the outbox's sends).
 *
 * Why not botbuilder's own: its Azure pipeline answers a 429 by sleeping for Retry-After and
 * trying again, up to three times, inside the call. For the outbox that is wrong: a worker would
 * sit on a claimed message for as long as Teams asks (longer than the claim's lease, after which
 * another worker sends the same card again). With this transport a 429 fails at once with
 * `retryAfterMs`, and the outbox relay schedules the retry itself. Everything else (auth headers,
 * serialisation, 5xx and network retries) still runs in botbuilder's pipeline above it.
 */

type ConnectorClientOptions = NonNullable<
  ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]
>;
type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];

/** A connector call refused with 429; `retryAfterMs` is what the outbox relay honours. */
export class ConnectorThrottledError extends Error {
  override readonly name = 'ConnectorThrottledError';
  readonly statusCode = 429;

  constructor(readonly retryAfterMs: number) {
    super(`Bot Connector throttled the request; retry after ${retryAfterMs} ms`);
  }
}

/** Milliseconds to wait from a Retry-After header (seconds or an HTTP date); 0 when absent. */
export function retryAfterMsOf(header: string | null | undefined, now = Date.now()): number {
  if (!header) return 0;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : 0;
}

/** Connector client options whose transport fails fast on 429 (see the file comment). */
export function proactiveConnectorOptions(): ConnectorClientOptions {
  return { httpClient: { sendRequest } };
}

async function sendRequest(request: WebResource): Promise<CompatResponse> {
  const signals: AbortSignal[] = [];
  if (request.timeout > 0) signals.push(AbortSignal.timeout(request.timeout));
  const external = request.abortSignal;
  if (external) {
    const controller = new AbortController();
    if (external.aborted) controller.abort();
    else external.addEventListener('abort', () => controller.abort());
    signals.push(controller.signal);
  }
  const body = bodyOf(request.body);
  const response = await fetch(request.url, {
    method: request.method,
    headers: request.headers.rawHeaders(),
    ...(body === undefined ? {} : { body }),
    ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}),
  });
  const bodyAsText = await response.text();
  if (response.status === 429) {
    throw new ConnectorThrottledError(retryAfterMsOf(response.headers.get('retry-after')));
  }
  return {
    request,
    status: response.status,
    headers: headersLike(Object.fromEntries(response.headers)),
    bodyAsText,
  };
}

function bodyOf(body: unknown): string | Uint8Array<ArrayBuffer> | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new Uint8Array(body);
  return JSON.stringify(body);
}

/** The header bag the compat layer expects, over a plain lower-cased record. */
function headersLike(initial: Record<string, string>): HeadersLike {
  const map = new Map(Object.entries(initial).map(([k, v]) => [k.toLowerCase(), v]));
  const raw = () => Object.fromEntries(map);
  const bag: HeadersLike = {
    set: (name, value) => void map.set(name.toLowerCase(), String(value)),
    get: (name) => map.get(name.toLowerCase()),
    contains: (name) => map.has(name.toLowerCase()),
    remove: (name) => map.delete(name.toLowerCase()),
    rawHeaders: raw,
    headersArray: () => [...map].map(([name, value]) => ({ name, value })),
    headerNames: () => [...map.keys()],
    headerValues: () => [...map.values()],
    clone: () => headersLike(raw()),
    toJson: raw,
  };
  return bag;
}
