import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import {
  DEV_USER_HEADER,
  type AwardDto,
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

/** Journey 8: votes make the shortlist, an editor chooses the story of the month, the wall shows it. */
describe.skipIf(!browserAvailable())('story of the month (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** The seeded wall as the API lists it (the first page holds every demo story). */
  async function publishedStories(): Promise<StoryDto[]> {
    const response = await fetch(`${app.url}/api/stories?limit=50`);
    return ((await response.json()) as WallPageDto).items;
  }

  /**
   * The month of the picker (this one and the 11 before) with the most seeded stories, and its
   * stories, most votes first: the demo stories are spread over the last four months.
   */
  async function busiestMonth(): Promise<{ month: string; stories: StoryDto[] }> {
    const stories = await publishedStories();
    const months = Array.from({ length: 12 }, (_, i) => monthOf(new Date(), -i));
    const inMonth = (month: string) =>
      stories
        .filter((story) => (story.publishedAt ?? '').startsWith(month))
        .sort((a, b) => (b.voteCount ?? 0) - (a.voteCount ?? 0));
    const month = months.reduce((best, m) => (inMonth(m).length > inMonth(best).length ? m : best));
    return { month, stories: inMonth(month) };
  }

  /** A fresh profile as the default demo employee, with every script the page fetched. */
  async function openTab(): Promise<{ page: Page; scripts: string[] }> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    const awardsAnswered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/awards');
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await awardsAnswered;
    await expect.poll(() => page.getByTestId('awards-open').isEnabled()).toBe(true);
    return { page, scripts };
  }

  async function pickUser(page: Page, name: string): Promise<void> {
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    await expect.poll(() => page.getByTestId('awards-open').isEnabled()).toBe(true);
  }

  async function openAwards(page: Page): Promise<Locator> {
    await page.getByTestId('awards-open').click();
    const view = page.getByTestId('awards');
    await view.waitFor();
    await view.getByTestId('awards-history-loading').waitFor({ state: 'detached' });
    return view;
  }

  const isAwardsChunk = (path: string) => /\/assets\/Awards-[^/]+\.js$/.test(path);

  it('lets an editor choose a story of the month from the shortlist, shown on the wall', async () => {
    const { month, stories } = await busiestMonth();
    expect(stories.length).toBeGreaterThanOrEqual(2);
    const { page, scripts } = await openTab();

    // No winner yet: no banner, and the view's chunk is not fetched before it is opened.
    expect(await page.getByTestId('award-banner').count()).toBe(0);
    expect(scripts.filter(isAwardsChunk)).toEqual([]);

    await pickUser(page, 'Eeva Editor');
    expect(await page.getByTestId('awards-open').textContent()).toBe('Story of the month');
    const view = await openAwards(page);
    expect(scripts.filter(isAwardsChunk)).toHaveLength(1);
    expect(await view.getByTestId('awards-history-empty').textContent()).toContain(
      'No winners yet',
    );

    // The month picker: this month and the 11 before it, named in English.
    const picker = view.getByTestId('awards-month');
    const options = await picker.locator('option').allTextContents();
    expect(options).toHaveLength(12);
    expect(options[0]).toBe(monthName(monthOf(new Date()), 'en'));
    await picker.selectOption(month);
    await view.getByTestId('shortlist-loading').waitFor({ state: 'detached' });

    // The shortlist: the month's stories, most votes first, with their vote counts.
    const items = view.getByTestId('shortlist-item');
    await expect.poll(() => items.count()).toBe(Math.min(stories.length, 10));
    expect(await view.getByTestId('shortlist-title').allTextContents()).toEqual(
      stories.slice(0, 10).map((story) => story.title),
    );
    const top = stories[0] as StoryDto;
    expect(await items.first().getByTestId('shortlist-votes').textContent()).toBe(
      `${top.voteCount} vote${top.voteCount === 1 ? '' : 's'}`,
    );

    // A refusal is shown in the dialog with localized text, and the dialog stays open.
    const chosen = stories[1] as StoryDto;
    const item = items.filter({ has: page.getByText(chosen.title, { exact: true }) });
    await item.getByTestId('shortlist-choose').click();
    const dialog = page.getByTestId('choose-award');
    await dialog.waitFor();
    await page.route(`**/api/awards/${month}`, (route) =>
      route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'forbidden', message: 'raw server text' } }),
      }),
    );
    const citation = 'Noticed what the customer needed before anyone asked.';
    await dialog.getByTestId('choose-award-citation').fill(citation);
    await dialog.getByTestId('choose-award-submit').click();
    const error = dialog.getByTestId('choose-award-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('You do not have access to this.');
    expect(await error.textContent()).not.toContain('raw server text');
    await page.unroute(`**/api/awards/${month}`);

    // Chosen for real: a toast, the winner marked, and the history lists it.
    await dialog.getByTestId('choose-award-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('toast').getByText('Story of the month chosen').waitFor();
    await item.getByTestId('shortlist-winner').waitFor();
    expect(await item.getByTestId('shortlist-choose').count()).toBe(0);
    expect(await item.getByTestId('shortlist-citation').textContent()).toBe(`“${citation}”`);
    const award = view.getByTestId('award-item');
    await award.waitFor();
    expect(await award.getByTestId('award-item-month').textContent()).toBe(monthName(month, 'en'));
    expect(await award.getByTestId('award-item-title').textContent()).toBe(chosen.title);
    expect(await award.getByTestId('award-item-author').textContent()).toBe(
      `By ${chosen.author.displayName}`,
    );
    expect(await award.getByTestId('award-item-citation').textContent()).toBe(`“${citation}”`);

    // On the wall: the banner with the month, title, author and citation; it opens the story.
    await view.getByTestId('awards-close').click();
    await view.waitFor({ state: 'detached' });
    const banner = page.getByTestId('award-banner');
    await banner.waitFor();
    expect(await banner.getByTestId('award-banner-month').textContent()).toBe(
      `Story of the month · ${monthName(month, 'en')}`,
    );
    expect(await banner.getByTestId('award-banner-title').textContent()).toBe(chosen.title);
    expect(await banner.getByTestId('award-banner-author').textContent()).toBe(
      `Shared by ${chosen.author.displayName}`,
    );
    expect(await banner.getByTestId('award-banner-citation').textContent()).toBe(`“${citation}”`);
    // The banner sits above the stories.
    const bannerBox = await banner.boundingBox();
    const listBox = await page.getByTestId('wall-list').boundingBox();
    expect(bannerBox && listBox && bannerBox.y < listBox.y).toBe(true);

    await banner.getByTestId('award-banner-title').focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    expect(await detail.getByRole('heading', { name: chosen.title }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });

    // Choosing again replaces the month's winner; the confirmation says which one it replaces.
    const again = await openAwards(page);
    await again.getByTestId('awards-month').selectOption(month);
    await again.getByTestId('shortlist-loading').waitFor({ state: 'detached' });
    const topItem = again
      .getByTestId('shortlist-item')
      .filter({ has: page.getByText(top.title, { exact: true }) });
    await topItem.getByTestId('shortlist-choose').click();
    expect(await page.getByTestId('choose-award-replaces').textContent()).toContain(chosen.title);
    await page.getByTestId('choose-award-submit').click();
    await topItem.getByTestId('shortlist-winner').waitFor();
    await expect.poll(() => again.getByTestId('award-item').count()).toBe(1);
    expect(await again.getByTestId('award-item-title').textContent()).toBe(top.title);
    await again.getByTestId('awards-close').click();
    await expect.poll(() => page.getByTestId('award-banner-title').textContent()).toBe(top.title);
  });

  it('shows an employee the winners in Finnish, without choosing, and its error state', async () => {
    // A winner chosen through the API, so this test stands on its own.
    const { month, stories } = await busiestMonth();
    const story = stories[0] as StoryDto;
    const response = await fetch(`${app.url}/api/awards/${month}`, {
      method: 'PUT',
      headers: { [DEV_USER_HEADER]: DEMO_USER_IDS.editor, 'content-type': 'application/json' },
      body: JSON.stringify({ storyId: story.id, citation: 'Paras tarina.' }),
    });
    expect(response.status).toBe(200);
    const award = (await response.json()) as AwardDto;
    expect(award.story.id).toBe(story.id);

    // An employee may not see the shortlist.
    const forbidden = await fetch(`${app.url}/api/awards/${month}/shortlist`, {
      headers: { [DEV_USER_HEADER]: DEMO_USER_IDS.employee },
    });
    expect(forbidden.status).toBe(403);

    const { page } = await openTab();
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();
    await expect.poll(() => page.getByTestId('awards-open').textContent()).toBe('Kuukauden tarina');

    const banner = page.getByTestId('award-banner');
    await banner.waitFor();
    expect(await banner.getByTestId('award-banner-month').textContent()).toBe(
      `Kuukauden tarina · ${monthName(month, 'fi')}`,
    );
    expect(await banner.getByTestId('award-banner-citation').textContent()).toBe('”Paras tarina.”');

    const view = await openAwards(page);
    expect(await view.getByRole('heading', { name: 'Kuukauden tarina' }).isVisible()).toBe(true);
    expect(await view.getByTestId('shortlist').count()).toBe(0);
    expect(await view.getByTestId('shortlist-choose').count()).toBe(0);
    const item = view.getByTestId('award-item').first();
    await item.waitFor();
    expect(await item.getByTestId('award-item-month').textContent()).toBe(monthName(month, 'fi'));
    expect(await item.getByTestId('award-item-title').textContent()).toBe(story.title);
    expect(await item.getByTestId('award-item-author').textContent()).toBe(
      `Kertonut ${story.author.displayName}`,
    );
    await view.getByTestId('awards-close').click();
    await view.waitFor({ state: 'detached' });

    // Storage down: a localized error with a retry, which then shows the winners.
    await page.route('**/api/awards', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }),
      }),
    );
    const failing = await openAwards(page);
    const error = failing.getByTestId('awards-history-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Voittajien lataaminen epäonnistui.');
    await page.unroute('**/api/awards');
    await error.getByRole('button', { name: 'Yritä uudelleen' }).click();
    await failing.getByTestId('award-item').first().waitFor();
  });

  it('shows the empty states in Finnish', async () => {
    const { page } = await openTab();
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();
    await pickUser(page, 'Eeva Editor');
    await page.route('**/api/awards', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ items: [] }),
      }),
    );
    await page.route('**/api/awards/*/shortlist', (route) => {
      const month = new URL(route.request().url()).pathname.split('/')[3] ?? '';
      return route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({
          month,
          items: [],
          winner: null,
          order: 'votes',
          repeatWithinMonths: null,
          ineligible: [],
        }),
      });
    });
    const view = await openAwards(page);
    expect(await view.getByTestId('awards-history-empty').textContent()).toContain(
      'Ei vielä voittajia',
    );
    await view.getByTestId('shortlist-loading').waitFor({ state: 'detached' });
    expect(await view.getByTestId('shortlist-empty').textContent()).toContain(
      'Tässä kuussa ei julkaistu tarinoita',
    );
    expect(await view.getByRole('heading', { name: 'Valitse kuukauden tarina' }).isVisible()).toBe(
      true,
    );
  });
});
