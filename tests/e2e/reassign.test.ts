import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import { type StoryDto, type StoryListDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { pickUser } from '../support/tabPage.js';
import { callAs } from '../support/http.js';

/** A second approver, added for this test: the demo has one (the manager). */
const PAULA = { id: '00000000-0000-4000-8000-000000000121', displayName: 'Paula Approver' };

/** Journey 4: the approver hands a pending story to another person from the approvals view. */
describe.skipIf(!browserAvailable())('reassign (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  async function addPaula(): Promise<void> {
    await app.server.storage.users.upsert({
      tenantId: DEMO_TENANT_ID,
      ...PAULA,
      roles: ['employee', 'approver'],
      team: 'Customer service',
      locale: 'en',
    });
  }

  /** Calls the API as a demo user, as the tab's user switcher does. */
  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  /** Emma shares a story; it is routed to her manager, Mikko. */
  function shareAsEmployee(title: string): Promise<StoryDto> {
    return api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'A guest lost her ticket in the rain just before the concert started.',
      action: 'Our usher found her booking, printed a new ticket and walked her to her seat.',
      outcome: 'She made it before the first song and wrote to thank the whole crew.',
      lesson: 'Solve the problem first; the paperwork can wait.',
      team: 'Venue services',
      category: 'care',
      featured: [],
      consent: true,
      locale: 'en',
    });
  }

  async function openTabAs(name: string): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await pickUser(page, name);
    return page;
  }

  async function openApprovals(page: Page): Promise<Locator> {
    await page.getByTestId('approvals-open').click();
    const view = page.getByTestId('approvals');
    await view.waitFor();
    return view;
  }

  const itemOf = (view: Locator, title: string) =>
    view.getByTestId('approval-item').filter({
      has: view.page().getByTestId('approval-title').getByText(title, { exact: true }),
    });

  it('the manager reassigns a story to another person, who then finds it in their approvals', async () => {
    await addPaula();
    const title = `A new ticket in the rain ${Date.now()}`;
    const story = await shareAsEmployee(title);
    const page = await openTabAs('Mikko Manager');

    let view = await openApprovals(page);
    const item = itemOf(view, title);
    await item.waitFor();

    // With the keyboard: Enter on "Reassign" opens the dialog.
    await item.getByTestId('reassign-open').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('reassign-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(title);

    // Nobody chosen yet: the dialog says so instead of sending.
    await dialog.getByTestId('reassign-submit').click();
    await dialog.getByText('Choose who decides instead.').waitFor();

    // The author is not offered: searching for her finds no one.
    const picker = dialog.getByTestId('reassign-person');
    // Typing opens the list and searches as it goes.
    await picker.pressSequentially('Emma');
    await dialog.getByRole('option', { name: /No one matches/ }).waitFor();

    // Search, pick with the keyboard, add a note and send.
    await picker.fill('');
    await picker.pressSequentially('paula');
    await dialog.getByRole('option', { name: PAULA.displayName }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.inputValue()).toBe(PAULA.displayName);
    await dialog
      .getByTestId('reassign-comment')
      .fill('I am away this week; Paula knows the venue.');
    await dialog.getByTestId('reassign-submit').click();

    await page
      .getByTestId('toast')
      .filter({ hasText: `Story reassigned to ${PAULA.displayName}` })
      .waitFor();
    await dialog.waitFor({ state: 'detached' });
    await item.waitFor({ state: 'detached' });
    await view.getByTestId('approvals-close').click();
    await view.waitFor({ state: 'detached' });

    // Paula now finds it in her approvals, and may decide on it.
    await pickUser(page, PAULA.displayName);
    view = await openApprovals(page);
    const hers = itemOf(view, title);
    await hers.waitFor();
    expect(await hers.getByTestId('decision-approve').isEnabled()).toBe(true);

    const mikko = await api<StoryListDto>(DEMO_USER_IDS.manager, 'GET', '/api/approvals');
    expect(mikko.items.map((s) => s.id)).not.toContain(story.id);
    const stored = await api<StoryDto>(PAULA.id, 'GET', `/api/stories/${story.id}`);
    expect(stored).toMatchObject({
      status: 'pending',
      approval: { approvers: [{ id: PAULA.id, onBehalfOf: DEMO_USER_IDS.manager }] },
    });
  });

  it('shows clearly when the story was handed on meanwhile, and keeps the dialog open', async () => {
    await addPaula();
    const title = `A ticket handed on meanwhile ${Date.now()}`;
    const story = await shareAsEmployee(title);
    const page = await openTabAs('Mikko Manager');
    const view = await openApprovals(page);
    const item = itemOf(view, title);
    await item.getByTestId('reassign-open').click();
    const dialog = page.getByTestId('reassign-dialog');
    await dialog.waitFor();

    // Meanwhile an admin hands the story to Paula.
    await api(DEMO_USER_IDS.admin, 'POST', `/api/stories/${story.id}/reassign`, {
      approverId: PAULA.id,
    });

    await dialog.getByTestId('reassign-person').pressSequentially('Eeva');
    await dialog.getByRole('option', { name: 'Eeva Editor' }).click();
    await dialog.getByTestId('reassign-submit').click();
    const error = dialog.getByTestId('reassign-error');
    await error.waitFor();
    expect(await error.textContent()).toBe('This story is no longer available.');

    // Escape closes the dialog; the approvals view stays.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await view.isVisible()).toBe(true);
  });
});
