import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { SettingsDto, StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { openSettings, pickUser } from '../support/tabPage.js';

/**
 * Journey 11 with 4 and 10: an admin sets a two-stage approval policy in Settings; a story passes
 * both stages from the approvers' inboxes; its author reads the whole way in the story's history.
 */
/**
 * Chooses `name` from a Fluent dropdown and waits until the dropdown shows it. On a loaded
 * machine a click can land while the list is still opening and be lost; it is then made again,
 * so the test checks the form, not the timing of two cores.
 */
async function chooseOption(scope: Locator, dropdown: Locator, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      // A list that did not open (the click landed while the view was re-rendering) is opened
      // again rather than waited for.
      await dropdown.click();
      await scope.getByRole('option', { name }).click({ timeout: 5_000 });
      await expect.poll(() => dropdown.textContent(), { timeout: 3_000 }).toContain(name);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
      await dropdown.press('Escape').catch(() => undefined);
    }
  }
}

/**
 * Types `typed` into a people picker and picks `name` from its list, until `picked` says the
 * choice took (a click lost while the list was refreshing is made again, as above).
 */
async function pickPerson(
  scope: Locator,
  picker: Locator,
  typed: string,
  name: string,
  picked: () => Promise<boolean>,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await picker.fill('');
      await picker.pressSequentially(typed);
      await scope.getByRole('option', { name }).click({ timeout: 10_000 });
      await expect.poll(picked, { timeout: 3_000 }).toBe(true);
      return;
    } catch (error) {
      if (attempt === 4) throw error;
    }
  }
}

