import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { launchBrowser } from './browser.js';
import { startTestApp, type TestApp, type TestAppOptions } from './startApp.js';

/** The app under test and the browser that opens it, as tests of one describe block see them. */
export interface BrowserApp {
  /** The app's base URL. */
  readonly url: string;
  /** The running server, for setting up what the tab cannot (e.g. people and their roles). */
  readonly server: RunningServer;
  /** A fresh browser profile (empty storage), closed after the block's tests. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/**
 * Starts the whole app and headless Chromium before the enclosing block's tests, and closes the
 * browser profiles, the browser and the app after them. Kept apart from `browser.ts`, which the
 * bench imports outside Vitest.
 */
export function useBrowserApp(options: TestAppOptions): BrowserApp {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(options), launchBrowser()]);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await app?.close();
  });

  const running = () => {
    if (!app || !browser) throw new Error('The app and browser run only inside tests and hooks.');
    return { app, browser };
  };
  return {
    get url() {
      return running().app.url;
    },
    get server() {
      return running().app.server;
    },
    async newContext(contextOptions) {
      const context = await running().browser.newContext(contextOptions);
      contexts.push(context);
      return context;
    },
  };
}
