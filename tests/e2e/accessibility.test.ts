import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { checkEveryView, NOTHING_ON_ANY_VIEW } from '../support/tabViews.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * Every view of the tab, checked with axe-core (the engine behind Accessibility Insights): no
 * serious or critical violation, in the admin's view, where every control is present.
 */

describe.skipIf(!browserAvailable())('accessibility of every view (Chromium, axe-core)', () => {
  const app = useBrowserApp({ seed: true });

  it('no view has a serious or critical violation', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name: 'Aaron Admin' }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain('Aaron');
    // One page visits every view in turn, as an admin would; the answer names each view.
    expect(await checkEveryView(page, app.url, axeViolations)).toEqual(NOTHING_ON_ANY_VIEW);
  });
});
