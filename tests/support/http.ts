import { DEV_USER_HEADER } from '../../src/shared/dto.js';

/** A small JSON client for API tests: status, parsed body and headers of every call. */
export function apiClient(baseUrl: string, defaults: { user?: string; token?: string } = {}) {
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
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, body: parsed as T, headers: response.headers };
  }
  return {
    call,
    get: <T = unknown>(path: string, options?: Parameters<typeof call>[2]) =>
      call<T>('GET', path, options),
    post: <T = unknown>(path: string, body?: unknown, options?: Parameters<typeof call>[2]) =>
      call<T>('POST', path, { ...options, body }),
  };
}

/** One API call as a demo user that must succeed: its parsed body, or an error naming the call. */
export async function callAs<T>(
  baseUrl: string,
  user: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await apiClient(baseUrl, { user }).call<T>(method, path, {
    ...(body === undefined ? {} : { body }),
  });
  if (response.status < 200 || response.status >= 300) {
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  }
  return response.body;
}
