import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import { DEV_USER_HEADER, type ModerationQueueDto, type StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { pickUser } from '../support/tabPage.js';

/**
 * Moderation in the tab: an employee reports a story from its detail; an editor hides it from the
 * Moderation view; it is gone from the wall, and no longer readable by id for the employee.
 */
describe.skipIf(!browserAvailable())('moderation (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  /** Niklas tells a story and his manager approves it: it is on the wall. */
  async function publishedByColleague(title: string): Promise<StoryDto> {
    const story = await api<StoryDto>(DEMO_USER_IDS.service, 'POST', '/api/stories', {
      title,
      situation: 'A guest lost her ticket minutes before the concert started.',
      action: 'Our usher found her booking and walked her to her seat himself.',
      outcome: 'She saw the whole concert and wrote to thank the usher by name.',
      lesson: 'Solve it first, check the paperwork after.',
      team: 'Customer service',
      category: 'quick-thinking',
      featured: [],
      consent: true,
      locale: 'en',
    });
    return api<StoryDto>(DEMO_USER_IDS.manager, 'POST', `/api/stories/${story.id}/decision`, {
      decision: 'approve',
    });
  }

  async function openTab(): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    return page;
  }

  const cardOf = (page: Page, title: string): Locator =>
    page.getByTestId('story-card').filter({
      has: page.getByTestId('story-title').getByText(title, { exact: true }),
    });

  it('an employee reports a story; an editor hides it from Moderation; it leaves the wall', async () => {
    const title = `The usher and the lost ticket ${Date.now()}`;
    const story = await publishedByColleague(title);
    expect(story.status).toBe('published');

    // As Emma (the default demo employee): open the story and report it.
    const page = await openTab();
    await cardOf(page, title).waitFor();
    await cardOf(page, title).getByTestId('story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    // An employee may report, not archive.
    expect(await detail.getByTestId('story-archive').count()).toBe(0);
    await detail.getByTestId('story-report').click();
    const dialog = page.getByTestId('report-dialog');
    await dialog.waitFor();
    // A reason is required before anything is sent.
    await dialog.getByTestId('report-submit').click();
    await dialog.getByText('Tell the editors why you report the story.').waitFor();
    await dialog.getByTestId('report-reason').fill('It names the guest, who did not agree to it.');
    await dialog.getByTestId('report-submit').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Thank you: the editors will look at the story.' })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });

    // As Eeva (an editor): the Moderation view has its own address and lists the report.
    await pickUser(page, 'Eeva Editor');
    await page.getByTestId('moderation-open').click();
    const view = page.getByTestId('moderation');
    await view.waitFor();
    await view.getByTestId('moderation-loading').waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/moderation');
    const item = view.getByTestId('moderation-item').filter({
      has: page.getByTestId('moderation-title').getByText(title, { exact: true }),
    });
    await item.waitFor();
    expect(await item.getByTestId('moderation-count').textContent()).toBe('1 report');
    const reason = item.getByTestId('moderation-report');
    expect(await reason.textContent()).toContain('It names the guest, who did not agree to it.');
    expect(await reason.textContent()).toContain('Emma Employee');

    // Hiding asks first; cancelling changes nothing.
    await item.getByTestId('moderation-hide').click();
    await page.getByTestId('confirm-hide').waitFor();
    await page.getByTestId('confirm-hide-cancel').click();
    await page.getByTestId('confirm-hide').waitFor({ state: 'detached' });
    expect(await item.getAttribute('data-status')).toBe('published');

    await item.getByTestId('moderation-hide').click();
    await page.getByTestId('confirm-hide-confirm').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Story hidden from the wall and its cards' })
      .waitFor();
    // It stays listed, hidden, for the editors to restore.
    await expect.poll(() => item.getAttribute('data-status')).toBe('hidden');
    await item.getByTestId('moderation-restore').waitFor();
    expect(await item.getByTestId('moderation-hide').count()).toBe(0);

    await view.getByTestId('moderation-close').click();
    await view.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/');

    // Gone from the wall, for everyone.
    await expect.poll(() => cardOf(page, title).count()).toBe(0);
    await pickUser(page, 'Emma Employee');
    await page.getByTestId('story-card').first().waitFor();
    expect(await cardOf(page, title).count()).toBe(0);

    // Not readable by id for Emma; its author still reads it; the queue shows it hidden.
    const byId = await fetch(new URL(`/api/stories/${story.id}`, app.url), {
      headers: { [DEV_USER_HEADER]: DEMO_USER_IDS.employee },
    });
    expect(byId.status).toBe(404);
    const own = await api<StoryDto>(DEMO_USER_IDS.service, 'GET', `/api/stories/${story.id}`);
    expect(own.status).toBe('hidden');
    const queue = await api<ModerationQueueDto>(DEMO_USER_IDS.editor, 'GET', '/api/moderation');
    expect(queue.items.find((i) => i.story.id === story.id)).toMatchObject({
      story: { status: 'hidden' },
      reportCount: 0,
    });
  });

  it('an editor archives a story from its detail, after a confirmation; it leaves the wall', async () => {
    const title = `The usher keeps the seat ${Date.now()}`;
    await publishedByColleague(title);
    const page = await openTab();
    await pickUser(page, 'Eeva Editor');
    await cardOf(page, title).waitFor();
    await cardOf(page, title).getByTestId('story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    await detail.getByTestId('story-archive').click();
    await page.getByTestId('confirm-archive-story').waitFor();
    await page.getByTestId('confirm-archive-story-confirm').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Story archived and taken off the wall' })
      .waitFor();
    // The story shows its new status; it can be neither archived nor reported again.
    await detail.getByText('Archived', { exact: true }).waitFor();
    expect(await detail.getByTestId('story-archive').count()).toBe(0);
    expect(await detail.getByTestId('story-report').count()).toBe(0);
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await expect.poll(() => cardOf(page, title).count()).toBe(0);
  });
});
