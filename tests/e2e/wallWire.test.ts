import type { Page, Response } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { SettingsDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { pickUserReady } from '../support/tabPage.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * The wall at wire speed in Chromium (docs/adr/0010): the tab's assets and the wall's first page
 * arrive compressed; the browser keeps the page and sends its tag again on the next visit; a vote
 * shows at once for the voter and for others, and whose vote it is stays with the person, though
 * everyone of a class gets the same bytes; people who see the wall differently never see each
 * other's page, even when one browser keeps it for both.
 */
describe.skipIf(!browserAvailable())('the wall at wire speed (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const isWallPage = (response: Response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/stories' && url.search === '?limit=30';
  };

  async function openTab(): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    return page;
  }

  /** Loads (or reloads) the tab and waits for the wall's page and its cards. */
  async function showWall(page: Page, load: () => Promise<unknown>): Promise<Response> {
    const [wall] = await Promise.all([page.waitForResponse(isWallPage), load()]);
    await page.getByTestId('story-card').first().waitFor();
    return wall;
  }

  async function savePrivacy(enabled: boolean): Promise<void> {
    const { version, approval, roles } = await callAs<SettingsDto>(
      app.url,
      DEMO_USER_IDS.admin,
      'GET',
      '/api/settings',
    );
    await callAs(app.url, DEMO_USER_IDS.admin, 'PUT', '/api/settings', {
      version,
      approval,
      roles,
      privacy: { enabled },
    });
  }

  it('gets the tab and the wall compressed, and the wall again by its tag', async () => {
    const page = await openTab();
    const scripts: Response[] = [];
    page.on('response', (response) => {
      if (/\/assets\/.+\.js$/.test(new URL(response.url()).pathname)) scripts.push(response);
    });
    const first = await showWall(page, () => page.goto(app.url));
    const firstHeaders = await first.allHeaders();
    expect(firstHeaders['content-encoding']).toBe('br');
    expect(firstHeaders['etag']).toMatch(/^"[\w-]+\.br"$/);
    expect(firstHeaders['cache-control']).toBe('private, no-cache');
    // The app's scripts, compressed at build time (those of 1 KB and more).
    const encodings = await Promise.all(
      scripts.map(async (script) => (await script.allHeaders())['content-encoding']),
    );
    expect(encodings.filter((encoding) => encoding === 'br').length).toBeGreaterThan(3);

    const titles = await page.getByTestId('story-title').allTextContents();
    const again = await showWall(page, () => page.reload());
    // The browser kept the page and asked whether it changed: the server's 304 kept its bytes.
    expect((await again.request().allHeaders())['if-none-match']).toBe(firstHeaders['etag']);
    await expect.poll(() => page.getByTestId('story-title').allTextContents()).toEqual(titles);
  });

  it('shows a vote at once, the count to everyone and "Voted" only to the voter', async () => {
    const page = await openTab();
    await showWall(page, () => page.goto(app.url));
    const card = page
      .getByTestId('story-card')
      .filter({ hasNot: page.getByText('Shared by Emma Employee') })
      .filter({ has: page.locator('[data-testid="story-vote"]:not([aria-disabled="true"])') })
      .first();
    const id = await card.getAttribute('data-story-id');
    const mine = page.locator(`[data-story-id="${id}"]`);
    const votes = async () =>
      Number.parseInt((await mine.getByTestId('story-votes').textContent()) ?? '', 10);
    await expect.poll(() => mine.getByTestId('story-vote').textContent()).toBe('Vote');
    const before = await votes();
    await mine.getByTestId('story-vote').click();
    await expect.poll(() => mine.getByTestId('story-vote').textContent()).toBe('Voted');

    // Reloaded: the page changed, so the kept copy is not reused.
    const reloaded = await showWall(page, () => page.reload());
    expect(reloaded.status()).toBe(200);
    await expect.poll(votes).toBe(before + 1);
    await expect.poll(() => mine.getByTestId('story-vote').textContent()).toBe('Voted');

    // Another person of the same class gets the same bytes, and their own "Vote".
    await pickUserReady(page, 'Niklas Palvelu');
    await showWall(page, () => page.reload());
    await expect.poll(votes).toBe(before + 1);
    await expect.poll(() => mine.getByTestId('story-vote').textContent()).toBe('Vote');
  });

  it('never shows one person the page another may see, in one browser', async () => {
    await savePrivacy(true);
    try {
      const page = await openTab();
      await showWall(page, () => page.goto(app.url));
      await pickUserReady(page, 'Eeva Editor');
      await showWall(page, () => page.reload());
      await expect.poll(() => page.getByTestId('story-votes').count()).toBeGreaterThan(0);

      // The browser sends the editor's tag for Emma: she gets her own page, without counts.
      await pickUserReady(page, 'Emma Employee');
      const emma = await showWall(page, () => page.reload());
      expect(emma.status()).toBe(200);
      await expect.poll(() => page.getByTestId('story-vote').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('story-votes').count()).toBe(0);

      // And back: the editor gets the counts again.
      await pickUserReady(page, 'Eeva Editor');
      await showWall(page, () => page.reload());
      await expect.poll(() => page.getByTestId('story-votes').count()).toBeGreaterThan(0);
    } finally {
      await savePrivacy(false);
    }
  });
});
