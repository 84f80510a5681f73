import type { Page } from 'playwright-core';

/**
 * Every view of the tab an admin reaches: its name, its address and the test id that says it is
 * on screen. The browser tests that check all views alike (accessibility, names of controls) go
 * through this one list.
 */
export const TAB_VIEWS = [
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
