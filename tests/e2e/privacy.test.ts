import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { SettingsDto, StoryDto, WallPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { openSettings, pickUser } from '../support/tabPage.js';

/**
 * Privacy mode (works councils): an admin turns it on in Settings; the employee's wall then shows
 * no vote counts, while voting still works; an editor still sees the counts. Then the other
 * privacy settings: featured colleagues confirm before they are named, and a retention period.
 */
describe.skipIf(!browserAvailable())('privacy mode in Settings (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  async function openTabAs(name: string): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await pickUser(page, name);
    return page;
  }

  /** The wall as it shows after a fresh load, with every card painted. */
  async function reloadWall(page: Page): Promise<Locator> {
    await page.reload();
    const cards = page.getByTestId('story-card');
    await cards.first().waitFor();
    const wall = await api<WallPageDto>(DEMO_USER_IDS.employee, 'GET', '/api/stories?limit=30');
    await expect.poll(() => cards.count()).toBe(wall.items.length);
    return cards;
  }

  it('an admin turns it on; the employee’s wall then shows no vote counts', async () => {
    const page = await openTabAs('Aaron Admin');
    // Off to begin with: the counts show (once the wall has loaded again for the person picked).
    await expect.poll(() => page.getByTestId('story-votes').count()).toBeGreaterThan(0);

    const settings = await openSettings(page);
    const privacy = settings.getByTestId('settings-privacy');
    await privacy.getByText('Only editors and admins see how many votes a story has').waitFor();
    const toggle = privacy.getByRole('switch', { name: 'Privacy mode' });
    expect(await toggle.isChecked()).toBe(false);
    await toggle.check();
    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const saved = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(saved.privacy).toEqual({
      enabled: true,
      confirmFeatured: false,
      deleteClosedAfterDays: null,
    });
    await settings.getByTestId('settings-close').click();
    await settings.waitFor({ state: 'detached' });

    // As Emma (an employee): the cards have their Vote button and no count.
    await pickUser(page, 'Emma Employee');
    const cards = await reloadWall(page);
    expect(await page.getByTestId('story-votes').count()).toBe(0);
    expect(await cards.getByTestId('story-vote').count()).toBe(await cards.count());
    expect(await page.getByText(/\d+ votes?$/).count()).toBe(0);

    // Voting still works, and still shows no count.
    const other = cards.filter({ hasNot: page.getByText('Shared by Emma Employee') }).first();
    const id = await other.getAttribute('data-story-id');
    const card = page.locator(`[data-story-id="${id}"]`);
    const vote = card.getByTestId('story-vote');
    expect(await vote.getAttribute('aria-labelledby')).toBeTruthy();
    await vote.click();
    await expect.poll(() => vote.textContent()).toBe('Voted');
    expect(await card.getByTestId('story-votes').count()).toBe(0);

    // An editor still sees the counts.
    await pickUser(page, 'Eeva Editor');
    await reloadWall(page);
    expect(await page.getByTestId('story-votes').count()).toBeGreaterThan(0);
  });

  const cardOf = (page: Page, title: string): Locator =>
    page.getByTestId('story-card').filter({
      has: page.getByTestId('story-title').getByText(title, { exact: true }),
    });

  it('asks featured colleagues to confirm; the name shows to everyone once confirmed', async () => {
    const page = await openTabAs('Aaron Admin');
    const settings = await openSettings(page);
    const privacy = settings.getByTestId('settings-privacy');
    await privacy.getByRole('switch', { name: 'Ask featured colleagues to confirm' }).check();
    // A retention period out of range is refused beside its field, and nothing is saved.
    await privacy.getByRole('switch', { name: 'Delete rejected and withdrawn stories' }).check();
    const days = privacy.getByTestId('settings-retention-days');
    expect(await days.inputValue()).toBe('365');
    await days.fill('0');
    await settings.getByTestId('settings-save').click();
    await privacy.getByText('Enter a number of days from 1 to 3650.').waitFor();
    await days.fill('180');
    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const saved = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(saved.privacy).toEqual({
      enabled: true,
      confirmFeatured: true,
      deleteClosedAfterDays: 180,
    });
    await settings.getByTestId('settings-close').click();
    await settings.waitFor({ state: 'detached' });

    // Emma tells a story naming Anna; her manager approves it.
    const title = `The cloakroom after midnight ${Date.now()}`;
    const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'A guest came back after midnight for a coat the cloakroom had already closed.',
      action: 'Anna opened the cloakroom again and found the coat among two hundred others.',
      outcome: 'The guest wrote that she would book the venue again for that alone.',
      lesson: 'The last guest of the night is as important as the first.',
      team: 'Venue services',
      category: 'care',
      featured: [DEMO_USER_IDS.cloakroom],
      consent: true,
    });
    await api(DEMO_USER_IDS.manager, 'POST', `/api/stories/${story.id}/decision`, {
      decision: 'approve',
    });

    // A colleague sees the story without Anna's name.
    await pickUser(page, 'Niklas Palvelu');
    await page.reload();
    await cardOf(page, title).waitFor();
    expect(await cardOf(page, title).getByTestId('story-featured').count()).toBe(0);

    // Anna sees herself marked, and confirms from the story.
    await pickUser(page, 'Anna Naulakko');
    await page.reload();
    const card = cardOf(page, title);
    await card.getByTestId('story-featured-awaiting').waitFor();
    await card.getByTestId('story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.getByTestId('story-detail-asked').waitFor();
    await detail.getByRole('button', { name: 'Show my name' }).click();
    await page.getByTestId('toast').filter({ hasText: 'Your name is now shown' }).waitFor();
    expect(await detail.getByTestId('story-featured-awaiting').count()).toBe(0);
    expect(await detail.getByTestId('story-confirm-name').count()).toBe(0);
    await detail.getByRole('button', { name: 'Close' }).click();
    await detail.waitFor({ state: 'detached' });

    // Now the colleague sees her name.
    await pickUser(page, 'Niklas Palvelu');
    await page.reload();
    await cardOf(page, title).getByTestId('story-featured').getByText('Anna Naulakko').waitFor();
  });
});
