import { channel } from 'node:diagnostics_channel';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { DEMO_USER_IDS } from '../../../src/demo/demoUsers.js';
import { LIMITS, type ApiErrorBody } from '../../../src/shared/dto.js';
import { IN_PROCESS_ORIGIN, type ApiClient } from '../../support/http.js';
import { startTestApp, type TestApp } from '../../support/startApp.js';
import { useTestApp } from '../../support/useTestApp.js';

// Each app announces its Fastify instance on this channel as it is built, so the test can look
// at the HTTP server behind it without the app exposing one.
const built: FastifyInstance[] = [];
channel('fastify.initialization').subscribe((message) => {
  built.push((message as { fastify: FastifyInstance }).fastify);
});

describe('the API in-process', () => {
  let inProcess: TestApp;
  let overSocket: TestApp;
  let fastify: FastifyInstance;
  let local: ApiClient;
  let remote: ApiClient;

  beforeAll(async () => {
    const { connectionString } = inject('azurite');
    inProcess = await startTestApp({ connectionString, seed: false, transport: 'inject' });
    const announced = built.at(-1);
    if (!announced) throw new Error('The app did not announce its Fastify instance.');
    fastify = announced;
    overSocket = await startTestApp({ connectionString, seed: false, transport: 'socket' });
    local = inProcess.client({ user: DEMO_USER_IDS.employee });
    remote = overSocket.client({ user: DEMO_USER_IDS.employee });
  });
  afterAll(async () => {
    await inProcess.close();
    await overSocket.close();
  });

  it('answers requests while its server listens on no port', async () => {
    const health = await local.get<{ status: string }>('/healthz');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok' });
    expect(fastify.server.listening).toBe(false);
    expect(fastify.server.address()).toBeNull();
    expect(() => inProcess.url).toThrow(/listens nowhere/);
    expect(inProcess.origin).toBe(IN_PROCESS_ORIGIN);
    // The socket app of the same build does listen: the difference is the transport alone.
    expect(new URL(overSocket.url).port).not.toBe('');
  });

  it('names the origin a request came to, as a listening app does', async () => {
    const created = await local.post<{ id: string }>(
      '/api/webhooks',
      { url: 'https://hooks.example.com/story-wall', events: ['story.published'] },
      { user: DEMO_USER_IDS.admin },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(
      `${IN_PROCESS_ORIGIN}/api/webhooks/${created.body.id}`,
    );
  });

  // A client's mistakes, each sent both ways: status, content type and error body must match.
  const mistakes: [string, (api: ApiClient) => ReturnType<ApiClient['call']>][] = [
    ['an invalid story', (api) => api.post('/api/stories', { title: '', consent: 'yes' })],
    ['malformed JSON', (api) => api.call('POST', '/api/stories', { rawBody: '{"title": ' })],
    [
      'a body over the size limit',
      (api) => api.post('/api/stories', { title: 'x'.repeat(LIMITS.bodyBytes + 1) }),
    ],
    ['a bad query value', (api) => api.get('/api/stories?limit=500')],
    ['no sign-in in local mode as an unknown person', (api) => api.get('/api/me', { user: 'x' })],
    ['an unknown route', (api) => api.get('/api/no-such-thing')],
  ];

  it.each(mistakes)(
    'answers %s with the same 4xx and error body as over a socket',
    async (_, send) => {
      const [here, there] = await Promise.all([send(local), send(remote)]);
      expect(here.status).toBeGreaterThanOrEqual(400);
      expect(here.status).toBeLessThan(500);
      expect(here.status).toBe(there.status);
      expect(here.headers.get('content-type')).toBe(there.headers.get('content-type'));
      expect(here.body).toEqual(there.body);
      expect((here.body as ApiErrorBody).error.code).toEqual(expect.any(String));
    },
  );
});

describe('useTestApp', () => {
  const inProcess = useTestApp({ seed: false });
  const overSocket = useTestApp({ seed: false, transport: 'socket' });

  it('answers in-process unless a test asks for a socket', async () => {
    expect(inProcess.app.transport).toBe('inject');
    expect(() => inProcess.app.url).toThrow(/listens nowhere/);
    expect(inProcess.app.origin).toBe(IN_PROCESS_ORIGIN);
    expect(overSocket.app.transport).toBe('socket');
    expect(overSocket.app.origin).toBe(overSocket.app.url);
    for (const { api } of [inProcess, overSocket]) {
      expect((await api.get('/healthz')).status).toBe(200);
    }
  });
});
