import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../support/csv.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { pickUserReady } from '../support/tabPage.js';

/**
 * Journey 9: an editor puts stories in order around a lesson; everyone opens the collection from
 * its own address and reads them in that order; it exports for training material.
 */
describe.skipIf(!browserAvailable())('training collections (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** A fresh profile as the default demo employee. */
  async function openTab(path = '/'): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    await expect.poll(() => page.getByTestId('my-stories-open').isEnabled()).toBe(true);
    return page;
  }

  it('an editor orders three stories; an employee opens the collection’s address', async () => {
    const page = await openTab();
    await pickUserReady(page, 'Eeva Editor');

    await page.getByTestId('collections-open').click();
    const view = page.getByTestId('collections');
    await view.waitFor();
    expect(new URL(page.url()).pathname).toBe('/collections');
    await view.getByTestId('collections-loading').waitFor({ state: 'detached' });
    await view.getByTestId('collections-empty').waitFor();

    await view.getByTestId('collection-create').click();
    const editor = view.getByTestId('collection-editor');
    await editor.getByTestId('collection-title-input').fill('Beyond the brief');
    await editor
      .getByTestId('collection-description-input')
      .fill('For the first day of temporary staff.');
    const results = editor.getByTestId('collection-search-result');
    await results.first().waitFor();
    const picked: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = results.nth(i);
      picked.push((await result.getAttribute('data-story-id')) ?? '');
      await result.getByTestId('collection-add').click();
    }
    const rows = editor.getByTestId('collection-editor-story');
    await expect.poll(() => rows.count()).toBe(3);

    // Keyboard only: the third story moves to the top with two presses of "Move up".
    const moveUp = rows.nth(2).getByTestId('collection-move-up');
    await moveUp.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    const ordered = [picked[2], picked[0], picked[1]];
    await expect
      .poll(async () =>
        Promise.all((await rows.all()).map((row) => row.getAttribute('data-story-id'))),
      )
      .toEqual(ordered);
    expect(await editor.getByTestId('collection-announce').textContent()).toContain(
      'is now number 1',
    );

    await editor.getByTestId('collection-save').click();
    const collection = view.getByTestId('collection-page');
    await collection.waitFor();
    expect(await collection.getByTestId('collection-title').textContent()).toBe('Beyond the brief');
    const stories = collection.getByTestId('collection-story');
    await expect.poll(() => stories.count()).toBe(3);
    const idsShown = async () =>
      Promise.all((await stories.all()).map((story) => story.getAttribute('data-story-id')));
    expect(await idsShown()).toEqual(ordered);
    const address = new URL(page.url()).pathname;
    expect(address).toMatch(/^\/collections\/[A-Za-z0-9-]+$/);
    const titles = await collection.getByTestId('collection-story-title').allTextContents();

    // Export as CSV: the stories in the collection's order.
    await collection.getByTestId('collection-export').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('collection-export-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe('story-wall-beyond-the-brief.csv');
    const csv = csvRows(await readFile(await download.path(), 'utf8'));
    expect(csv[0]?.slice(0, 3)).toEqual(['position', 'id', 'title']);
    expect(csv.slice(1).map((row) => [row[0], row[1], row[2]])).toEqual(
      ordered.map((id, i) => [String(i + 1), id, titles[i]]),
    );

    // The print page shows the collection alone, then goes back.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await collection.getByTestId('collection-print').click();
    const printed = page.getByTestId('collection-print-page');
    await printed.waitFor();
    expect(await printed.locator('h2').allTextContents()).toEqual(
      titles.map((title, i) => `${i + 1}. ${title}`),
    );
    // On paper the collection is alone; once the print page is closed, the tab prints again.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(false);
    expect(await printed.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
    await page.keyboard.press('Escape');
    await printed.waitFor({ state: 'detached' });
    await view.getByTestId('collection-page').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header').first().isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // An employee opens the address directly: the same stories, in order, and no editing.
    const reader = await openTab(address);
    const opened = reader.getByTestId('collection-page');
    await opened.waitFor();
    const readerStories = opened.getByTestId('collection-story');
    await expect.poll(() => readerStories.count()).toBe(3);
    expect(
      await Promise.all(
        (await readerStories.all()).map((story) => story.getAttribute('data-story-id')),
      ),
    ).toEqual(ordered);
    expect(await opened.getByTestId('collection-story-title').allTextContents()).toEqual(titles);
    expect(await opened.getByTestId('collection-edit').count()).toBe(0);
    expect(await opened.getByTestId('collection-delete').count()).toBe(0);

    // Back to the list: the collection is there for everyone.
    await reader.getByTestId('collection-back').click();
    const list = reader.getByTestId('collections-list');
    await list.waitFor();
    expect(await list.getByTestId('collection-item').count()).toBe(1);
    expect(new URL(reader.url()).pathname).toBe('/collections');
  });
});
