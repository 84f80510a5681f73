import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import {
  DEV_USER_HEADER,
  PSEUDONYM_PREFIX,
  type ErasureReceiptDto,
  type MyStoriesPageDto,
  type PeopleDto,
  type PersonalDataExportDto,
  type StoryDto,
} from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { apiClient, callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { openSettings } from '../support/tabPage.js';

/**
 * Journey 12 in the tab (GDPR): an employee downloads their own data from "My stories"; an admin
 * erases a person from Settings after typing their name, reads the receipt, and the API shows the
 * rule of `src/domain/useCases/erasure.ts` applied (unpublished stories deleted, published ones
 * kept by a pseudonym); the same dialog in Finnish.
 */
describe.skipIf(!browserAvailable())('privacy data: export and erasure (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const api = <T>(user: string, method: string, path: string, body?: unknown) =>
    callAs<T>(app.url, user, method, path, body);

  /** `author` tells a story; it waits for their manager (Mikko), or is published when approved. */
  async function tell(author: string, title: string, approve: boolean): Promise<StoryDto> {
    const story = await api<StoryDto>(author, 'POST', '/api/stories', {
      title,
      situation: 'A passenger left her laptop on the airport shuttle just before a job interview.',
      action: 'Our driver turned back at the next stop and drove the laptop to the terminal.',
      outcome: 'She made the interview with her slides, and got the job.',
      lesson: 'A few minutes of ours can be a whole day of theirs.',
      team: 'Logistics',
      category: 'quick-thinking',
      featured: [],
      consent: true,
      locale: 'en',
    });
    expect(story.status).toBe('pending');
    if (!approve) return story;
    return api<StoryDto>(DEMO_USER_IDS.manager, 'POST', `/api/stories/${story.id}/decision`, {
      decision: 'approve',
    });
  }

  /** Every story of `user`'s own list, "My stories", all pages. */
  async function myStoryIds(user: string): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: MyStoriesPageDto = await api<MyStoriesPageDto>(
        user,
        'GET',
        `/api/stories/mine?limit=50${query}`,
      );
      ids.push(...page.items.map((story) => story.id));
      cursor = page.nextCursor;
    } while (cursor);
    return ids.sort();
  }

  async function openTab(locale: 'en-US' | 'fi-FI', name: string): Promise<Page> {
    // UTC, so that the receipt's date can be checked against the API's ISO time.
    const context = await app.newContext({ locale, colorScheme: 'light', timezoneId: 'UTC' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    return page;
  }

  /** Settings' "Erase a person…" dialog (its own chunk, loaded when opened). */
  async function openErasure(settings: Locator): Promise<Locator> {
    await settings.getByTestId('erase-person-open').click();
    const dialog = settings.page().getByTestId('erase-person');
    await dialog.waitFor();
    return dialog;
  }

  /** Picks `name` in the dialog's people picker by typing the start of it. */
  async function choosePerson(dialog: Locator, name: string): Promise<void> {
    const picker = dialog.getByTestId('erase-person-picker');
    await picker.pressSequentially(name.slice(0, 4).toLowerCase());
    await dialog.getByRole('option', { name }).click();
    await expect.poll(() => picker.inputValue()).toBe(name);
  }

  /** A receipt row's cells: the count and the ids listed, as shown. */
  async function receiptRow(
    receipt: Locator,
    kind: string,
  ): Promise<{ count: string; ids: string[] }> {
    const row = receipt.getByTestId(`erasure-receipt-${kind}`);
    const cells = row.locator('td');
    const ids = ((await cells.nth(1).textContent()) ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== '');
    return { count: (await cells.nth(0).textContent()) ?? '', ids: ids.sort() };
  }

  it('an employee downloads her own data: her stories in full, her vote, nobody else’s stories', async () => {
    const emma = DEMO_USER_IDS.employee;
    const title = `The laptop on the shuttle ${Date.now()}`;
    const told = await tell(emma, title, false);
    // A vote on a colleague's seeded story (Niklas's) is hers too.
    await api<StoryDto>(emma, 'POST', '/api/stories/demo-001/vote');

    const page = await openTab('en-US', 'Emma Employee');
    await page.getByTestId('my-stories-open').click();
    const view = page.getByTestId('my-stories');
    await view.waitFor();
    await view.getByTestId('my-stories-loading').waitFor({ state: 'detached' });
    const button = view.getByTestId('download-my-data');
    expect(await button.textContent()).toBe('Download my data');

    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/people/${emma}/export`),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toBe('no-store');
    await page
      .getByTestId('toast')
      .filter({ hasText: 'Your data was downloaded as a JSON file.' })
      .waitFor();

    // The file is what the API answered, as JSON, named after the day of the export.
    const path = await download.path();
    const data = JSON.parse(await readFile(path, 'utf8')) as PersonalDataExportDto;
    expect(data).toEqual(await response.json());
    expect(download.suggestedFilename()).toBe(
      `story-wall-my-data-${data.exportedAt.slice(0, 10)}.json`,
    );

    expect(data.personId).toBe(emma);
    expect(data.profile).toMatchObject({ id: emma, displayName: 'Emma Employee' });
    // Her stories are exactly those of her own list: the new one and the two seeded ones.
    const ids = data.stories.map(({ story }) => story.id).sort();
    expect(ids).toEqual(await myStoryIds(emma));
    expect(ids).toEqual(expect.arrayContaining([told.id, 'demo-007', 'demo-011']));
    for (const { story } of data.stories) expect(story.author.id).toBe(emma);
    // In full, with its history.
    const mine = data.stories.find(({ story }) => story.id === told.id);
    expect(mine?.story).toMatchObject({
      title,
      status: 'pending',
      situation: told.situation,
      action: told.action,
      outcome: told.outcome,
      lesson: told.lesson,
    });
    expect(mine?.history.find((event) => event.type === 'submitted')?.actor).toEqual({
      id: emma,
      displayName: 'Emma Employee',
    });
    // Her vote, on someone else's story, is named only.
    expect(data.votes.map((vote) => vote.story.id)).toEqual(['demo-001']);
    expect(Object.keys(data.votes[0]?.story ?? {}).sort()).toEqual(
      ['id', 'publishedAt', 'status', 'title'].sort(),
    );
    // Someone else's data is not hers to download.
    const other = await apiClient(app.url, { user: emma }).get(
      `/api/people/${DEMO_USER_IDS.service}/export`,
    );
    expect(other.status).toBe(403);
  });

  it('an admin erases a person after typing their name; the receipt shows what went where', async () => {
    const tomi = DEMO_USER_IDS.driver;
    const stamp = Date.now();
    const pending = await tell(tomi, `The laptop, still waiting ${stamp}`, false);
    const published = await tell(tomi, `The laptop at the terminal ${stamp}`, true);
    expect(published.status).toBe('published');
    const voted = await api<StoryDto>(tomi, 'POST', '/api/stories/demo-005/vote');
    const votesBefore = voted.voteCount;
    expect(votesBefore).toBeGreaterThan(0);
    // Seeded data: Tomi told demo-003 and demo-008; demo-001 and demo-010 feature him.
    const seeded = await api<StoryDto>(DEMO_USER_IDS.admin, 'GET', '/api/stories/demo-001');
    expect(seeded.featured.map((p) => p.id)).toContain(tomi);

    const page = await openTab('en-US', 'Aaron Admin');
    const settings = await openSettings(page);
    const dialog = await openErasure(settings);
    await dialog.getByText('Erase a person’s data', { exact: true }).waitFor();
    const submit = dialog.getByTestId('erase-person-submit');
    const confirm = dialog.getByTestId('erase-person-confirm');
    // Nothing can be sent before a person is chosen and their name typed.
    expect(await submit.isDisabled()).toBe(true);
    expect(await confirm.isDisabled()).toBe(true);

    await choosePerson(dialog, 'Tomi Kuljettaja');
    await dialog.getByText('Type “Tomi Kuljettaja” exactly.').waitFor();
    await confirm.fill('Tomi');
    expect(await submit.isDisabled()).toBe(true);
    // Case and surrounding spaces do not matter; the name does.
    await confirm.fill('  tomi kuljettaja ');
    await expect.poll(() => submit.isDisabled()).toBe(false);

    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/people/${tomi}/erase`),
      submit.click(),
    ]);
    expect(response.status()).toBe(200);
    const receipt = (await response.json()) as ErasureReceiptDto;
    await page.getByTestId('toast').filter({ hasText: 'The person’s data was erased.' }).waitFor();

    // The receipt, as shown.
    const shown = dialog.getByTestId('erasure-receipt');
    await shown.waitFor();
    expect(receipt.completedAt).toBeDefined();
    expect(await shown.getByTestId('erasure-receipt-status').textContent()).toMatch(
      /^Erased on .+\.$/,
    );
    expect(await receiptRow(shown, 'storiesDeleted')).toEqual({ count: '1', ids: [pending.id] });
    expect(await receiptRow(shown, 'storiesPseudonymised')).toEqual({
      count: '3',
      ids: [published.id, 'demo-003', 'demo-008'].sort(),
    });
    expect(await receiptRow(shown, 'votes')).toEqual({ count: '1', ids: ['demo-005'] });
    expect(await receiptRow(shown, 'featured')).toEqual({
      count: '2',
      ids: ['demo-001', 'demo-010'],
    });
    expect((await receiptRow(shown, 'user')).count).toBe('1');
    await shown
      .getByRole('rowheader', { name: 'Published stories kept by “a former colleague”' })
      .waitFor();
    // Kinds with nothing erased are left out: Tomi had no delegation.
    expect(await shown.getByTestId('erasure-receipt-delegations').count()).toBe(0);

    await dialog.getByTestId('erase-person-close').click();
    await dialog.waitFor({ state: 'detached' });
    await settings.getByTestId('settings-close').click();
    await settings.waitFor({ state: 'detached' });

    // The rule, through the API: the unpublished story is gone, for its approver too…
    const gone = await fetch(new URL(`/api/stories/${pending.id}`, app.url), {
      headers: { [DEV_USER_HEADER]: DEMO_USER_IDS.admin },
    });
    expect(gone.status).toBe(404);
    const queue = await api<{ items: StoryDto[] }>(DEMO_USER_IDS.manager, 'GET', '/api/approvals');
    expect(queue.items.map((s) => s.id)).not.toContain(pending.id);
    // …the published ones stay, told by the same pseudonym, their text unchanged.
    const pseudonym = receipt.pseudonymId;
    expect(pseudonym.startsWith(PSEUDONYM_PREFIX)).toBe(true);
    for (const id of [published.id, 'demo-003', 'demo-008']) {
      const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'GET', `/api/stories/${id}`);
      expect(story.status).toBe('published');
      expect(story.author).toEqual({ id: pseudonym, displayName: 'A former colleague' });
    }
    const kept = await api<StoryDto>(DEMO_USER_IDS.employee, 'GET', `/api/stories/${published.id}`);
    expect(kept).toMatchObject({ title: published.title, situation: published.situation });
    // His mentions and his vote are gone; the count follows.
    for (const id of ['demo-001', 'demo-010']) {
      const story = await api<StoryDto>(DEMO_USER_IDS.admin, 'GET', `/api/stories/${id}`);
      expect(story.featured.map((p) => p.id)).not.toContain(tomi);
    }
    const unvoted = await api<StoryDto>(DEMO_USER_IDS.admin, 'GET', '/api/stories/demo-005');
    expect(unvoted.voteCount).toBe((votesBefore ?? 0) - 1);
    // He is no longer among the people, and an export of him finds nothing.
    const people = await api<PeopleDto>(DEMO_USER_IDS.admin, 'GET', '/api/people');
    expect(people.items.map((p) => p.id)).not.toContain(tomi);
    const left = await api<PersonalDataExportDto>(
      DEMO_USER_IDS.admin,
      'GET',
      `/api/people/${tomi}/export`,
    );
    expect(left).toMatchObject({
      profile: null,
      stories: [],
      votes: [],
      featuredIn: [],
      routedTo: [],
    });
    // Asking again answers the same receipt.
    const again = await api<ErasureReceiptDto>(
      DEMO_USER_IDS.admin,
      'POST',
      `/api/people/${tomi}/erase`,
    );
    expect(again).toEqual(receipt);

    // The wall shows the kept story told by "a former colleague".
    await page.reload();
    const card = page.locator(`[data-story-id="${published.id}"]`);
    await card.waitFor();
    // The avatar shows initials; the caption names the author.
    await card
      .getByTestId('story-author')
      .getByText('Shared by A former colleague', { exact: true })
      .waitFor();
  });

  it('in Finnish: the erasure dialog, its confirmation and its receipt', async () => {
    const anna = DEMO_USER_IDS.cloakroom;
    const page = await openTab('fi-FI', 'Aaron Admin');
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    const settings = await openSettings(page);
    expect(await settings.getByTestId('erase-person-open').textContent()).toBe(
      'Poista henkilön tiedot…',
    );
    const dialog = await openErasure(settings);
    await dialog.getByText('Henkilön tietojen poisto', { exact: true }).waitFor();
    await dialog.getByText(/^Kaikki Tarinaseinän tiedot henkilöstä poistetaan/).waitFor();
    const submit = dialog.getByTestId('erase-person-submit');
    expect(await submit.textContent()).toBe('Poista kaikkialta');
    expect(await dialog.getByTestId('erase-person-cancel').textContent()).toBe('Peruuta');

    await choosePerson(dialog, 'Anna Naulakko');
    await dialog.getByText('Kirjoita ”Anna Naulakko” täsmälleen.').waitFor();
    await dialog.getByTestId('erase-person-confirm').fill('Anna Naulakko');
    await expect.poll(() => submit.isDisabled()).toBe(false);
    const [response] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === `/api/people/${anna}/erase`),
      submit.click(),
    ]);
    const receipt = (await response.json()) as ErasureReceiptDto;
    await page.getByTestId('toast').filter({ hasText: 'Henkilön tiedot poistettiin.' }).waitFor();

    const shown = dialog.getByTestId('erasure-receipt');
    await shown.waitFor();
    await shown.getByRole('heading', { name: 'Kuitti' }).waitFor();
    // "Poistettu 12.3.2026 klo 14.05." — the day as Finnish writes it, in the page's UTC.
    const completed = new Date(receipt.completedAt ?? Number.NaN);
    const day = `${completed.getUTCDate()}.${completed.getUTCMonth() + 1}.${completed.getUTCFullYear()}`;
    const status = (await shown.getByTestId('erasure-receipt-status').textContent()) ?? '';
    expect(status.startsWith(`Poistettu ${day}`)).toBe(true);
    for (const header of ['Mitä', 'Montako', 'Missä']) {
      await shown.getByRole('columnheader', { name: header }).waitFor();
    }
    // Anna told demo-002, demo-006 and demo-010: kept, told by "entinen kollega".
    const kept = shown.getByTestId('erasure-receipt-storiesPseudonymised');
    expect(await kept.locator('th').textContent()).toBe(
      'Julkaistuja tarinoita, kertojana ”entinen kollega”',
    );
    expect(await receiptRow(shown, 'storiesPseudonymised')).toEqual({
      count: '3',
      ids: ['demo-002', 'demo-006', 'demo-010'],
    });
    expect(await shown.getByTestId('erasure-receipt-user').locator('th').textContent()).toBe(
      'Profiili',
    );
    expect(
      await shown.getByText(/^Henkilöhakemistoa vanhemmat tiedot haettiin: \d+ riviä\.$/).count(),
    ).toBe(1);
    // No English left in the receipt.
    expect(await shown.textContent()).not.toMatch(/Receipt|Erased on|former colleague/);
    expect(await dialog.getByTestId('erase-person-close').textContent()).toBe('Sulje');
    await dialog.getByTestId('erase-person-close').click();
    await dialog.waitFor({ state: 'detached' });

    const story = await api<StoryDto>(DEMO_USER_IDS.employee, 'GET', '/api/stories/demo-002');
    expect(story.author.id).toBe(receipt.pseudonymId);
  });
});
