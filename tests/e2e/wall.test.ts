import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WallPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { fillValidStory, openForm } from '../support/tabPage.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/** docs/PERFORMANCE.md target: first stories painted within 1.5 s in headless Chromium. */
const FIRST_STORIES_BUDGET_MS = 1500;

describe.skipIf(!browserAvailable())('story wall tab (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** A fresh browser profile (empty localStorage): the server's default demo employee. */
  async function openTab(): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    return page;
  }

  const votesText = (count: number) => (count === 1 ? '1 vote' : `${count} votes`);
  const cardTitles = (page: Page) => page.getByTestId('story-title').allTextContents();

  it('shows the published demo stories, newest first', async () => {
    const page = await openTab();
    const firstCard = page.getByTestId('story-card').first();
    await firstCard.waitFor();

    const wall = (await (await fetch(`${app.url}/api/stories?limit=30`)).json()) as WallPageDto;
    expect(wall.items.length).toBeGreaterThan(1);
    const first = wall.items[0];
    await expect.poll(() => cardTitles(page)).toHaveLength(wall.items.length);
    expect(await firstCard.getByTestId('story-title').textContent()).toBe(first?.title);
    expect(await firstCard.isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('heading', { name: first?.title ?? '' }).count())
      .toBe(1);

    const dates = await page
      .getByTestId('story-date')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('datetime') ?? ''));
    expect(dates.every((date) => !Number.isNaN(Date.parse(date)))).toBe(true);
    const sorted = [...dates].sort((a, b) => Date.parse(b) - Date.parse(a));
    expect(dates).toEqual(sorted);

    // The first-paint budget is reported rather than asserted: shared CI machines are noisy.
    const paintedAt = await page.evaluate(
      () => performance.getEntriesByName('storywall:first-stories')[0]?.startTime ?? -1,
    );
    console.info(
      `first stories painted at ${Math.round(paintedAt)} ms (budget ${FIRST_STORIES_BUDGET_MS} ms)`,
    );
    expect(paintedAt).toBeGreaterThan(0);
  });

  it('runs under its content security policy without a single violation', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    await context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const page = await context.newPage();
    const response = await page.goto(app.url);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('story-card').first().getByTestId('story-open').click();
    await page.getByTestId('story-detail').waitFor();
    const violations = await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    );
    expect(violations).toEqual([]);
  });

  it('publishes a story submitted in the form once the manager approves it', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    const title = `A spare umbrella at the door ${Date.now()}`;

    // As the demo employee (no user picked): fill in and send the form.
    await page.getByTestId('share-story').click();
    const form = page.getByTestId('story-form');
    await form.waitFor();
    await form.getByTestId('story-form-title').fill(title);
    await form
      .getByTestId('story-form-situation')
      .fill('A guest arrived soaked; the forecast had promised sun all day.');
    await form
      .getByTestId('story-form-action')
      .fill('Our receptionist lent her own umbrella and dried his coat in the back office.');
    await form
      .getByTestId('story-form-outcome')
      .fill('He left a glowing review and asked for her by name on his next visit.');
    await form.getByTestId('story-form-lesson').fill('Small kindness is remembered longest.');
    await form.getByTestId('story-form-team').fill('Customer service');
    await form.getByTestId('story-form-category').click();
    await page.getByRole('option', { name: 'Care' }).click();
    await form.getByTestId('story-form-featured').click();
    // A multiselect Dropdown lists its options as menu item checkboxes.
    await page.getByRole('menuitemcheckbox', { name: 'Niklas Palvelu' }).click();
    await form.getByTestId('story-form-title').click(); // closes the colleague list
    await form.getByTestId('story-form-consent').check();
    await form.getByTestId('story-form-submit').click();

    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
    await form.waitFor({ state: 'detached' });
    expect(await cardTitles(page)).not.toContain(title); // pending: not on the wall yet

    // Switch to the demo manager, who approves it from the Approvals view.
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name: 'Mikko Manager' }).click();
    await page.getByTestId('approvals-open').click();
    const item = page.getByTestId('approval-item').filter({ hasText: title });
    await item.waitFor();
    await item.getByTestId('decision-approve').click();
    await page.getByTestId('toast').filter({ hasText: 'Story approved and published' }).waitFor();
    await item.waitFor({ state: 'detached' });
    await page.getByTestId('approvals-close').click();

    // After a reload (the manager stays picked) the new story leads the wall.
    await page.reload();
    await page.getByTestId('story-card').first().waitFor();
    expect((await cardTitles(page))[0]).toBe(title);
    expect(await page.getByTestId('user-switcher').textContent()).toContain('Mikko Manager');
  });

  it('asks before sending a story with a phone number, and sends it anyway', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    const title = `The driver who called ahead ${Date.now()}`;
    const outcome = 'She called back from 040-1234567 to thank the driver.';

    const form = await openForm(page);
    await fillValidStory(page, form, {
      title,
      situation: 'A customer’s delivery was late and she had guests coming.',
      action: 'The driver phoned ahead and brought the order to her door first.',
      outcome,
      lesson: 'A call ahead turns waiting into trust.',
      team: 'Logistics',
    });
    await form.getByTestId('story-form-submit').click();

    // Not sent: the warning names the field and what was found, and takes the focus.
    const warning = form.getByTestId('story-form-personal-data');
    await warning.waitFor();
    expect(await warning.getByRole('listitem').allTextContents()).toEqual([
      'How the customer reacted: a phone number',
    ]);
    expect(await warning.textContent()).not.toContain('040-1234567');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('story-form-personal-data');

    // "Edit" goes to the flagged field; editing it clears the warning, and a submit asks again.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('story-form-outcome');
    await page.keyboard.press('End');
    await page.keyboard.type(' Twice!');
    await warning.waitFor({ state: 'detached' });
    await form.getByTestId('story-form-submit').click();
    await warning.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('story-form-personal-data');

    // "Send anyway", from the keyboard, sends the story as it is.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('story-form-send-anyway');
    await page.keyboard.press('Enter');
    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
    await form.waitFor({ state: 'detached' });

    const mine = (await (await fetch(`${app.url}/api/stories/mine`)).json()) as WallPageDto;
    expect(mine.items.find((story) => story.title === title)).toMatchObject({
      status: 'pending',
      outcome: `${outcome} Twice!`,
    });
  });

  it('counts one vote per person and none for one’s own story', async () => {
    const page = await openTab(); // the demo employee, Emma
    await page.getByTestId('story-card').first().waitFor();
    const cards = page.getByTestId('story-card');

    const own = cards.filter({
      has: page.getByTestId('story-author').filter({ hasText: 'Emma Employee' }),
    });
    expect(await own.count()).toBeGreaterThan(0);
    // The cards may be drawn before the tab knows who reads them (`/api/me`): then it knows.
    await expect
      .poll(() => own.first().getByTestId('story-vote').getAttribute('aria-disabled'))
      .toBe('true');
    expect(await own.first().getByTestId('story-vote-message').textContent()).toContain(
      'Your own story',
    );

    const other = cards.filter({ hasNot: page.getByText('Shared by Emma Employee') }).first();
    const id = await other.getAttribute('data-story-id');
    const card = page.locator(`[data-story-id="${id}"]`);
    const before = Number.parseInt((await card.getByTestId('story-votes').textContent()) ?? '', 10);
    await card.getByTestId('story-vote').click();
    await expect.poll(() => card.getByTestId('story-vote').textContent()).toBe('Voted');
    expect(await card.getByTestId('story-votes').textContent()).toBe(votesText(before + 1));

    // After a reload the tab still knows the vote (one request for the page's reactions), and a
    // click takes it back.
    await page.reload();
    await card.waitFor();
    await expect.poll(() => card.getByTestId('story-vote').textContent()).toBe('Voted');
    expect(await card.getByTestId('story-votes').textContent()).toBe(votesText(before + 1));
    await card.getByTestId('story-vote').click();
    await expect.poll(() => card.getByTestId('story-vote').textContent()).toBe('Vote');
    expect(await card.getByTestId('story-votes').textContent()).toBe(votesText(before));
  });

  it('switches the interface to Finnish', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    expect(await page.getByTestId('share-story').textContent()).toBe('Share a story');

    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Suomi', exact: true }).click();

    await expect.poll(() => page.getByTestId('share-story').textContent()).toBe('Kerro tarina');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Tarinaseinä');
    expect(await page.getByRole('search', { name: 'Suodata tarinoita' }).isVisible()).toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    const votes = await page.getByTestId('story-votes').first().textContent();
    expect(votes).toMatch(/\d+ (ääni|ääntä)$/);

    // The choice is remembered.
    await page.reload();
    await page.getByTestId('story-card').first().waitFor();
    expect(await page.getByTestId('share-story').textContent()).toBe('Kerro tarina');
  });
});
