import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, afterEach, beforeAll, type TestContext } from 'vitest';
import type { BuiltServer } from '../../src/server.js';
import { launchBrowser } from './browser.js';
import { startTestApp, type TestApp, type TestAppOptions } from './startApp.js';

/** The app under test and the browser that opens it, as tests of one describe block see them. */
export interface BrowserApp {
  /** The app's base URL. */
  readonly url: string;
  /** The running server, for setting up what the tab cannot (e.g. people and their roles). */
  readonly server: BuiltServer;
  /** A fresh browser profile (empty storage), closed after the block's tests. */
  newContext(options: BrowserContextOptions): Promise<BrowserContext>;
}

/** Where a failed browser test leaves what its pages showed (ignored by git). */
export const TEST_RESULTS_DIR = 'test-results';

/** A file name from a test's path and name: letters, digits and dashes only. */
function slug(text: string): string {
  return text
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 120);
}

/**
 * A full-page screenshot of every page still open after a failed test, so a failure on a
 * machine nobody watches shows what the user would have seen.
 */
async function screenshotFailure(context: TestContext, contexts: readonly BrowserContext[]) {
  if (context.task.result?.state !== 'fail') return;
  await mkdir(TEST_RESULTS_DIR, { recursive: true });
  const file = path.basename(context.task.file.name, '.test.ts');
  const pages = contexts.flatMap((browserContext) => browserContext.pages());
  await Promise.all(
    pages.map(async (page, index) => {
      const name = `${slug(file)}--${slug(context.task.name)}--${index + 1}.png`;
      try {
        await page.screenshot({ path: path.join(TEST_RESULTS_DIR, name), fullPage: true });
        console.warn(`Screenshot of the failed test: ${path.join(TEST_RESULTS_DIR, name)}`);
      } catch {
        // A page that crashed or closed meanwhile has nothing to show.
      }
    }),
  );
}

/**
 * Starts the whole app and headless Chromium before the enclosing block's tests, and closes the
 * browser profiles, the browser and the app after them. A failed test leaves a screenshot of
 * each open page in `test-results/`. Kept apart from `browser.ts`, which the
 * bench imports outside Vitest.
 */
export function useBrowserApp(options: TestAppOptions): BrowserApp {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(options), launchBrowser()]);
  });

  afterEach(async (context) => {
    await screenshotFailure(context, contexts);
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
