import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { SettingsDto, StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { openSettings } from '../support/tabPage.js';

/**
 * Teams as a list: an admin adds a team in Settings; the story form suggests it as the author
 * types; the wall's filter finds its stories typed in lower case, and offers the team to pick.
 */
describe.skipIf(!browserAvailable())('the list of teams (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  async function openTabAs(name: string): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    return page;
  }

  it('an admin adds a team; the story form suggests it; the wall finds it in lower case', async () => {
    const page = await openTabAs('Aaron Admin');
    const settings = await openSettings(page);
    const teams = settings.getByTestId('settings-teams');
    await teams.getByTestId('settings-team-name').fill('Harbour services');
    await teams.getByTestId('settings-team-add').click();
    // The same team again in another case is refused beside the name.
    await teams.getByTestId('settings-team-name').fill('harbour SERVICES');
    await teams.getByTestId('settings-team-add').click();
    await teams.getByText('This team is already on the list.').waitFor();
    expect(await teams.getByTestId('settings-team').allTextContents()).toEqual([
      'Harbour services',
    ]);
    await settings.getByTestId('settings-save').click();
    await expect
      .poll(
        async () => (await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings')).teams,
        { timeout: 15_000 },
      )
      .toEqual(['Harbour services']);

    // Emma's story form suggests the team as she types.
    const emma = await openTabAs('Emma Employee');
    await emma.getByTestId('share-story').click();
    const form = emma.getByTestId('story-form');
    const team = form.getByTestId('story-form-team');
    await team.click();
    await team.pressSequentially('harb');
    await emma.getByRole('option', { name: 'Harbour services' }).click();
    await expect.poll(() => team.inputValue()).toBe('Harbour services');
    await emma.keyboard.press('Escape');

    // A story of that team, published, is found by the wall's filter typed in lower case.
    const title = `A night boat for a family ${Date.now()}`;
    const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'A family missed the last ferry because their taxi broke down on the way.',
      action: 'Our harbour host called the night boat and waited with them until it came.',
      outcome: 'They reached the island that night and wrote to thank the whole crew.',
      lesson: 'Stay until the customer is on their way.',
      team: 'Harbour services',
      category: 'care',
      featured: [],
      consent: true,
      locale: 'en',
    });
    await api(DEMO_USER_IDS.manager, 'POST', `/api/stories/${story.id}/decision`, {
      decision: 'approve',
    });
    const wall = await openTabAs('Emma Employee');
    const filter = wall.getByTestId('filter-team');
    await filter.fill('harbour services');
    await wall.getByTestId('story-card').filter({ hasText: title }).waitFor({ timeout: 20_000 });
    await expect.poll(() => wall.getByTestId('story-card').count(), { timeout: 10_000 }).toBe(1);

    // The wall's filter offers the same list: a team picked from it filters the wall.
    await wall.getByTestId('filter-clear').click();
    await expect
      .poll(() => wall.getByTestId('story-card').count(), { timeout: 10_000 })
      .toBeGreaterThan(1);
    await filter.click();
    await filter.pressSequentially('harb');
    await wall.getByRole('option', { name: 'Harbour services' }).click();
    await expect.poll(() => filter.inputValue()).toBe('Harbour services');
    await expect.poll(() => wall.getByTestId('story-card').count(), { timeout: 10_000 }).toBe(1);
    expect(await wall.getByTestId('story-card').first().textContent()).toContain(title);
  });

  it('keeps the keyboard in the wall’s team filter when the list arrives mid-typing', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/suggestions/teams', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    const filter = page.getByTestId('filter-team');
    await filter.click();
    await page.keyboard.type('harb');
    const answered = page.waitForResponse('**/api/suggestions/teams');
    release();
    // The list the first test saved arrives while the caret is in the filter.
    expect(((await (await answered).json()) as { items: string[] }).items).toContain(
      'Harbour services',
    );
    await page.keyboard.type('our services');
    await expect.poll(() => filter.inputValue()).toBe('harbour services');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'filter-team',
    );
  });
});
