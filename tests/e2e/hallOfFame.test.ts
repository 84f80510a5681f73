import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import {
  DEV_USER_HEADER,
  type SettingsDto,
  type StoryDto,
  type WallPageDto,
} from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/** `YYYY-MM` of a date, in UTC, `offset` months away. */
function monthOf(at: Date, offset = 0): string {
  const shifted = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  return shifted.toISOString().slice(0, 7);
}

/** A month as the tab names it: `October 2026` / `lokakuu 2026`. */
function monthName(month: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** Journey 8: the hall of fame, every story of the month newest first, at its own address. */
describe.skipIf(!browserAvailable())('hall of fame (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** The seeded stories of the months that have any, newest month first. */
  async function monthsWithStories(): Promise<{ month: string; stories: StoryDto[] }[]> {
    const response = await fetch(`${app.url}/api/stories?limit=50`);
    const stories = ((await response.json()) as WallPageDto).items;
    return Array.from({ length: 12 }, (_, i) => monthOf(new Date(), -i))
      .map((month) => ({
        month,
        stories: stories.filter((story) => (story.publishedAt ?? '').startsWith(month)),
      }))
      .filter((entry) => entry.stories.length > 0);
  }

  async function choose(month: string, storyId: string, citation?: string): Promise<number> {
    const response = await fetch(`${app.url}/api/awards/${month}`, {
      method: 'PUT',
      headers: { [DEV_USER_HEADER]: DEMO_USER_IDS.editor, 'content-type': 'application/json' },
      body: JSON.stringify(citation ? { storyId, citation } : { storyId }),
    });
    return response.status;
  }

  async function openAt(path: string, locale = 'en-US'): Promise<Page> {
    const context = await app.newContext({ locale, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    return page;
  }

  it('lists the winners newest first at /hall-of-fame, and a title opens the story', async () => {
    const months = await monthsWithStories();
    expect(months.length).toBeGreaterThanOrEqual(2);
    const [newer, older] = months as [
      { month: string; stories: StoryDto[] },
      { month: string; stories: StoryDto[] },
    ];
    const newerStory = newer.stories[0] as StoryDto;
    const olderStory = older.stories[0] as StoryDto;
    expect(await choose(older.month, olderStory.id)).toBe(200);
    expect(await choose(newer.month, newerStory.id, 'Saw what <b>the guest</b> needed.')).toBe(200);

    // Its own address opens it straight away.
    const page = await openAt('/hall-of-fame');
    const view = page.getByTestId('hall-of-fame');
    await view.waitFor();
    expect(await view.getByRole('heading', { name: 'Hall of fame' }).isVisible()).toBe(true);
    await view.getByTestId('hall-of-fame-loading').waitFor({ state: 'detached' });
    const items = view.getByTestId('hall-of-fame-item');
    await expect.poll(() => items.count()).toBe(2);
    expect(await view.getByTestId('hall-of-fame-month').allTextContents()).toEqual([
      monthName(newer.month, 'en'),
      monthName(older.month, 'en'),
    ]);
    expect(await view.getByTestId('hall-of-fame-title').allTextContents()).toEqual([
      newerStory.title,
      olderStory.title,
    ]);
    expect(await items.first().getByTestId('hall-of-fame-author').textContent()).toBe(
      `By ${newerStory.author.displayName}`,
    );
    // The citation is text, never markup.
    expect(await items.first().getByTestId('hall-of-fame-citation').textContent()).toBe(
      '“Saw what <b>the guest</b> needed.”',
    );
    expect(await items.nth(1).getByTestId('hall-of-fame-citation').count()).toBe(0);

    // A title opens the story; closing it goes back to the wall.
    await items.nth(1).getByTestId('hall-of-fame-title').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    expect(await detail.getByRole('heading', { name: olderStory.title }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // The header opens it too, and the address follows the view.
    await expect.poll(() => page.getByTestId('hall-of-fame-open').isEnabled()).toBe(true);
    await page.getByTestId('hall-of-fame-open').click();
    await view.waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/hall-of-fame');
    await view.getByTestId('hall-of-fame-close').click();
    await view.waitFor({ state: 'detached' });
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
  });

  it('shows its loading, empty and error states in Finnish', async () => {
    const page = await openAt('/', 'fi-FI');
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('hall-of-fame-open').textContent())
      .toBe('Kunniagalleria');

    // Loading, then empty: the answer is held back until the spinner has been seen.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route('**/api/awards', async (route) => {
      await held;
      await route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ items: [] }),
      });
    });
    await page.getByTestId('hall-of-fame-open').click();
    const view = page.getByTestId('hall-of-fame');
    const loading = view.getByTestId('hall-of-fame-loading');
    await loading.waitFor();
    expect(await loading.textContent()).toContain('Ladataan kunniagalleriaa…');
    release();
    const empty = view.getByTestId('hall-of-fame-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('Ei vielä kuukauden tarinoita');
    await view.getByTestId('hall-of-fame-close').click();
    await view.waitFor({ state: 'detached' });
    await page.unroute('**/api/awards');

    // Storage down: a localized error with a retry, which then shows the winners.
    await page.route('**/api/awards', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'raw server text' } }),
      }),
    );
    await page.getByTestId('hall-of-fame-open').click();
    const error = view.getByTestId('hall-of-fame-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Kunniagallerian lataaminen epäonnistui.');
    expect(await error.textContent()).not.toContain('raw server text');
    await page.unroute('**/api/awards');
    await error.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await error.waitFor({ state: 'detached' });
    await expect
      .poll(
        async () =>
          (await view.getByTestId('hall-of-fame-item').count()) +
          (await view.getByTestId('hall-of-fame-empty').count()),
      )
      .toBeGreaterThan(0);
  });

  it('marks in the shortlist the stories whose authors won too recently', async () => {
    const months = await monthsWithStories();
    // The months' winners so far: a winner of its month is marked as the winner, not as barred.
    const winners = (
      (await (await fetch(`${app.url}/api/awards`)).json()) as { items: { story: StoryDto }[] }
    ).items.map((award) => award.story.id);
    // Two months that share an author: one won, the other's story by them is then not eligible.
    let pair: { won: StoryDto; wonMonth: string; barred: StoryDto; month: string } | undefined;
    for (const later of months) {
      for (const earlier of months) {
        if (earlier.month >= later.month) continue;
        const won = earlier.stories.find((s) =>
          later.stories.some((t) => t.author.id === s.author.id),
        );
        const barred =
          won &&
          later.stories.find((t) => t.author.id === won.author.id && !winners.includes(t.id));
        if (won && barred && !pair) {
          pair = { won, wonMonth: earlier.month, barred, month: later.month };
        }
      }
    }
    if (!pair) throw new Error('The demo wall needs an author in two months.');

    // Chosen before the rule is turned on, so that earlier winners do not bar this choice.
    expect(await choose(pair.wonMonth, pair.won.id)).toBe(200);
    const admin = { [DEV_USER_HEADER]: DEMO_USER_IDS.admin, 'content-type': 'application/json' };
    const read = (await (
      await fetch(`${app.url}/api/settings`, { headers: admin })
    ).json()) as SettingsDto;
    const saved = await fetch(`${app.url}/api/settings`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({
        version: read.version,
        approval: read.approval,
        roles: read.roles,
        awards: { noRepeatWithinMonths: 24 },
      }),
    });
    expect(saved.status).toBe(200);

    const page = await openAt('/');
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name: 'Eeva Editor' }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain('Eeva');
    await expect.poll(() => page.getByTestId('awards-open').isEnabled()).toBe(true);
    await page.getByTestId('awards-open').click();
    const view = page.getByTestId('awards');
    await view.waitFor();
    await view.getByTestId('awards-month').selectOption(pair.month);
    await view.getByTestId('shortlist-loading').waitFor({ state: 'detached' });
    expect(await view.getByTestId('shortlist-rule').textContent()).toContain('24 months');
    const item = view.locator(`[data-testid="shortlist-item"][data-story-id="${pair.barred.id}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-eligible')).toBe('false');
    expect(await item.getByTestId('shortlist-not-eligible').textContent()).toBe(
      'Not eligible: the author won within 24 months',
    );
    expect(await item.getByTestId('shortlist-choose').isDisabled()).toBe(true);
  });
});
