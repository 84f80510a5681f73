import { afterAll, beforeAll, inject } from 'vitest';
import type { ApiClient } from './http.js';
import { lateBound } from './lateBound.js';
import { startTestApp, type TestApp, type TestAppOptions } from './startApp.js';

/** The app of `useTestApp` and a JSON client for its API. */
export interface TestAppHandle {
  readonly app: Omit<TestApp, 'close'>;
  readonly api: ApiClient;
}

/**
 * Starts the app on the run's shared Azurite (tables of its own) before the enclosing block's
 * tests and closes it after them; both handles work inside tests and hooks. `options` as for
 * `startTestApp` (e.g. `env`, `clock`).
 *
 * The app answers in-process (`transport: 'inject'`, Fastify's `app.inject()`) unless a test asks
 * for `transport: 'socket'`: an API test goes through the same routing, hooks, parsers, error
 * handler and headers either way, and a socket only adds a port to find and a connection to open
 * per call. Ask for one where the test is about the socket or something outside must call in: a
 * browser, the bot's connector, a client in another process, a restart on the same address.
 * In-process `app.url` throws; `app.origin` names the origin either way.
 */
export function useTestApp(options: Omit<TestAppOptions, 'connectionString'> = {}): TestAppHandle {
  let running: { app: TestApp; api: ApiClient } | undefined;
  beforeAll(async () => {
    const app = await startTestApp({
      transport: 'inject',
      ...options,
      connectionString: inject('azurite').connectionString,
    });
    running = { app, api: app.client() };
  });
  afterAll(async () => {
    await running?.app.close();
    running = undefined;
  });
  const current = () => {
    if (!running) throw new Error('The test app runs only inside tests and their hooks.');
    return running;
  };
  return { app: lateBound(() => current().app), api: lateBound(() => current().api) };
}
