import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto, StoryPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { callAs } from '../support/http.js';

const { employee, manager, driver, service, cloakroom } = DEMO_USER_IDS;

const told = (title: string, extra: Record<string, unknown> = {}) => ({
  title,
  situation: 'The customer’s delivery was stuck at the border on the day of their launch.',
  action: 'Our account manager drove the parts across herself and set them up with the crew.',
  outcome: 'The customer opened the event on time and thanked the team on stage.',
  lesson: 'Own the customer’s deadline as if it were yours.',
  team: 'Key accounts',
  category: 'beyond-expectations',
  consent: true,
  ...extra,
});

describe.skipIf(!browserAvailable())('the wall by customer account (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const call = <T>(method: string, path: string, user: string, body?: unknown): Promise<T> =>
    callAs<T>(app.url, user, method, path, body);
  const approve = (id: string) =>
    call<StoryDto>('POST', `/api/stories/${id}/decision`, manager, { decision: 'approve' });

  async function openTab(): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    return page;
  }
  const cardTitles = (page: Page) => page.getByTestId('story-title').allTextContents();

  it('writes a story with its customer account and CRM link, shown on the card and in the detail', async () => {
    const page = await openTab();
    const title = `Parts across the border ${Date.now()}`;
    await page.getByTestId('share-story').click();
    const form = page.getByTestId('story-form');
    await form.waitFor();
    const story = told(title);
    for (const field of ['title', 'situation', 'action', 'outcome', 'lesson', 'team'] as const) {
      await form.getByTestId(`story-form-${field}`).fill(story[field]);
    }
    await form.getByTestId('story-form-category').click();
    await page.getByRole('option', { name: 'Beyond expectations' }).click();
    await form.getByTestId('story-form-consent').check();
    await form.getByTestId('story-form-accountName').fill('Northwind Traders');
    // A link that is not http(s) is refused in the form, with a message, and nothing is sent.
    await form.getByTestId('story-form-crmUrl').fill('javascript:alert(1)');
    await form.getByTestId('story-form-submit').click();
    await expect
      .poll(() => form.getByText('Use an http or https address.', { exact: true }).count())
      .toBe(1);
    await form.getByTestId('story-form-crmUrl').fill('https://crm.example.com/accounts/northwind');
    await form.getByTestId('story-form-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();

    const mine = await call<StoryPageDto>('GET', '/api/stories/mine?limit=5', employee);
    const sent = mine.items.find((s) => s.title === title);
    expect(sent).toMatchObject({
      accountName: 'Northwind Traders',
      crmUrl: 'https://crm.example.com/accounts/northwind',
    });
    await approve(sent!.id);

    await page.reload();
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('filter-account').fill('northwind traders');
    await expect.poll(() => cardTitles(page)).toEqual([title]);
    const card = page.getByTestId('story-card').first();
    expect(await card.getByTestId('story-account').textContent()).toBe('Northwind Traders');
    // The card names the account; the CRM link is in the detail, as a safe external link.
    expect(await card.getByTestId('story-crm').count()).toBe(0);
    await card.getByTestId('story-open').click();
    const detail = page.getByTestId('story-detail');
    await detail.waitFor();
    const link = detail.getByTestId('story-crm');
    expect(await link.getAttribute('href')).toBe('https://crm.example.com/accounts/northwind');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toContain('noopener');
  });

  it('filters by account and language, sorts by votes and shows the total', async () => {
    const publish = async (title: string, extra: Record<string, unknown>) => {
      const created = await call<StoryDto>('POST', '/api/stories', employee, told(title, extra));
      return approve(created.id);
    };
    const stamp = Date.now();
    const few = await publish(`Few votes ${stamp}`, { accountName: 'Tailspin Toys' });
    const many = await publish(`Many votes ${stamp}`, {
      accountName: 'TAILSPIN TOYS',
      locale: 'fi',
    });
    const newest = await publish(`No votes ${stamp}`, { accountName: 'Tailspin Toys' });
    for (const voter of [driver, service, cloakroom]) {
      await call('POST', `/api/stories/${many.id}/vote`, voter, {});
    }
    await call('POST', `/api/stories/${few.id}/vote`, driver, {});

    const page = await openTab();
    await page.getByTestId('filter-account').fill('tailspin toys');
    await expect.poll(() => cardTitles(page)).toEqual([newest.title, many.title, few.title]);
    await expect.poll(() => page.locator('#wall-total').textContent()).toBe('3 stories');

    await page.getByTestId('filter-sort').selectOption('votes');
    await expect.poll(() => cardTitles(page)).toEqual([many.title, few.title, newest.title]);

    await page.getByTestId('filter-language').selectOption('fi');
    await expect.poll(() => cardTitles(page)).toEqual([many.title]);
    await expect.poll(() => page.locator('#wall-total').textContent()).toBe('1 story');

    // At a phone's width the filters wrap onto rows of their own and never overlap.
    await page.setViewportSize({ width: 360, height: 800 });
    const boxes = await page
      .getByTestId('wall-filters')
      .locator(':scope > *')
      .evaluateAll((nodes) =>
        nodes.map((node) => {
          const box = node.getBoundingClientRect();
          return { top: box.top, bottom: box.bottom, left: box.left, right: box.right };
        }),
      );
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap =
          a.left < b.right - 1 &&
          b.left < a.right - 1 &&
          a.top < b.bottom - 1 &&
          b.top < a.bottom - 1;
        expect(overlap).toBe(false);
      }
    }
  });
});
