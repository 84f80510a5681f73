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
 * `startTestApp` (e.g. `env`, `transport`).
 */
export function useTestApp(options: Omit<TestAppOptions, 'connectionString'> = {}): TestAppHandle {
  let running: { app: TestApp; api: ApiClient } | undefined;
  beforeAll(async () => {
    const app = await startTestApp({
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
