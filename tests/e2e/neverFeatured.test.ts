import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '../../src/demo/demoUsers.js';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * The story form's nudge toward colleagues never featured: shown beside the featured picker,
 * a colleague added with one click (and with the keyboard), dismissed, in both languages.
 */
describe.skipIf(!browserAvailable())('colleagues not yet featured (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  async function openFormAs(name: string, locale: 'en-US' | 'fi-FI' = 'en-US') {
    const context = await app.newContext({ locale, colorScheme: 'light' });
    const page: Page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    await page.getByTestId('share-story').click();
    const form = page.getByTestId('story-form');
    await form.waitFor();
    return { page, form };
  }

  it('suggests colleagues no story names yet and adds one with a click, then the keyboard', async () => {
    // Two colleagues who have signed in but are in no published story.
    for (const [id, displayName] of [
      ['00000000-0000-4000-8000-000000000921', 'Olli Uusi'],
      ['00000000-0000-4000-8000-000000000922', 'Oona Uusi'],
    ] as const) {
      await app.server.storage.users.upsert({
        tenantId: DEMO_TENANT_ID,
        id,
        displayName,
        roles: [],
      });
    }
    const { page, form } = await openFormAs('Emma Employee');
    const nudge = form.getByTestId('featured-nudge');
    await nudge.waitFor();
    await nudge.getByText('Colleagues not yet featured').waitFor();
    const offered = await nudge.getByTestId('featured-nudge-add').allTextContents();
    expect(offered).toEqual(expect.arrayContaining(['Olli Uusi', 'Oona Uusi']));
    // The author, and colleagues the demo wall already names, are not suggested.
    expect(offered).not.toContain('Emma Employee');
    expect(offered).not.toContain('Tomi Kuljettaja');
    expect(await axeViolations(page, '[data-testid="featured-nudge"]')).toEqual([]);

    await nudge.getByRole('button', { name: 'Add Olli Uusi to featured colleagues' }).click();
    const picker = form.getByTestId('story-form-featured');
    await expect.poll(() => picker.textContent()).toContain('Olli Uusi');
    await expect
      .poll(() => nudge.getByTestId('featured-nudge-add').allTextContents())
      .not.toContain('Olli Uusi');
    // The keyboard stays in the nudge: on the next suggestion, which Enter adds.
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    const next = await focused();
    expect(offered).toContain(next);
    await page.keyboard.press('Enter');
    await expect.poll(() => picker.textContent()).toContain(next);
  });

  it('is dismissed, leaving the keyboard on the picker; and speaks Finnish', async () => {
    const { page, form } = await openFormAs('Emma Employee', 'fi-FI');
    const nudge = form.getByTestId('featured-nudge');
    await nudge.getByText('Kollegat, joita mikään tarina ei vielä mainitse').waitFor();
    await nudge.getByRole('button', { name: 'Sulje ehdotukset' }).click();
    await nudge.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe('story-form-featured');
  });
});
