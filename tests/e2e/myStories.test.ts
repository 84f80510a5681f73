import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import { type MyStoriesPageDto, type StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { fillValidStory, openForm, pickUser } from '../support/tabPage.js';
import { callAs } from '../support/http.js';

/** Journey 10: the author's own stories, resubmission after "request changes", withdraw, archive. */
describe.skipIf(!browserAvailable())('my stories (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** A fresh browser profile (empty localStorage): the server's default demo employee, Emma. */
  async function openTab(): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    return page;
  }

  /** Calls the API as a demo user, as the tab's user switcher does. */
  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  /** Emma shares a story through the API (the form itself is covered in the first test). */
  function shareAsEmployee(title: string): Promise<StoryDto> {
    return api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'A customer called just before closing, worried about a lost parcel.',
      action: 'Our agent stayed on the line and traced the parcel with the courier.',
      outcome: 'The customer got the parcel the next morning and sent a thank-you note.',
      lesson: 'Stay with the customer until the problem is solved.',
      team: 'Customer service',
      category: 'care',
      featured: [],
      consent: true,
      locale: 'en',
    });
  }

  async function openMyStories(page: Page): Promise<Locator> {
    await page.getByTestId('my-stories-open').click();
    const view = page.getByTestId('my-stories');
    await view.waitFor();
    await view.getByTestId('my-stories-loading').waitFor({ state: 'detached' });
    return view;
  }

  const item = (view: Locator, title: string) =>
    view.getByTestId('my-story').filter({
      has: view.page().getByTestId('my-story-title').getByText(title, { exact: true }),
    });

  it('takes a story from pending through "request changes" to a resubmission', async () => {
    const page = await openTab();
    const title = `Tracing a lost parcel after hours ${Date.now()}`;

    // As Emma: share a story in the form.
    const form = await openForm(page);
    await fillValidStory(page, form, { title });
    await form.getByTestId('story-form-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
    await form.waitFor({ state: 'detached' });

    // My stories: the new story leads the list, waiting for approval, and can only be withdrawn.
    let view = await openMyStories(page);
    const first = view.getByTestId('my-story').first();
    expect(await first.getByTestId('my-story-title').textContent()).toBe(title);
    const id = (await first.getAttribute('data-story-id')) ?? '';
    const mine = view.locator(`[data-story-id="${id}"]`);
    expect(await mine.getByTestId('my-story-status').textContent()).toBe('Waiting for approval');
    expect(await mine.getByTestId('my-story-withdraw').isVisible()).toBe(true);
    expect(await mine.getByTestId('my-story-edit').count()).toBe(0);
    // Emma's published demo stories are listed too, each with its status.
    const statuses = await view.getByTestId('my-story-status').allTextContents();
    expect(statuses).toContain('Published');
    await view.getByTestId('my-stories-close').click();
    await view.waitFor({ state: 'detached' });

    // As the manager: request changes with a comment in the approvals view.
    const comment = 'Please add the day it happened and what the courier said.';
    await pickUser(page, 'Mikko Manager');
    await page.getByTestId('approvals-open').click();
    const approval = page.getByTestId('approval-item').filter({ hasText: title });
    await approval.waitFor();
    await approval.getByTestId('decision-comment').fill(comment);
    await approval.getByTestId('decision-changes').click();
    await page.getByTestId('toast').filter({ hasText: 'Changes requested' }).waitFor();
    await approval.waitFor({ state: 'detached' });
    await page.getByTestId('approvals-close').click();

    // Back as Emma: the comment is shown, with "Edit and resubmit" and "Withdraw".
    await pickUser(page, 'Emma Employee');
    view = await openMyStories(page);
    const returned = view.locator(`[data-story-id="${id}"]`);
    await returned.waitFor();
    expect(await returned.getByTestId('my-story-status').textContent()).toBe('Changes requested');
    expect(await returned.getByTestId('my-story-comment').textContent()).toContain(comment);
    expect(await returned.getByTestId('my-story-withdraw').isVisible()).toBe(true);

    // The form opens pre-filled, with the comment, and says "Resubmit".
    await returned.getByTestId('my-story-edit').click();
    const edit = page.getByTestId('story-form');
    await edit.waitFor();
    expect(await edit.getByRole('heading', { name: 'Edit and resubmit' }).isVisible()).toBe(true);
    expect(await edit.getByTestId('story-form-comment').textContent()).toContain(comment);
    expect(await edit.getByTestId('story-form-title').inputValue()).toBe(title);
    expect(await edit.getByTestId('story-form-consent').isChecked()).toBe(true);
    expect(await edit.getByTestId('story-form-submit').textContent()).toBe('Resubmit');
    const situation = 'On a Friday at 16.55 a customer called, worried about a lost parcel.';
    await edit.getByTestId('story-form-situation').fill(situation);
    await edit.getByTestId('story-form-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Story resubmitted for approval' }).waitFor();
    await edit.waitFor({ state: 'detached' });

    // The list shows the returned story: pending again, the comment and the edit action gone.
    await expect
      .poll(() => returned.getByTestId('my-story-status').textContent())
      .toBe('Waiting for approval');
    expect(await returned.getByTestId('my-story-comment').count()).toBe(0);
    expect(await returned.getByTestId('my-story-edit').count()).toBe(0);
    // Focus stays in the list (on the story's heading), not lost to the page.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('my-story-title');

    const stored = await api<StoryDto>(DEMO_USER_IDS.employee, 'GET', `/api/stories/${id}`);
    expect(stored).toMatchObject({ status: 'pending', situation });
  });

  it('withdraws a pending story only after confirming', async () => {
    const story = await shareAsEmployee(`A parcel to withdraw ${Date.now()}`);
    const page = await openTab();
    const view = await openMyStories(page);
    const mine = view.locator(`[data-story-id="${story.id}"]`);
    await mine.waitFor();

    // Cancelling the confirmation changes nothing.
    await mine.getByTestId('my-story-withdraw').click();
    const confirm = page.getByTestId('confirm-withdraw');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(story.title);
    await confirm.getByTestId('confirm-withdraw-cancel').click();
    await confirm.waitFor({ state: 'detached' });
    expect(await mine.getByTestId('my-story-status').textContent()).toBe('Waiting for approval');

    // With the keyboard this time: Enter on the focused button, then confirm.
    await mine.getByTestId('my-story-withdraw').focus();
    await page.keyboard.press('Enter');
    await confirm.waitFor();
    await confirm.getByTestId('confirm-withdraw-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Story withdrawn' }).waitFor();
    await expect.poll(() => mine.getByTestId('my-story-status').textContent()).toBe('Withdrawn');
    expect(await mine.getByRole('button').count()).toBe(0);

    const page1 = await api<MyStoriesPageDto>(DEMO_USER_IDS.employee, 'GET', '/api/stories/mine');
    expect(page1.items.find((item) => item.id === story.id)?.status).toBe('withdrawn');
  });

  it('archives a published story, which leaves the wall', async () => {
    const page = await openTab();
    const before = await api<MyStoriesPageDto>(DEMO_USER_IDS.employee, 'GET', '/api/stories/mine');
    const published = before.items.find((story) => story.status === 'published');
    if (!published) throw new Error('The demo employee has no published story to archive.');
    const wallCard = page.locator(`[data-testid="story-card"][data-story-id="${published.id}"]`);
    expect(await wallCard.count()).toBe(1);

    const view = await openMyStories(page);
    const mine = item(view, published.title);
    await mine.getByTestId('my-story-archive').click();
    const confirm = page.getByTestId('confirm-archive');
    await confirm.waitFor();
    await confirm.getByTestId('confirm-archive-confirm').click();
    await page.getByTestId('toast').filter({ hasText: 'Story archived' }).waitFor();
    await expect.poll(() => mine.getByTestId('my-story-status').textContent()).toBe('Archived');
    await view.getByTestId('my-stories-close').click();

    await expect.poll(() => wallCard.count()).toBe(0);
  });

  it('shows an empty state with a way to share a first story', async () => {
    const page = await openTab();
    await pickUser(page, 'Mikko Manager'); // has shared nothing in the demo data
    const view = await openMyStories(page);
    const empty = view.getByTestId('my-stories-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain('You have not shared a story yet');
    await empty.getByTestId('my-stories-share').click();
    const form = page.getByTestId('story-form');
    await form.waitFor();
    expect(await form.getByRole('heading', { name: 'Share a story' }).isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await form.waitFor({ state: 'detached' });
    expect(await view.isVisible()).toBe(true);
  });

  it('speaks Finnish when the language is Finnish', async () => {
    const story = await shareAsEmployee(`Kadonnut paketti ${Date.now()}`);
    const page = await openTab();
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();
    await expect.poll(() => page.getByTestId('my-stories-open').textContent()).toBe('Omat tarinat');

    const view = await openMyStories(page);
    expect(await view.getByRole('heading', { name: 'Omat tarinat' }).isVisible()).toBe(true);
    const mine = view.locator(`[data-story-id="${story.id}"]`);
    expect(await mine.getByTestId('my-story-status').textContent()).toBe('Odottaa hyväksyntää');
    expect(await mine.getByTestId('my-story-withdraw').textContent()).toBe('Peru');
    expect(await view.getByTestId('my-story-status').allTextContents()).toContain('Julkaistu');

    await mine.getByTestId('my-story-withdraw').click();
    const confirm = page.getByTestId('confirm-withdraw');
    await confirm.waitFor();
    expect(await confirm.getByRole('heading').textContent()).toBe('Perutaanko tarina?');
    expect(await confirm.getByTestId('confirm-withdraw-cancel').textContent()).toBe('Pidä tarina');
  });
});
