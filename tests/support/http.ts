import type { BuiltServer } from '../../src/server.js';
import { DEV_USER_HEADER } from '../../src/shared/dto.js';

/**
 * Where an API client's calls go: an address, reached over a socket with `fetch`, or an app that
 * answers in-process (`inject`, Fastify's `app.inject()`), with no socket.
 */
export type ApiTarget = string | Pick<BuiltServer, 'inject'>;

/**
 * The origin an in-process app's requests name (so `request.host` and a `Location` header are
 * what they would be behind a real address). Nothing listens there: `.invalid` never resolves.
 */
export const IN_PROCESS_ORIGIN = 'http://in-process.invalid';

/** One call's answer as the tests read it, whichever way it travelled. */
interface RawAnswer {
  status: number;
  text: string;
  headers: Headers;
}

/**
 * A small JSON client for API tests: status, parsed body and headers of every call. The same
 * calls and answers over a socket (`target` an address) or in-process (`target` an app).
 */
export function apiClient(target: ApiTarget, defaults: { user?: string; token?: string } = {}) {
  async function call<T = unknown>(
    method: string,
    path: string,
    options: {
      body?: unknown;
      rawBody?: string;
      user?: string;
      token?: string;
      headers?: Record<string, string>;
    } = {},
  ): Promise<{ status: number; body: T; headers: Headers }> {
    const headers: Record<string, string> = { ...options.headers };
    const user = options.user ?? defaults.user;
    const token = options.token ?? defaults.token;
    if (user) headers[DEV_USER_HEADER] = user;
    if (token) headers['authorization'] = `Bearer ${token}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const answer =
      typeof target === 'string'
        ? await overSocket(target, method, path, headers, body)
        : await inProcess(target, method, path, headers, body);
    let parsed: unknown = answer.text;
    try {
      parsed = answer.text ? JSON.parse(answer.text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: answer.status, body: parsed as T, headers: answer.headers };
  }
  return {
    call,
    get: <T = unknown>(path: string, options?: Parameters<typeof call>[2]) =>
      call<T>('GET', path, options),
    post: <T = unknown>(path: string, body?: unknown, options?: Parameters<typeof call>[2]) =>
      call<T>('POST', path, { ...options, body }),
  };
}

/** The JSON client of `apiClient`. */
export type ApiClient = ReturnType<typeof apiClient>;

async function overSocket(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<RawAnswer> {
  const response = await fetch(new URL(path, baseUrl), {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

async function inProcess(
  app: Pick<BuiltServer, 'inject'>,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<RawAnswer> {
  const url = new URL(path, IN_PROCESS_ORIGIN);
  const response = await app.inject({
    method,
    url: url.pathname + url.search,
    headers: { host: url.host, ...headers },
    ...(body !== undefined ? { payload: body } : {}),
  });
  const answered = new Headers();
  for (const [name, value] of Object.entries(response.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) answered.append(name, String(one));
  }
  // Decoded as `fetch`'s `text()` decodes (UTF-8, a byte order mark dropped), so a test reads
  // the same text either way.
  return {
    status: response.statusCode,
    text: new TextDecoder().decode(response.rawPayload),
    headers: answered,
  };
}

/** One API call as a demo user that must succeed: its parsed body, or an error naming the call. */
export async function callAs<T>(
  target: ApiTarget,
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await apiClient(target, { user }).call<T>(method, path, {
    ...(body === undefined ? {} : { body }),
  });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
