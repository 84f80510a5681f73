import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { HEADER_VIEWS } from '../support/tabViews.js';
import { fillValidStory, openForm } from '../support/tabPage.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * The tab's dialogs as a keyboard user meets them: focus goes back to the control that opened a
 * dialog, Escape closes one dialog at a time, a typed draft is not thrown away without asking, a
 * failed submit says so beside its button, and axe finds nothing serious inside them.
 */
describe.skipIf(!browserAvailable())('dialogs of the tab (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  /** A fresh browser profile: the server's default demo employee, Emma (or the given user). */
  async function openTab(user?: string): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    if (user) {
      await page.getByTestId('user-switcher').click();
      await page.getByRole('option', { name: user }).click();
      await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(user);
    }
    return page;
  }

  /** The focused element's `data-testid` (or its tag name without one). */
  const focused = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement;
      return element?.getAttribute('data-testid') ?? element?.tagName.toLowerCase() ?? null;
    });

  /** Whether the focused element is the given one. */
  const hasFocus = (locator: Locator) =>
    locator.evaluate((element) => element === document.activeElement);

  const discard = (page: Page) => page.getByTestId('confirm-discard-draft');

  describe('focus goes back to the opener', () => {
    it('the story form: after Escape, after Cancel and after a sent story', async () => {
      const page = await openTab();
      const share = page.getByTestId('share-story');
      const form = page.getByTestId('story-form');

      await openForm(page);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(share)).toBe(true);

      await openForm(page);
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(share)).toBe(true);

      await openForm(page);
      await fillValidStory(page, form);
      await form.getByTestId('story-form-submit').click();
      await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
      await form.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(share)).toBe(true);
    });

    it('the story detail: back on the "Read more" link of its card', async () => {
      const page = await openTab();
      const link = page.getByTestId('story-open').nth(1);
      const detail = page.getByTestId('story-detail');

      await link.click();
      await detail.waitFor();
      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(link)).toBe(true);

      await link.focus();
      await page.keyboard.press('Enter');
      await detail.waitFor();
      await detail.getByRole('button', { name: 'Close' }).click();
      await detail.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(link)).toBe(true);
    });

    it('each view the header opens: back on its button', async () => {
      // One page opens and closes every view in turn, as an admin would.
      const page = await openTab('Aaron Admin');
      for (const [button, view] of HEADER_VIEWS) {
        await page.getByTestId(button).click();
        await page.getByTestId(view).first().waitFor();
        await page.waitForLoadState('networkidle');
        await page.keyboard.press('Escape');
        await page.getByTestId(view).first().waitFor({ state: 'detached' });
        await expect.poll(() => focused(page), { message: `back from ${view}` }).toBe(button);
      }
    });
  });

  describe('nested dialogs', () => {
    it('a confirmation over the story detail closes alone on Escape, then the story', async () => {
      const page = await openTab('Aaron Admin');
      const link = page.getByTestId('story-open').first();
      await link.click();
      const detail = page.getByTestId('story-detail');
      await detail.waitFor();
      const archive = detail.getByTestId('story-archive');
      await archive.click();
      const confirm = page.getByTestId('confirm-archive-story');
      await confirm.waitFor();
      expect(await axeViolations(page)).toEqual([]);

      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      expect(await detail.isVisible()).toBe(true);
      await expect.poll(() => hasFocus(archive)).toBe(true);

      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(link)).toBe(true);
    });

    it('a story opened from My stories closes alone on Escape, then My stories', async () => {
      const page = await openTab();
      const opener = page.getByTestId('my-stories-open');
      await opener.click();
      const view = page.getByTestId('my-stories');
      await view.waitFor();
      const link = view.getByTestId('my-story-open').first();
      await link.click();
      const detail = page.getByTestId('story-detail');
      await detail.waitFor();

      await page.keyboard.press('Escape');
      await detail.waitFor({ state: 'detached' });
      expect(await view.isVisible()).toBe(true);
      await expect.poll(() => hasFocus(link)).toBe(true);

      await page.keyboard.press('Escape');
      await view.waitFor({ state: 'detached' });
      await expect.poll(() => hasFocus(opener)).toBe(true);
    });

    it('"Discard this draft?" over the story form closes alone on Escape', async () => {
      const page = await openTab();
      const form = await openForm(page);
      const title = form.getByTestId('story-form-title');
      await title.fill('Half a thought');
      await page.keyboard.press('Escape');
      await discard(page).waitFor();

      await page.keyboard.press('Escape');
      await discard(page).waitFor({ state: 'detached' });
      expect(await form.isVisible()).toBe(true);
      expect(await title.inputValue()).toBe('Half a thought');
      await expect.poll(() => hasFocus(title)).toBe(true);
    });
  });

  describe('a typed draft', () => {
    it('is not discarded without asking, whichever way the form is closed', async () => {
      const page = await openTab();
      const share = page.getByTestId('share-story');
      const form = await openForm(page);
      const lesson = form.getByTestId('story-form-lesson');
      await lesson.fill('Listen first.');

      // Escape asks; "Keep editing" goes back to the text as it was.
      await page.keyboard.press('Escape');
      const ask = discard(page);
      await ask.waitFor();
      expect(await ask.getByRole('heading').textContent()).toBe('Discard this draft?');
      expect(await ask.getAttribute('role')).toBe('alertdialog');
      expect(await axeViolations(page)).toEqual([]);
      await ask.getByRole('button', { name: 'Keep editing' }).click();
      await ask.waitFor({ state: 'detached' });
      expect(await lesson.inputValue()).toBe('Listen first.');

      // Cancel asks too.
      await form.getByRole('button', { name: 'Cancel' }).click();
      await ask.getByRole('button', { name: 'Keep editing' }).click();
      await ask.waitFor({ state: 'detached' });

      // And so does a click outside the form, where "Discard" closes it and returns focus.
      await page.mouse.click(5, 5);
      await ask.getByRole('button', { name: 'Discard' }).click();
      await form.waitFor({ state: 'detached' });
      expect(await ask.count()).toBe(0);
      await expect.poll(() => hasFocus(share)).toBe(true);

      // A new form starts empty.
      await openForm(page);
      expect(await lesson.inputValue()).toBe('');
    });

    it('an untouched form closes without asking', async () => {
      const page = await openTab();
      const form = await openForm(page);
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'detached' });

      await openForm(page);
      await form.getByRole('button', { name: 'Cancel' }).click();
      await form.waitFor({ state: 'detached' });
      expect(await discard(page).count()).toBe(0);
    });

    it('asks in Finnish in the Finnish tab', async () => {
      const context = await app.newContext({ locale: 'fi-FI', colorScheme: 'light' });
      const page = await context.newPage();
      await page.goto(app.url);
      await page.getByTestId('story-card').first().waitFor();
      await page.getByTestId('language-switch').click();
      await page.getByRole('option', { name: 'Suomi', exact: true }).click();
      const form = await openForm(page);
      await form.getByTestId('story-form-title').fill('Puolikas ajatus');
      await page.keyboard.press('Escape');
      const ask = discard(page);
      expect(await ask.getByRole('heading').textContent()).toBe('Hylätäänkö luonnos?');
      expect(await ask.getByRole('button').allTextContents()).toEqual([
        'Jatka kirjoittamista',
        'Hylkää',
      ]);
    });
  });

  describe('a failed submit', () => {
    it('shows its error beside the submit button and keeps the typed text', async () => {
      const page = await openTab();
      const form = await openForm(page);
      await fillValidStory(page, form);
      await page.route('**/api/stories', (route) =>
        route.request().method() === 'POST'
          ? route.fulfill({
              status: 503,
              contentType: 'application/json',
              body: JSON.stringify({ error: 'unavailable', message: 'Storage is down' }),
            })
          : route.fallback(),
      );
      const submit = form.getByTestId('story-form-submit');
      await submit.click();

      const error = form.getByTestId('story-form-error');
      await error.waitFor();
      expect(await error.getAttribute('role')).toBe('alert');
      expect((await error.textContent())?.length).toBeGreaterThan(10);
      // In the dialog's actions, next to the button that failed.
      const sameRow = await error.evaluate(
        (element, button) => element.parentElement === button?.parentElement,
        await submit.elementHandle(),
      );
      expect(sameRow).toBe(true);
      expect(await form.getByTestId('story-form-title').inputValue()).toBe(
        'A parcel found before closing time',
      );
      expect(await form.getByTestId('story-form-consent').isChecked()).toBe(true);
      expect(await axeViolations(page)).toEqual([]);

      // Sent again once the service is back: the error goes, the story is sent.
      await page.unroute('**/api/stories');
      await submit.click();
      await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
      await form.waitFor({ state: 'detached' });
    });
    it('in any form dialog (reporting a story): beside its button, then the nested Escape', async () => {
      const page = await openTab();
      await page.getByTestId('story-open').first().click();
      const detail = page.getByTestId('story-detail');
      await detail.waitFor();
      const reportButton = detail.getByTestId('story-report');
      await reportButton.click();
      const dialog = page.getByTestId('report-dialog');
      await dialog.waitFor();
      await dialog.getByTestId('report-reason').fill('The customer is named in full.');
      await page.route('**/api/stories/*/report', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({ error: { code: 'unavailable', message: 'raw server text' } }),
        }),
      );
      const submit = dialog.getByTestId('report-submit');
      await submit.click();
      const error = dialog.getByTestId('report-error');
      await expect.poll(() => error.textContent()).not.toBe('');
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent()).not.toContain('raw server text');
      const sameRow = await error.evaluate(
        (element, button) => element.parentElement === button?.parentElement,
        await submit.elementHandle(),
      );
      expect(sameRow).toBe(true);
      expect(await dialog.getByTestId('report-reason').inputValue()).toBe(
        'The customer is named in full.',
      );
      expect(await axeViolations(page)).toEqual([]);

      // Escape closes the report only; focus is back on its button in the story.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(await detail.isVisible()).toBe(true);
      await expect.poll(() => hasFocus(reportButton)).toBe(true);
    });
  });

  describe('axe inside the dialogs', () => {
    it('the story form, empty and with its field errors shown', async () => {
      const page = await openTab();
      const form = await openForm(page);
      expect(await axeViolations(page)).toEqual([]);
      await form.getByTestId('story-form-submit').click();
      await form.getByTestId('story-form-error').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    });

    it('the story detail, as the admin sees it', async () => {
      const page = await openTab('Aaron Admin');
      await page.getByTestId('story-open').first().click();
      const detail = page.getByTestId('story-detail');
      await detail.waitFor();
      await detail.getByTestId('story-archive').waitFor();
      await page.waitForLoadState('networkidle');
      expect(await axeViolations(page)).toEqual([]);
    });
  });
});