describe.skipIf(!browserAvailable())('settings and a two-stage approval (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** Calls the API as a demo user, as the tab's user switcher does. */
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

  async function openApprovals(page: Page): Promise<Locator> {
    await page.getByTestId('approvals-open').click();
    const view = page.getByTestId('approvals');
    await view.waitFor();
    await view.getByTestId('approvals-loading').waitFor({ state: 'detached' });
    return view;
  }

  const approvalOf = (view: Locator, title: string) =>
    view.getByTestId('approval-item').filter({
      has: view.page().getByTestId('approval-title').getByText(title, { exact: true }),
    });

  /** Emma shares a story; the policy in force (for its category) decides where it goes. */
  function shareAsEmployee(title: string, category = 'care'): Promise<StoryDto> {
    return api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'A family missed the last ferry because their taxi broke down on the way.',
      action: 'Our harbour host called the night boat and waited with them until it came.',
      outcome: 'They reached the island that night and wrote to thank the whole crew.',
      lesson: 'Stay until the customer is on their way.',
      team: 'Harbour services',
      category,
      featured: [],
      consent: true,
      locale: 'en',
    });
  }

  it('an admin sets two stages; the story passes both inboxes; the author sees the history', async () => {
    // As Aaron (admin): the policy gets a second stage, decided by Eeva, picked by name.
    const page = await openTabAs('Aaron Admin');
    const settings = await openSettings(page);
    expect(await settings.getByTestId('settings-stage').count()).toBe(1);
    await settings.getByTestId('settings-add-stage').click();
    await expect.poll(() => settings.getByTestId('settings-stage').count()).toBe(2);
    // Added stages start as "the author's manager"; stage 2 names a person instead.
    await settings.getByTestId('settings-stage-2-kind-people').click();

    // Saving with nobody named is stopped beside the stage, before any request.
    await settings.getByTestId('settings-save').click();
    await settings.getByText('Add at least one person.').waitFor();

    const picker = settings.getByTestId('settings-stage-2-person');
    const chosen = settings.getByTestId('settings-stage-2-chosen');
    await pickPerson(
      settings,
      picker,
      'eev',
      'Eeva Editor',
      async () => (await chosen.filter({ hasText: 'Eeva Editor' }).count()) > 0,
    );
    // The picker empties, ready for another name.
    expect(await picker.inputValue()).toBe('');

    // Reminders every 2 days stay; expiry becomes 3 weeks.
    await settings.getByTestId('settings-expire-amount').fill('3');
    await settings.getByTestId('settings-expire-unit').click();
    await settings.getByRole('option', { name: 'weeks' }).click();

    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const saved = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    await expect
      .poll(() => settings.getByTestId('settings-version').textContent())
      .toContain(`Version ${saved.version}, saved`);

    expect(saved.updatedBy).toBe(DEMO_USER_IDS.admin);
    expect(saved.approval.stages).toEqual([
      { approvers: { kind: 'manager' }, mode: 'any' },
      { approvers: { kind: 'people', ids: [DEMO_USER_IDS.editor] }, mode: 'any' },
    ]);
    expect(saved.approval.expireAfter).toBe('P21D');

    // The view has its own address.
    expect(new URL(page.url()).pathname).toBe('/settings');
    await settings.getByTestId('settings-close').click();
    await settings.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe('/');

    // Emma shares a story: it starts at stage 1 of 2, with her manager.
    const title = `The night boat ${Date.now()}`;
    const story = await shareAsEmployee(title);
    expect(story.approval).toMatchObject({ stage: 1, stages: 2 });

    // As Mikko: the inbox says where the story is, and he approves it.
    await pickUser(page, 'Mikko Manager');
    let inbox = await openApprovals(page);
    let item = approvalOf(inbox, title);
    await item.waitFor();
    expect(await item.getByTestId('approval-stage').textContent()).toContain('1 of 2');
    expect(await item.getByTestId('approval-waiting').textContent()).toBe('Mikko Manager');

    // Rejecting needs a reason.
    await item.getByTestId('decision-reject').click();
    await item.getByText('Tell the author why the story is rejected.').waitFor();

    await item.getByTestId('decision-approve').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Approved: the story now waits for its next approval' })
      .waitFor();
    await item.waitFor({ state: 'detached' });
    await inbox.getByTestId('approvals-close').click();
    await inbox.waitFor({ state: 'detached' });

    // As Eeva (an editor, not an approver): stage 2 is hers; she approves it with "select".
    await pickUser(page, 'Eeva Editor');
    inbox = await openApprovals(page);
    item = approvalOf(inbox, title);
    await item.waitFor();
    expect(await item.getByTestId('approval-stage').textContent()).toContain('2 of 2');
    expect(await item.getByTestId('approval-waiting').textContent()).toBe('Eeva Editor');
    await item.getByTestId('approval-select').click();
    await inbox.getByTestId('approvals-bulk-approve').click();
    const confirm = page.getByTestId('confirm-bulk-approve');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('Approve 1 story?');
    await confirm.getByTestId('confirm-bulk-approve-confirm').click();
    await page.getByTestId('toast').filter({ hasText: '1 story approved' }).waitFor();
    await item.waitFor({ state: 'detached' });
    await inbox.getByTestId('approvals-close').click();

    const published = await api<StoryDto>(
      DEMO_USER_IDS.employee,
      'GET',
      `/api/stories/${story.id}`,
    );
    expect(published.status).toBe('published');

    // As Emma: her story, from My stories, shows the whole way in time order.
    await pickUser(page, 'Emma Employee');
    await page.getByTestId('my-stories-open').click();
    const mine = page.getByTestId('my-stories');
    await mine.waitFor();
    const own = mine.getByTestId('my-story').filter({
      has: page.getByTestId('my-story-title').getByText(title, { exact: true }),
    });
    await own.getByTestId('my-story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    const history = detail.getByTestId('story-history');
    await history.waitFor();
    await history.getByTestId('story-history-loading').waitFor({ state: 'detached' });

    const events = history.getByTestId('history-event');
    const types = await events.evaluateAll((nodes) =>
      nodes.map((node) => node.getAttribute('data-type')),
    );
    expect(types.filter((type) => type !== 'routed' && type !== 'delegated')).toEqual([
      'submitted',
      'approved',
      'approved',
      'published',
    ]);
    const approvals = events.filter({ hasText: 'Approved' });
    expect(await approvals.nth(0).textContent()).toContain('by Mikko Manager');
    expect(await approvals.nth(0).textContent()).toContain('Stage 1 of 2');
    expect(await approvals.nth(1).textContent()).toContain('by Eeva Editor');
    expect(await approvals.nth(1).textContent()).toContain('Stage 2 of 2');
    // Each stage's routing says to whom it went.
    expect(await history.getByText('To Mikko Manager').count()).toBe(1);
    expect(await history.getByText('To Eeva Editor').count()).toBe(1);
    expect(await events.last().textContent()).toContain('Published');

    // The exact time is on hover (and keyboard focus).
    await events.first().locator('time').focus();
    await page.getByRole('tooltip').waitFor();
  });

  it('says clearly when someone else saved meanwhile, and reloads their version', async () => {
    const page = await openTabAs('Aaron Admin');
    // The view's address opens it (the picked demo user is remembered).
    await page.goto(new URL('/settings', app.url).href);
    const settings = page.getByTestId('settings');
    await settings.waitFor();
    await settings.getByTestId('settings-loading').waitFor({ state: 'detached' });
    const before = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');

    // Meanwhile another admin saves.
    await api(DEMO_USER_IDS.admin, 'PUT', '/api/settings', {
      version: before.version,
      approval: { ...before.approval, escalateAfterReminders: 3 },
      roles: before.roles,
    });

    await settings.getByTestId('settings-escalate').fill('1');
    await settings.getByTestId('settings-save').click();
    const conflict = settings.getByTestId('settings-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Someone else changed the settings');
    await conflict.getByTestId('settings-reload').click();
    await conflict.waitFor({ state: 'detached' });
    await expect.poll(() => settings.getByTestId('settings-escalate').inputValue()).toBe('3');
  });

  it('refuses to remove the saving admin’s own admin role, and says so beside the roles', async () => {
    const page = await openTabAs('Aaron Admin');
    const settings = await openSettings(page);
    const own = settings
      .getByTestId('settings-grant')
      .filter({ hasText: 'Aaron Admin' })
      .filter({ hasText: 'Admins' });
    await own.getByTestId('settings-grant-remove').click();
    await own.waitFor({ state: 'detached' });
    await settings.getByTestId('settings-save').click();

    const error = settings.getByTestId('settings-roles-error');
    await error.waitFor();
    expect(await error.textContent()).toBe(
      'You would no longer be an admin after this change. Keep a role that makes you an admin.',
    );
    expect(await settings.getByTestId('settings-error').textContent()).toBe(
      'Check the highlighted fields.',
    );
    const after = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(after.roles).toContainEqual({ role: 'admin', kind: 'person', id: DEMO_USER_IDS.admin });

    // Giving the role back (by the people picker) clears the error; the save goes through.
    await chooseOption(settings, settings.getByTestId('settings-grant-role'), 'Admins');
    const grantee = settings.getByTestId('settings-grant-person');
    await pickPerson(
      settings,
      grantee,
      'aaron',
      'Aaron Admin',
      async () => (await grantee.inputValue()) === 'Aaron Admin',
    );
    await settings.getByTestId('settings-grant-add').click();
    await error.waitFor({ state: 'detached' });
    // The picker empties for the next grant.
    expect(await settings.getByTestId('settings-grant-person').inputValue()).toBe('');
    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
  });

  it('an admin gives one category stages of its own; its stories go to that category’s approver', async () => {
    const page = await openTabAs('Aaron Admin');
    let settings = await openSettings(page);
    const tenantStages = await settings.getByTestId('settings-stage').count();
    const teamwork = settings.getByTestId('settings-category-teamwork');
    expect(await teamwork.count()).toBe(0);

    // Teamwork is chosen from the categories that use the tenant's stages, and added.
    const select = settings.getByTestId('settings-category-select');
    await select.click();
    await settings.getByRole('option', { name: 'Teamwork' }).click();
    await expect.poll(() => select.textContent()).toContain('Teamwork');
    await settings.getByTestId('settings-category-add').click();
    await teamwork.waitFor();
    expect(await teamwork.getByRole('heading', { level: 5 }).textContent()).toBe('Teamwork');
    // Focus goes to the new category's way back, and the category is no longer offered.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('settings-category-remove-teamwork');
    await select.click();
    await settings.getByRole('option', { name: 'Care' }).waitFor();
    expect(await settings.getByRole('option', { name: 'Teamwork' }).count()).toBe(0);
    await settings.getByRole('option', { name: 'Care' }).click();
    await expect.poll(() => select.textContent()).toContain('Care');

    // It starts as a copy of the tenant's stages; it keeps only its first, decided by Anna.
    const stages = teamwork.getByTestId('settings-category-teamwork-stage');
    expect(await stages.count()).toBe(tenantStages);
    for (let count = tenantStages; count > 1; count--) {
      await teamwork.getByTestId(`settings-category-teamwork-stage-${count}-remove`).click();
      await expect.poll(() => stages.count()).toBe(count - 1);
    }
    await teamwork.getByTestId('settings-category-teamwork-stage-1-kind-people').click();
    const picker = teamwork.getByTestId('settings-category-teamwork-stage-1-person');
    const annaChosen = teamwork
      .getByTestId('settings-category-teamwork-stage-1-chosen')
      .filter({ hasText: 'Anna Naulakko' });
    await pickPerson(
      settings,
      picker,
      'anna',
      'Anna Naulakko',
      async () => (await annaChosen.count()) > 0,
    );
    // The tenant's stages are not changed by editing the category's.
    expect(await settings.getByTestId('settings-stage').count()).toBe(tenantStages);

    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();

    const saved = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(saved.approval.byCategory).toEqual({
      teamwork: {
        stages: [{ approvers: { kind: 'people', ids: [DEMO_USER_IDS.cloakroom] }, mode: 'any' }],
      },
    });
    expect(saved.approval.stages).toHaveLength(tenantStages);

    // Read again from the server, Settings shows the category with its approver.
    await page.reload();
    settings = page.getByTestId('settings');
    await settings.waitFor();
    await settings.getByTestId('settings-loading').waitFor({ state: 'detached' });
    const reread = settings.getByTestId('settings-category-teamwork');
    await reread.waitFor();
    expect(await reread.getByTestId('settings-category-teamwork-stage').count()).toBe(1);
    await reread
      .getByTestId('settings-category-teamwork-stage-1-chosen')
      .filter({ hasText: 'Anna Naulakko' })
      .waitFor();

    // A teamwork story goes to Anna; a care story still follows the tenant's stages.
    const story = await shareAsEmployee(`The relay crew ${Date.now()}`, 'teamwork');
    expect(story.approval).toMatchObject({ stage: 1, stages: 1 });
    expect(story.approval.approvers.map((slot) => slot.id)).toEqual([DEMO_USER_IDS.cloakroom]);
    const care = await shareAsEmployee(`The night ferry ${Date.now()}`);
    expect(care.approval).toMatchObject({ stage: 1, stages: tenantStages });

    // Back to the tenant's stages: the category is offered again, and byCategory is gone.
    await reread.getByTestId('settings-category-remove-teamwork').click();
    await reread.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('settings-category-select');
    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const after = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(after.approval).not.toHaveProperty('byCategory');
  });
  it('an admin turns the weekly digest on with the keyboard; Settings shows when it runs next', async () => {
    const page = await openTabAs('Aaron Admin');
    const settings = await openSettings(page);
    const digests = settings.getByTestId('settings-digests');
    await digests.scrollIntoViewIfNeeded();
    // Off by default, and nothing has run.
    const jobs = digests.getByTestId('scheduled-jobs');
    await jobs.getByTestId('scheduled-jobs-loading').waitFor({ state: 'detached' });
    await jobs.getByTestId('scheduled-jobs-empty').waitFor();
    expect(await jobs.getByTestId('scheduled-jobs-next').count()).toBe(0);
    const weekly = digests.getByTestId('settings-digest-weekly-on');
    expect(await weekly.isChecked()).toBe(false);

    // Switch, day and time, from the keyboard: Space turns it on; the day is chosen with arrows.
    await weekly.focus();
    await page.keyboard.press('Space');
    expect(await weekly.isChecked()).toBe(true);
    const day = digests.getByTestId('settings-digest-weekly-day');
    await day.focus();
    await page.keyboard.press('Enter');
    for (let step = 0; step < 4; step++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => day.textContent()).toContain('Friday');
    await digests.getByTestId('settings-digest-weekly-time').fill('07:45');

    // A zone the browser does not know is stopped beside the field, before any request.
    const zone = digests.getByTestId('settings-digest-time-zone');
    await zone.fill('Mars/Olympus');
    await settings.getByTestId('settings-save').click();
    await settings
      .getByText('Choose a time zone from the list, such as Europe/Helsinki.')
      .waitFor();
    await zone.fill('');
    await zone.pressSequentially('stockh');
    await settings.getByRole('option', { name: 'Europe/Stockholm' }).click();
    expect(await zone.inputValue()).toBe('Europe/Stockholm');

    await settings.getByTestId('settings-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Settings saved' }).waitFor();
    const saved = await api<SettingsDto>(DEMO_USER_IDS.admin, 'GET', '/api/settings');
    expect(saved.digests).toEqual({
      weekly: { enabled: true, day: 'friday', time: '07:45' },
      monthly: { enabled: false, day: 1, time: '09:00' },
      timeZone: 'Europe/Stockholm',
    });
    // The history of scheduled jobs, read again after the save, names the next run.
    const next = settings.getByTestId('scheduled-jobs-next');
    await next.waitFor();
    expect(await next.textContent()).toContain('Next: Weekly digest');
  });
});
