import type { WallRequest } from './client.js';

/**
 * Builds the query string of a wall page, leaving out empty filters. A module of its own: the
 * tab's first script sends the first page's request with it and nothing else of the client.
 */
export function wallQueryString(query: WallRequest): string {
  const params = new URLSearchParams();
  const keys = [
    'limit',
    'cursor',
    'team',
    'category',
    'month',
    'q',
    'account',
    'language',
    'sort',
    'total',
  ] as const;
  for (const key of keys) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text !== '') params.set(key, text);
  }
  const encoded = params.toString();
  return encoded === '' ? '' : `?${encoded}`;
}
