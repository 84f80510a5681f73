import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * Every view of the tab, checked with axe-core (the engine behind Accessibility Insights): no
 * serious or critical violation, in the admin's view, where every control is present.
 */

const VIEWS = [
  ['wall', '/', 'story-card'],
  ['my stories', '/my-stories', 'my-stories'],
  ['approvals', '/approvals', 'approvals'],
  ['awards', '/awards', 'awards'],
  ['hall of fame', '/hall-of-fame', 'hall-of-fame'],
  ['collections', '/collections', 'collections'],
  ['insights', '/insights', 'insights'],
  ['settings', '/settings', 'settings'],
  ['moderation', '/moderation', 'moderation'],
] as const;

describe.skipIf(!browserAvailable())('accessibility of every view (Chromium, axe-core)', () => {
  const app = useBrowserApp({ seed: true });

  it.each(VIEWS)('%s has no serious or critical violation', async (_name, path, testId) => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name: 'Aaron Admin' }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain('Aaron');
    await page.goto(`${app.url}${path}`);
    await page.getByTestId(testId).first().waitFor();
    // Let loading states settle into the view people see.
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
  });
});
