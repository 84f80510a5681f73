import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * The shell paints before the data arrives: with every `GET /api/stories` held back, the header
 * and the wall's loading state (with an accessible name) are on screen; the stories follow once
 * the answers are let through. A start-up that waited for the first page would never paint the
 * header while it is held, and the test would time out.
 */
describe.skipIf(!browserAvailable())('first paint before the first page (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const cases = [
    { locale: 'en-US', title: 'Story Wall', loading: 'Loading stories…' },
    { locale: 'fi-FI', title: 'Tarinaseinä', loading: 'Ladataan tarinoita…' },
  ] as const;

  for (const { locale, title, loading } of cases) {
    it(`shows the header and a loading state while the stories are on their way (${locale})`, async () => {
      const context = await app.newContext({ locale, colorScheme: 'light' });
      const page = await context.newPage();
      const held: Route[] = [];
      let released = false;
      await page.route(
        (url) => url.pathname === '/api/stories',
        (route) => {
          if (released) return route.continue();
          held.push(route);
          return undefined;
        },
      );

      await page.goto(app.url);
      await page.getByRole('heading', { level: 1, name: title }).waitFor({ timeout: 15_000 });
      const skeleton = page.getByRole('list', { name: loading });
      await skeleton.waitFor({ timeout: 15_000 });
      expect(await skeleton.getAttribute('aria-busy')).toBe('true');
      expect(await page.getByTestId('wall-status').textContent()).toBe(loading);
      // The wall's first page was asked for, and is still held back.
      await expect.poll(() => held.length).toBeGreaterThan(0);
      expect(await page.getByTestId('story-card').count()).toBe(0);

      released = true;
      await Promise.all(held.map((route) => route.continue()));
      await page.getByTestId('story-card').first().waitFor({ timeout: 15_000 });
      expect(await skeleton.count()).toBe(0);
      expect(await page.getByRole('heading', { level: 1, name: title }).isVisible()).toBe(true);
      await context.close();
    });
  }
});
