import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** Acts as another demo person through the header's switcher (local mode). */
export async function pickUser(page: Page, name: string): Promise<void> {
  await page.getByTestId('user-switcher').click();
  await page.getByRole('option', { name }).click();
  await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
}

/** As `pickUser`, then waits for `/api/me` to answer for them (the header's buttons enabled). */
export async function pickUserReady(page: Page, name: string): Promise<void> {
  await pickUser(page, name);
  await expect.poll(() => page.getByTestId('my-stories-open').isEnabled()).toBe(true);
}

/** Opens Settings from the header and waits until the document has loaded. */
export async function openSettings(page: Page): Promise<Locator> {
  await page.getByTestId('settings-open').click();
  const view = page.getByTestId('settings');
  await view.waitFor();
  await view.getByTestId('settings-loading').waitFor({ state: 'detached' });
  return view;
}
