import { describe, expect, it } from 'vitest';
import {
  ApiError,
  createApiClient,
  parseApiError,
  wallQueryString,
} from '../../../src/tab/api/client.js';

type FetchArgs = { url: string; init: RequestInit };

function stubFetch(respond: (args: FetchArgs) => Promise<Response> | Response) {
  const calls: FetchArgs[] = [];
  const fetch = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(respond({ url, init }));
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function client(fetch: typeof globalThis.fetch, timeoutMs = 1_000) {
  return createApiClient({
    baseUrl: '',
    timeoutMs,
    authHeaders: async () => ({ 'x-dev-user': 'user-1' }),
    fetch,
  });
}

describe('parseApiError', () => {
  it('keeps code, message and string fields of an ApiErrorBody', () => {
    const error = parseApiError(400, {
      error: {
        code: 'validation',
        message: 'Invalid story.',
        fields: { title: 'Too short', featured: 7 },
      },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('validation');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid story.');
    expect(error.fields).toEqual({ title: 'Too short' });
  });

  it('falls back to a code from the status when the body is not an ApiErrorBody', () => {
    expect(parseApiError(503, '<html>Bad gateway</html>').code).toBe('unavailable');
    expect(parseApiError(429, undefined).code).toBe('rate_limited');
    expect(parseApiError(418, { error: 'teapot' }).code).toBe('internal');
  });

  it('does not trust an unknown code from the body', () => {
    expect(parseApiError(409, { error: { code: 'drop_tables', message: 'x' } }).code).toBe(
      'conflict',
    );
  });
});

describe('wallQueryString', () => {
  it('leaves out empty filters and trims the rest', () => {
    expect(wallQueryString({ limit: 30, team: ' ', category: '', q: ' coat ', cursor: null })).toBe(
      '?limit=30&q=coat',
    );
    expect(wallQueryString({})).toBe('');
  });
});

describe('createApiClient', () => {
  it('sends the auth headers and JSON, and returns the parsed body', async () => {
    const { fetch, calls } = stubFetch(() => json(201, { id: 's1' }));
    const story = await client(fetch).decide('s 1', { decision: 'changes', comment: 'Add a date' });

    expect(story).toEqual({ id: 's1' });
    expect(calls[0]?.url).toBe('/api/stories/s%201/decision');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.headers).toMatchObject({
      'x-dev-user': 'user-1',
      'content-type': 'application/json',
    });
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      decision: 'changes',
      comment: 'Add a date',
    });
  });

  it('sends no body and no content type on a bodiless POST', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { id: 's1', voteCount: 1 }));
    await client(fetch).vote('s1');
    expect(calls[0]?.init.body).toBeNull();
    expect(calls[0]?.init.headers).not.toHaveProperty('content-type');
  });

  it('pages my stories, resubmits with PUT, and withdraws or archives with an empty body', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { items: [], nextCursor: null }));
    const api = client(fetch);
    await api.myStories({ limit: 30 });
    await api.myStories({ limit: 30, cursor: 'next page' });
    const input = {
      title: 'A coat',
      situation: 'A guest had no coat.',
      action: 'We lent one.',
      outcome: 'He thanked us.',
      lesson: 'Notice.',
      team: 'Logistics',
      category: 'care' as const,
      featured: [],
      consent: true,
      locale: 'en' as const,
    };
    await api.resubmitStory('s/1', input);
    await api.withdrawStory('s1');
    await api.archiveStory('s1');

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'GET /api/stories/mine?limit=30',
      'GET /api/stories/mine?limit=30&cursor=next+page',
      'PUT /api/stories/s%2F1',
      'POST /api/stories/s1/withdraw',
      'POST /api/stories/s1/archive',
    ]);
    expect(JSON.parse(calls[2]?.init.body as string)).toEqual(input);
    expect(calls[3]?.init.body).toBe('{}');
    expect(calls[4]?.init.body).toBe('{}');
    expect(calls[4]?.init.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('lists awards, asks for a month’s shortlist and chooses a winner with PUT', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { items: [] }));
    const api = client(fetch);
    await api.awards();
    await api.shortlist('2026-10');
    await api.chooseAward('2026-10', { storyId: 'story-1', citation: 'Went the extra mile.' });
    await api.chooseAward('2026-10', { storyId: 'story-2' });

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'GET /api/awards',
      'GET /api/awards/2026-10/shortlist',
      'PUT /api/awards/2026-10',
      'PUT /api/awards/2026-10',
    ]);
    expect(JSON.parse(calls[2]?.init.body as string)).toEqual({
      storyId: 'story-1',
      citation: 'Went the extra mile.',
    });
    expect(JSON.parse(calls[3]?.init.body as string)).toEqual({ storyId: 'story-2' });
  });

  it('adds, lists, pauses and removes webhooks, reads deliveries and sends one again', async () => {
    const { fetch, calls } = stubFetch(() => json(200, { items: [] }));
    const api = client(fetch);
    await api.createWebhook({ url: 'https://crm.example.com/in', events: ['story.published'] });
    await api.webhooks();
    await api.updateWebhook('wh_1', { paused: true });
    await api.webhookDeliveries('wh_1');
    await api.retryWebhookDelivery('wh_1', 'msg_a/b');
    await api.removeWebhook('wh_1');

    expect(calls.map((call) => `${call.init.method} ${call.url}`)).toEqual([
      'POST /api/webhooks',
      'GET /api/webhooks',
      'PATCH /api/webhooks/wh_1',
      'GET /api/webhooks/wh_1/deliveries',
      'POST /api/webhooks/wh_1/deliveries/msg_a%2Fb/retry',
      'DELETE /api/webhooks/wh_1',
    ]);
    expect(JSON.parse(calls[0]?.init.body as string)).toEqual({
      url: 'https://crm.example.com/in',
      events: ['story.published'],
    });
    expect(JSON.parse(calls[2]?.init.body as string)).toEqual({ paused: true });
  });

  it('turns an error answer into an ApiError with its code', async () => {
    const { fetch } = stubFetch(() =>
      json(409, { error: { code: 'already_voted', message: 'Already voted.' } }),
    );
    await expect(client(fetch).vote('s1')).rejects.toMatchObject({
      name: 'ApiError',
      code: 'already_voted',
      status: 409,
    });
  });

  it('reports a transport failure as `network`', async () => {
    const { fetch } = stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(client(fetch).me()).rejects.toMatchObject({ code: 'network', status: 0 });
  });

  it('gives up after the timeout with `timeout`', async () => {
    const { fetch } = stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('timed out', 'TimeoutError')),
          ),
        ),
    );
    await expect(client(fetch, 20).me()).rejects.toMatchObject({ code: 'timeout' });
  });

  it('passes the caller’s own abort through untouched', async () => {
    const { fetch, calls } = stubFetch(
      ({ init }) =>
        new Promise<Response>((_, reject) =>
          init.signal?.addEventListener('abort', () =>
            reject(new DOMException('aborted', 'AbortError')),
          ),
        ),
    );
    const abort = new AbortController();
    const pending = client(fetch).wall({}, abort.signal);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the request is under way
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(1);
  });

  it('does not send a request the caller aborted while auth headers were fetched', async () => {
    const { fetch, calls } = stubFetch(() => json(200, {}));
    const abort = new AbortController();
    const pending = client(fetch).wall({}, abort.signal);
    abort.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toHaveLength(0);
  });
});
