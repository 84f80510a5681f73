import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { DelegationsDto, StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { pickUser } from '../support/tabPage.js';

/** "I'm away": an approver hands new stories to a colleague for a while, and comes back. */
describe.skipIf(!browserAvailable())('delegation and the admin inbox (Chromium)', () => {
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

  async function openApprovals(page: Page): Promise<Locator> {
    await page.getByTestId('approvals-open').click();
    const view = page.getByTestId('approvals');
    await view.waitFor();
    await view.getByTestId('approvals-loading').waitFor({ state: 'detached' });
    return view;
  }

  async function openAway(page: Page): Promise<Locator> {
    const inbox = await openApprovals(page);
    await inbox.getByTestId('delegation-open').click();
    const dialog = page.getByTestId('delegation-dialog');
    await dialog.waitFor();
    return dialog;
  }

  const approvalOf = (view: Locator, title: string) =>
    view.getByTestId('approval-item').filter({
      has: view.page().getByTestId('approval-title').getByText(title, { exact: true }),
    });

  /** A local calendar day `days` from today, as a date input takes it. */
  function dayFromToday(days: number): string {
    const date = new Date();
    date.setDate(date.getDate() + days);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  }

  it('routes new stories to the delegate until the approver is back', async () => {
    // As Mikko: nobody stands in yet; he picks Eeva for the next three days.
    const page = await openTabAs('Mikko Manager');
    let away = await openAway(page);
    await away.getByTestId('delegation-none').waitFor();
    await away.getByTestId('delegation-save').click();
    await away.getByText('Choose who decides for you.').waitFor();
    await away.getByTestId('delegation-person').pressSequentially('Mikko');
    // Not himself.
    await away.getByRole('option', { name: /No one matches/ }).waitFor();
    await away.getByTestId('delegation-person').fill('');
    await away.getByTestId('delegation-person').pressSequentially('eev');
    await away.getByRole('option', { name: 'Eeva Editor' }).click();
    await away.getByTestId('delegation-until').fill(dayFromToday(3));
    await away.getByTestId('delegation-save').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Stories for you now go to Eeva Editor' })
      .waitFor();
    const current = away.getByTestId('delegation-current');
    await current.waitFor();
    expect(await current.textContent()).toContain('go to Eeva Editor');
    // The form is ready for another choice.
    expect(await away.getByTestId('delegation-person').inputValue()).toBe('');

    const set = await api<DelegationsDto>(DEMO_USER_IDS.manager, 'GET', '/api/delegations');
    expect(set.items).toEqual([
      expect.objectContaining({ userId: DEMO_USER_IDS.manager, delegateId: DEMO_USER_IDS.editor }),
    ]);
    await away.getByTestId('delegation-close').click();
    await away.waitFor({ state: 'detached' });

    // Emma shares a story: it goes to Eeva, standing in for Mikko.
    const title = `Umbrellas for the queue ${Date.now()}`;
    const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title,
      situation: 'It started to pour while a long queue waited outside the concert hall.',
      action: 'Our doorman fetched every umbrella from the lost and found and handed them out.',
      outcome: 'The guests stayed dry and several mentioned it in their feedback.',
      lesson: 'Use what you have at hand.',
      team: 'Venue services',
      category: 'quick-thinking',
      featured: [],
      consent: true,
      locale: 'en',
    });
    expect(story.approval.approvers).toEqual([
      expect.objectContaining({ id: DEMO_USER_IDS.editor, onBehalfOf: DEMO_USER_IDS.manager }),
    ]);

    // As Aaron (admin): "All pending" lists it, whoever it waits for.
    await page.getByTestId('approvals-close').click();
    await pickUser(page, 'Aaron Admin');
    let inbox = await openApprovals(page);
    expect(await approvalOf(inbox, title).count()).toBe(0);
    await inbox.getByTestId('approvals-scope').click();
    await expect.poll(() => inbox.getAttribute('data-scope')).toBe('all');
    await inbox.getByTestId('approvals-loading').waitFor({ state: 'detached' });
    await approvalOf(inbox, title).waitFor();
    expect(await inbox.getByRole('heading', { name: 'All pending stories' }).isVisible()).toBe(
      true,
    );
    await inbox.getByTestId('approvals-close').click();

    // As Eeva: it waits for her, for Mikko; she approves it.
    await pickUser(page, 'Eeva Editor');
    inbox = await openApprovals(page);
    const item = approvalOf(inbox, title);
    await item.waitFor();
    await expect
      .poll(() => item.getByTestId('approval-waiting').textContent())
      .toBe('Eeva Editor (for Mikko Manager)');
    await item.getByTestId('decision-approve').click();
    await page.getByTestId('toast').filter({ hasText: 'Story approved and published' }).waitFor();
    await inbox.getByTestId('approvals-close').click();

    // As Emma: the history says who stood in for whom.
    await pickUser(page, 'Emma Employee');
    await page.getByTestId('my-stories-open').click();
    const mine = page.getByTestId('my-stories');
    await mine
      .getByTestId('my-story')
      .filter({ has: page.getByTestId('my-story-title').getByText(title, { exact: true }) })
      .getByTestId('my-story-open')
      .click();
    const history = page.getByTestId('story-history');
    await history.getByTestId('history-event').first().waitFor();
    const delegated = history.locator('[data-type="delegated"]');
    expect(await delegated.textContent()).toContain(
      'Mikko Manager is away: Eeva Editor decides instead',
    );

    // As Mikko again: he is back.
    // Escape closes the story; My stories closes with its button.
    await page.keyboard.press('Escape');
    await page.getByTestId('story-detail').waitFor({ state: 'detached' });
    await mine.getByTestId('my-stories-close').click();
    await mine.waitFor({ state: 'detached' });
    await pickUser(page, 'Mikko Manager');
    away = await openAway(page);
    await away.getByTestId('delegation-clear').click();
    await page.getByTestId('toast').filter({ hasText: 'Stories come to you again' }).waitFor();
    await away.getByTestId('delegation-none').waitFor();
    const cleared = await api<DelegationsDto>(DEMO_USER_IDS.manager, 'GET', '/api/delegations');
    expect(cleared.items).toEqual([]);
  });

  it('lets an admin set, see and end someone else’s delegation', async () => {
    // As Aaron (admin): nobody is away yet; the form is for himself until he picks someone.
    const page = await openTabAs('Aaron Admin');
    const away = await openAway(page);
    const all = away.getByTestId('delegation-all');
    await all.getByTestId('delegation-all-empty').waitFor();
    await away.getByTestId('delegation-none').waitFor();
    const awayPerson = away.getByTestId('delegation-away-person');
    expect(await awayPerson.inputValue()).toBe('Aaron Admin');
    // The pickers are labelled by their fields.
    expect(await away.getByRole('combobox', { name: /Who is away/ }).count()).toBe(1);
    await awayPerson.fill('');
    await away.getByTestId('delegation-save').click();
    await away.getByText('Choose who is away.').waitFor();

    // He picks Mikko as the one away; Mikko cannot stand in for himself.
    await awayPerson.pressSequentially('mikko');
    await away.getByRole('option', { name: 'Mikko Manager' }).click();
    await away.getByRole('heading', { name: 'Set someone to decide for Mikko Manager' }).waitFor();
    const delegate = away.getByTestId('delegation-person');
    await delegate.pressSequentially('Mikko');
    await away.getByRole('option', { name: /No one matches/ }).waitFor();
    await delegate.fill('');
    await delegate.pressSequentially('tomi');
    await away.getByRole('option', { name: 'Tomi Kuljettaja' }).click();
    await away.getByTestId('delegation-until').fill(dayFromToday(5));
    await away.getByTestId('delegation-save').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Stories for Mikko Manager now go to Tomi Kuljettaja' })
      .waitFor();

    // The list shows it; Aaron's own setting is untouched.
    const row = all
      .getByTestId('delegation-all-row')
      .filter({ has: page.getByTestId(`delegation-end-${DEMO_USER_IDS.manager}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Mikko Manager: Tomi Kuljettaja decides until');
    expect(await row.getAttribute('data-planned')).toBe('false');
    expect(await all.getByTestId('delegation-all-row').count()).toBe(1);
    await away.getByTestId('delegation-none').waitFor();
    expect(await delegate.inputValue()).toBe('');

    const set = await api<DelegationsDto>(DEMO_USER_IDS.admin, 'GET', '/api/delegations');
    expect(set.items).toEqual([
      expect.objectContaining({
        userId: DEMO_USER_IDS.manager,
        delegateId: DEMO_USER_IDS.driver,
        setBy: DEMO_USER_IDS.admin,
      }),
    ]);

    // Emma's story, routed to her manager Mikko, goes to Tomi.
    const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title: `Coffee for the night shift ${Date.now()}`,
      situation: 'The venue’s café had closed when the stage crew started their night shift.',
      action: 'A colleague from the box office brewed a pot and carried it to the loading dock.',
      outcome: 'The crew finished the set-up on time and thanked the box office by name.',
      lesson: 'Small kindness keeps a long night going.',
      team: 'Venue services',
      category: 'quick-thinking',
      featured: [],
      consent: true,
      locale: 'en',
    });
    expect(story.approval.approvers).toEqual([
      expect.objectContaining({ id: DEMO_USER_IDS.driver, onBehalfOf: DEMO_USER_IDS.manager }),
    ]);

    // He ends it from the list with the keyboard; the focus stays in the list.
    const end = all.getByRole('button', { name: 'End the delegation for Mikko Manager' });
    await end.focus();
    await page.keyboard.press('Enter');
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Stories go to Mikko Manager again' })
      .waitFor();
    await all.getByTestId('delegation-all-empty').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Everyone’s delegations');
    const ended = await api<DelegationsDto>(DEMO_USER_IDS.admin, 'GET', '/api/delegations');
    expect(ended.items.some((d) => d.userId === DEMO_USER_IDS.manager)).toBe(false);
  });
});
