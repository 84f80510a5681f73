import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * A person's reactions on the wall (Chromium): a vote remembered after a reload and taken back,
 * "I learned from this" beside it, and a vote from the story's detail.
 */
describe.skipIf(!browserAvailable())('votes and "I learned from this" (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** The tab as the demo employee, Emma, and a card of a story she neither told nor is in. */
  async function openCard(index: number): Promise<{ page: Page; card: Locator }> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    // The cards paint before the tab knows who reads them (the first page is asked for early);
    // a card is only known to be Emma's own once it does, when its buttons turn disabled.
    await expect
      .poll(() => page.locator('[data-testid="story-vote"][aria-disabled="true"]').count())
      .toBeGreaterThan(0);
    const others = page
      .getByTestId('story-card')
      .filter({ hasNot: page.getByText('Shared by Emma Employee') })
      .filter({ has: page.locator('[data-testid="story-vote"]:not([aria-disabled="true"])') });
    const id = await others.nth(index).getAttribute('data-story-id');
    return { page, card: page.locator(`[data-story-id="${id}"]`) };
  }
  const count = async (locator: Locator) =>
    Number.parseInt((await locator.textContent()) ?? '', 10);

  it('remembers a vote after a reload, and takes it back', async () => {
    const { page, card } = await openCard(1);
    const vote = card.getByTestId('story-vote');
    await expect.poll(() => vote.textContent()).toBe('Vote');
    const before = await count(card.getByTestId('story-votes'));
    await vote.click();
    await expect.poll(() => vote.textContent()).toBe('Voted');
    expect(await vote.getAttribute('aria-pressed')).toBe('true');
    expect(await count(card.getByTestId('story-votes'))).toBe(before + 1);

    await page.reload();
    await card.waitFor();
    await expect.poll(() => vote.textContent()).toBe('Voted');
    await vote.click();
    await expect.poll(() => vote.textContent()).toBe('Vote');
    expect(await count(card.getByTestId('story-votes'))).toBe(before);
    await expect
      .poll(() => card.getByTestId('story-vote-message').textContent())
      .toBe('Your vote is taken back.');

    await page.reload();
    await card.waitFor();
    await expect.poll(() => card.getByTestId('story-learned').isEnabled()).toBe(true);
    expect(await vote.textContent()).toBe('Vote');
  });

  it('says "I learned from this" beside the vote, remembered after a reload', async () => {
    const { page, card } = await openCard(2);
    const learned = card.getByTestId('story-learned');
    await expect.poll(() => learned.textContent()).toBe('I learned from this');
    const before = await count(card.getByTestId('story-learned-count'));
    await learned.click();
    await expect.poll(() => learned.textContent()).toBe('Learned');
    expect(await count(card.getByTestId('story-learned-count'))).toBe(before + 1);
    // The vote is its own: still to be cast.
    expect(await card.getByTestId('story-vote').textContent()).toBe('Vote');

    await page.reload();
    await card.waitFor();
    await expect.poll(() => learned.textContent()).toBe('Learned');
    await learned.click();
    await expect.poll(() => learned.textContent()).toBe('I learned from this');
    expect(await count(card.getByTestId('story-learned-count'))).toBe(before);
  });

  it('votes from the story’s detail, and the wall shows it', async () => {
    const { page, card } = await openCard(3);
    const before = await count(card.getByTestId('story-votes'));
    await card.getByTestId('story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    const vote = detail.getByTestId('story-vote');
    await expect.poll(() => vote.textContent()).toBe('Vote');
    await vote.click();
    await expect.poll(() => vote.textContent()).toBe('Voted');
    expect(await count(detail.getByTestId('story-votes'))).toBe(before + 1);
    await detail.getByRole('button', { name: 'Close', exact: true }).click();
    await detail.waitFor({ state: 'detached' });
    await expect.poll(() => card.getByTestId('story-vote').textContent()).toBe('Voted');
    await expect.poll(() => count(card.getByTestId('story-votes'))).toBe(before + 1);
  });
});
