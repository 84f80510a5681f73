import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/startApp.js';

describe('health and outages', () => {
  let app: TestApp;
  beforeAll(async () => {
    // A private Azurite, so this test can stop it without disturbing the others.
    app = await startTestApp({ seed: true, transport: 'inject' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('is healthy while storage answers, then 503 with a clear error and no crash', async () => {
    const api = app.client();
    const ok = await api.get<{ status: string }>('/healthz');
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 'ok' });

    await app.stopStorage();

    const down = await api.get<{ status: string }>('/healthz');
    expect(down.status).toBe(503);
    const wall = await api.get<{ error: { code: string } }>('/api/stories', {
      user: '00000000-0000-4000-8000-000000000102',
    });
    expect(wall.status).toBe(503);
    expect(wall.body.error.code).toBe('unavailable');
  });
});
