import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../support/csv.js';
import type { InsightsDto, StoryDto, WallPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { pickUserReady } from '../support/tabPage.js';

/** `YYYY-MM` of a date, in UTC, `offset` months away. */
function monthOf(at: Date, offset = 0): string {
  const shifted = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
  return shifted.toISOString().slice(0, 7);
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** Journey 11: editors and admins see published stories counted, as charts and as tables. */
describe.skipIf(!browserAvailable())('insights (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** The seeded wall as the API lists it (the wall's first page holds every demo story). */
  async function publishedStories(): Promise<StoryDto[]> {
    const response = await fetch(`${app.url}/api/stories?limit=50`);
    return ((await response.json()) as WallPageDto).items;
  }

  /** A fresh profile as the default demo employee, with every script the page fetched. */
  async function openTab(): Promise<{ page: Page; scripts: string[] }> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    // `/api/me` has answered once the header's buttons are enabled.
    await expect.poll(() => page.getByTestId('my-stories-open').isEnabled()).toBe(true);
    return { page, scripts };
  }

  async function openInsights(page: Page): Promise<Locator> {
    await page.getByTestId('insights-open').click();
    const view = page.getByTestId('insights');
    await view.waitFor();
    await view.getByTestId('insights-loading').waitFor({ state: 'detached' });
    return view;
  }

  /** The rows of one of the view's tables, as `[name, count]`. */
  async function rows(view: Locator, testId: string): Promise<[string, string][]> {
    const table = view.getByTestId(testId);
    const names = await table.getByTestId('insights-row-name').allTextContents();
    const counts = await table.getByTestId('insights-row-count').allTextContents();
    return names.map((name, i) => [name, counts[i] ?? '']);
  }

  async function box(locator: Locator): Promise<Box> {
    const found = await locator.boundingBox();
    if (!found) throw new Error('not laid out');
    return found;
  }

  const isInsightsChunk = (path: string) => /\/assets\/Insights-[^/]+\.js$/.test(path);

  it('shows an admin the seeded stories counted, as charts and as tables', async () => {
    const stories = await publishedStories();
    const { page, scripts } = await openTab();

    // An employee has no Insights button, and nobody has fetched the charts yet.
    expect(await page.getByTestId('insights-open').count()).toBe(0);
    expect(scripts.filter(isInsightsChunk)).toEqual([]);

    await pickUserReady(page, 'Aaron Admin');
    const button = page.getByTestId('insights-open');
    expect(await button.textContent()).toBe('Insights');
    const view = await openInsights(page);
    expect(scripts.filter(isInsightsChunk)).toHaveLength(1);

    // The default period: the last 12 months, which hold every demo story.
    expect(await view.getByTestId('insights-total').textContent()).toMatch(
      new RegExp(`^${stories.length} stories published `),
    );
    for (const chart of ['months', 'teams', 'categories']) {
      const svg = view.getByTestId(`insights-chart-${chart}`).locator('svg').first();
      expect(await svg.isVisible(), chart).toBe(true);
    }

    // The same numbers as tables: every month of the range (zeros too), labelled categories.
    await view.getByTestId('insights-as-tables').click();
    await view.getByTestId('insights-tables').waitFor();
    expect(await view.getByTestId('insights-charts').count()).toBe(0);
    const months = await rows(view, 'insights-table-months');
    expect(months).toHaveLength(12);
    const now = new Date();
    const byMonth = (month: string) =>
      stories.filter((s) => (s.publishedAt ?? '').startsWith(month)).length;
    const expectedCounts = Array.from({ length: 12 }, (_, i) =>
      String(byMonth(monthOf(now, i - 11))),
    );
    expect(months.map(([, count]) => count)).toEqual(expectedCounts);
    // The demo stories are spread over four (or, by the calendar, five) months.
    expect(months.filter(([, count]) => count !== '0').length).toBeGreaterThanOrEqual(4);
    const care = stories.filter((s) => s.category === 'care').length;
    expect(await rows(view, 'insights-table-categories')).toContainEqual(['Care', String(care)]);
    const venue = stories.filter((s) => s.team === 'Venue services').length;
    expect(await rows(view, 'insights-table-teams')).toContainEqual([
      'Venue services',
      String(venue),
    ]);

    // A shorter period counts only its months.
    await view.getByTestId('insights-range-3').click();
    await view.getByTestId('insights-loading').waitFor({ state: 'detached' });
    await expect.poll(async () => (await rows(view, 'insights-table-months')).length).toBe(3);
    const lastThree = [monthOf(now, -2), monthOf(now, -1), monthOf(now)].map(byMonth);
    const total = lastThree.reduce((sum, n) => sum + n, 0);
    expect(await view.getByTestId('insights-total').textContent()).toMatch(
      new RegExp(`^${total} stor(y|ies) published `),
    );

    // The counts of the period shown, and every story, download as CSV for a spreadsheet.
    const [counts] = await Promise.all([
      page.waitForEvent('download'),
      view.getByTestId('insights-export-counts').click(),
    ]);
    expect(counts.suggestedFilename()).toBe(
      `story-wall-insights-${monthOf(now, -2)}-${monthOf(now)}.csv`,
    );
    const countRows = csvRows(await readFile(await counts.path(), 'utf8'));
    expect(countRows[0]).toEqual(['counted_by', 'value', 'stories']);
    expect(countRows.at(-1)).toEqual([
      'total',
      `${monthOf(now, -2)}..${monthOf(now)}`,
      String(total),
    ]);
    const [all] = await Promise.all([
      page.waitForEvent('download'),
      view.getByTestId('insights-export-stories').click(),
    ]);
    expect(all.suggestedFilename()).toBe('story-wall-stories.csv');
    const storyRows = csvRows(await readFile(await all.path(), 'utf8'));
    expect(storyRows.slice(1).map((row) => row[0])).toEqual(stories.map((story) => story.id));
    const notice = page
      .getByTestId('toast')
      .filter({ hasText: 'Downloaded story-wall-stories.csv.' });
    await notice.waitFor();
    // A notice never covers the open view's buttons (a click on "Close" would land on the notice).
    const close = view.getByTestId('insights-close');
    expect(overlaps(await box(notice), await box(close))).toBe(false);

    await close.click();
    await view.waitFor({ state: 'detached' });
  });

  it('shows an editor the view in Finnish, with empty and error states', async () => {
    const { page } = await openTab();
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();
    await pickUserReady(page, 'Eeva Editor');
    expect(await page.getByTestId('insights-open').textContent()).toBe('Tilastot');

    // Nothing published in the period: the empty state, not empty charts.
    const empty: InsightsDto = {
      from: monthOf(new Date(), -11),
      to: monthOf(new Date()),
      total: 0,
      months: Array.from({ length: 12 }, (_, i) => ({
        month: monthOf(new Date(), i - 11),
        count: 0,
      })),
      teams: [],
      categories: [],
    };
    await page.route('**/api/insights*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(empty) }),
    );
    let view = await openInsights(page);
    expect(await view.getByRole('heading', { name: 'Tilastot' }).isVisible()).toBe(true);
    expect(await view.getByTestId('insights-empty').textContent()).toContain(
      'Tällä ajanjaksolla ei julkaistu tarinoita',
    );
    await view.getByTestId('insights-close').click();
    await view.waitFor({ state: 'detached' });

    // Storage down: an error with a retry, which then shows the real counts.
    await page.unroute('**/api/insights*');
    await page.route('**/api/insights*', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'unavailable', message: 'down' } }),
      }),
    );
    view = await openInsights(page);
    await view.getByTestId('insights-error').waitFor();
    await page.unroute('**/api/insights*');
    await view.getByTestId('insights-error').getByRole('button').click();
    await view.getByTestId('insights-total').waitFor();
    expect(await view.getByTestId('insights-total').textContent()).toMatch(/tarinaa julkaistu/);
  });
});
