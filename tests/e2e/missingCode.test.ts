import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { fillValidStory, openForm } from '../support/tabPage.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * A part of the tab whose code cannot be fetched — most often because Story Wall was updated
 * while the tab stayed open, and the old version's files are gone — says so and offers a
 * reload, in the user's language. It never leaves a blank page: before, React unmounted the
 * whole tab, wall and header included.
 */
describe.skipIf(!browserAvailable())('code that cannot be fetched (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** Every request for a chunk whose file name starts with `name` answers 404, as after an update. */
  async function gone(page: Page, name: string): Promise<() => Promise<void>> {
    const matches = (url: URL) => url.pathname.startsWith(`/assets/${name}-`);
    await page.route(matches, (route) => route.fulfill({ status: 404, body: 'Not Found' }));
    return () => page.unroute(matches);
  }

  const cases = [
    {
      locale: 'en-US',
      title: 'Story Wall',
      viewFailed: 'This view could not be opened.',
      stopped: 'Something went wrong, and Story Wall stopped.',
      reload: 'Reload',
      close: 'Close',
    },
    {
      locale: 'fi-FI',
      title: 'Tarinaseinä',
      viewFailed: 'Näkymää ei voitu avata.',
      stopped: 'Jokin meni vikaan, ja Tarinaseinä pysähtyi.',
      reload: 'Lataa uudelleen',
      close: 'Sulje',
    },
  ] as const;

  for (const text of cases) {
    it(`a story whose view cannot be fetched: the wall stays, a reload fixes it (${text.locale})`, async () => {
      const context = await app.newContext({ locale: text.locale, colorScheme: 'light' });
      const page = await context.newPage();
      const back = await gone(page, 'StoryDetail');
      await page.goto(app.url);
      const open = page.getByTestId('story-open').first();
      await open.waitFor();

      await open.click();
      const alert = page.getByRole('alertdialog', { name: text.viewFailed });
      await alert.waitFor();
      // The wall and the header are still there behind it.
      expect(await page.getByRole('heading', { level: 1, name: text.title }).isVisible()).toBe(
        true,
      );
      expect(await page.getByTestId('story-card').count()).toBeGreaterThan(0);
      expect(await axeViolations(page, '[data-testid="view-failed"]')).toEqual([]);
      // Focus is on the way out that fixes it.
      const reload = alert.getByRole('button', { name: text.reload, exact: true });
      const focused = (locator: Locator) => locator.evaluate((b) => b === document.activeElement);
      await expect.poll(() => focused(reload)).toBe(true);
      // Tab goes round its two buttons, never to the wall behind it.
      const close = alert.getByRole('button', { name: text.close, exact: true });
      await page.keyboard.press('Tab');
      expect(await focused(close)).toBe(true);
      await page.keyboard.press('Tab');
      expect(await focused(reload)).toBe(true);
      await page.keyboard.press('Shift+Tab');
      expect(await focused(close)).toBe(true);

      // Escape (or Close) leaves the wall as it was, with focus back on the card's link.
      await page.keyboard.press('Escape');
      await alert.waitFor({ state: 'detached' });
      await expect.poll(() => focused(open)).toBe(true);
      await open.click();
      await alert.waitFor();
      await close.click();
      await alert.waitFor({ state: 'detached' });
      expect(await page.getByTestId('story-card').count()).toBeGreaterThan(0);

      // Once the files are there again, the reload opens the story.
      await back();
      await open.click();
      await alert.getByRole('button', { name: text.reload, exact: true }).click();
      await page.getByTestId('story-open').first().click();
      await page.getByTestId('story-detail').waitFor();
      await context.close();
    });
  }

  it('a part of the page itself that cannot be fetched: one message and a reload, never a blank page', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    const back = await gone(page, 'WallFilters');
    await page.goto(app.url);
    const alert = page.getByRole('alert').filter({ hasText: cases[0].stopped });
    await alert.waitFor();
    expect(await page.getByRole('alert').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await back();
    await alert.getByRole('button', { name: cases[0].reload, exact: true }).click();
    await page.getByTestId('story-card').first().waitFor();
    await page.getByRole('heading', { level: 1, name: cases[0].title }).waitFor();
    expect(await alert.count()).toBe(0);
    await context.close();
  });

  it('what the open tab already had keeps working after an update: a sent story shows its notice', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    // The toaster comes with the page's version, while the tab is idle after its first paint.
    await expect
      .poll(() =>
        page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .some((entry) => new URL(entry.name).pathname.startsWith('/assets/Notifications-')),
        ),
      )
      .toBe(true);
    const form = await openForm(page);
    await fillValidStory(page, form);

    // Story Wall is updated while the form is open: every file of the old version is gone.
    await page.route(
      (url) => url.pathname.startsWith('/assets/'),
      (route) => route.fulfill({ status: 404, body: 'Not Found' }),
    );
    await form.getByTestId('story-form-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
    await form.waitFor({ state: 'detached' });
    expect(await page.getByTestId('app-stopped').count()).toBe(0);
    expect(await page.getByTestId('story-card').count()).toBeGreaterThan(0);
    await context.close();
  });
});
