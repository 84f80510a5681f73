import type { Page } from 'playwright-core';
import { pathFor, TAB_VIEWS as VIEWS_WITH_ADDRESS, type TabView } from '../../src/tab/route.js';

/**
 * The test ids of each view the header opens: the view's own, which says it is on screen, and
 * its header button's. Keyed by the app's own list of views, so a view added to the app must be
 * added here, and is then checked by every test that goes through `TAB_VIEWS` and `HEADER_VIEWS`.
 */
const TEST_IDS: Record<TabView, { readonly view: string; readonly button: string }> = {
  approvals: { view: 'approvals', button: 'approvals-open' },
  mine: { view: 'my-stories', button: 'my-stories-open' },
  insights: { view: 'insights', button: 'insights-open' },
  awards: { view: 'awards', button: 'awards-open' },
  collections: { view: 'collections', button: 'collections-open' },
  hallOfFame: { view: 'hall-of-fame', button: 'hall-of-fame-open' },
  settings: { view: 'settings', button: 'settings-open' },
  moderation: { view: 'moderation', button: 'moderation-open' },
};

/**
 * Every view of the tab an admin reaches: its name, its address (the app's `pathFor`) and the
 * test id that says it is on screen. The browser tests that check all views alike
 * (accessibility, names of controls) go through this one list.
 */
export const TAB_VIEWS: readonly (readonly [string, string, string])[] = [
  ['wall', '/', 'story-card'],
  ...VIEWS_WITH_ADDRESS.map((view) => [view, pathFor(view), TEST_IDS[view].view] as const),
];

/** Each view the header opens: the test id of its button, and of the view. */
export const HEADER_VIEWS: readonly (readonly [string, string])[] = VIEWS_WITH_ADDRESS.map(
  (view) => [TEST_IDS[view].button, TEST_IDS[view].view] as const,
);

/**
 * What `check` finds on each view of the tab, visited in turn in `page` (already signed in as
 * the person to check as), each once it shows and its loading has settled; by view name.
 */
export async function checkEveryView(
  page: Page,
  baseUrl: string,
  check: (page: Page) => Promise<string[]>,
): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const [name, path, testId] of TAB_VIEWS) {
    await page.goto(`${baseUrl}${path}`);
    await page.getByTestId(testId).first().waitFor();
    // Let loading states settle into the view people see.
    await page.waitForLoadState('networkidle');
    found[name] = await check(page);
  }
  return found;
}

/** What `checkEveryView` answers when nothing is found on any view. */
export const NOTHING_ON_ANY_VIEW: Record<string, string[]> = Object.fromEntries(
  TAB_VIEWS.map(([name]) => [name, []]),
);
