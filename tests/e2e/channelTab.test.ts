import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WallPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { repoRoot } from '../support/startApp.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { measureInitialBundle } from './initialBundle.js';

/** The channel tab's pages outside Teams: `/config`, a wall with URL filters, the static pages. */
describe.skipIf(!browserAvailable())('channel tab (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** A fresh profile; `errors` collects uncaught page errors, `apiCalls` the API paths asked. */
  async function open(pathAndQuery: string) {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    const errors: string[] = [];
    const apiCalls: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) apiCalls.push(url.pathname);
    });
    await page.goto(`${app.url}${pathAndQuery}`);
    return { page, errors, apiCalls };
  }

  const wallPage = async (query: string) =>
    (await (await fetch(`${app.url}/api/stories?limit=30&${query}`)).json()) as WallPageDto;

  it('explains the configuration page in a plain browser and links to the wall', async () => {
    const { page, errors, apiCalls } = await open('/config');
    const explanation = page.getByTestId('config-explanation');
    await explanation.waitFor();

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Adding Story Wall to a channel',
    );
    expect(await explanation.textContent()).toContain('added to a channel as a tab');
    expect(await page.getByTestId('config-category').count()).toBe(0); // nothing to save here
    expect(apiCalls).toEqual([]); // the configuration page does not load the wall
    expect(errors).toEqual([]);

    await page.getByTestId('config-open-wall').click();
    await page.getByTestId('story-card').first().waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(errors).toEqual([]);
  });

  it('starts the wall with the category from the URL', async () => {
    const care = await wallPage('category=care');
    expect(care.items.length).toBeGreaterThan(0);
    expect((await wallPage('')).items.length).toBeGreaterThan(care.items.length);

    const { page, errors } = await open('/?category=care');
    await page.getByTestId('story-card').first().waitFor();

    await expect
      .poll(() => page.getByTestId('story-title').allTextContents())
      .toEqual(care.items.map((story) => story.title));
    const categories = await page.getByTestId('story-category').allTextContents();
    expect(new Set(categories)).toEqual(new Set(['Care']));
    expect(await page.getByTestId('filter-category').textContent()).toContain('Care');
    expect(await page.getByTestId('filter-clear').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('keeps a channel tab’s header compact and starts with its team', async () => {
    const team = 'Customer service';
    const expected = await wallPage(`team=${encodeURIComponent(team)}`);
    expect(expected.items.length).toBeGreaterThan(0);

    const { page, errors } = await open(`/?context=channel&team=${encodeURIComponent(team)}`);
    await page.getByTestId('story-card').first().waitFor();

    await expect
      .poll(() => page.getByTestId('story-title').allTextContents())
      .toEqual(expected.items.map((story) => story.title));
    expect(await page.getByTestId('filter-team').inputValue()).toBe(team);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Story Wall');
    expect(await page.getByText('Moments when we went beyond').count()).toBe(0);
    expect(await page.getByTestId('share-story').isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('serves the privacy and terms pages, in English and Finnish', async () => {
    for (const file of ['/privacy.html', '/terms.html']) {
      const response = await fetch(`${app.url}${file}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).not.toContain('id="root"'); // the page itself, not the tab's index.html
      expect(html).toContain('lang="fi"');
    }
    expect(await (await fetch(`${app.url}/privacy.html`)).text()).toContain('Azure Table Storage');
  });

  it('keeps the configuration page out of the wall’s initial JavaScript', () => {
    const bundle = measureInitialBundle(path.join(repoRoot, 'dist/tab'));
    const names = bundle.files.map((f) => f.file).join(' ');
    expect(names).not.toMatch(/ConfigPage|startConfigPage/);
  });
});
