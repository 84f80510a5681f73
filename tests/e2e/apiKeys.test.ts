import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { WallPageDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * API keys in Settings (admins): create a key (shown once), see it listed with its last use, and
 * revoke it after confirming; the key works and then is refused.
 */
describe.skipIf(!browserAvailable())('API keys in Settings (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  async function openKeysAs(name: string, locale: 'en-US' | 'fi-FI'): Promise<Page> {
    const context = await app.newContext({ locale, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings').getByTestId('api-keys-open').click();
    await page
      .getByTestId('api-keys')
      .getByTestId('api-keys-loading')
      .waitFor({ state: 'detached' });
    return page;
  }

  const wallWith = (key: string) =>
    fetch(`${app.url}/api/stories?limit=1`, { headers: { authorization: `Bearer ${key}` } });

  it('an admin creates a key, sees its use, and revokes it', async () => {
    const page = await openKeysAs('Aaron Admin', 'en-US');
    const dialog = page.getByTestId('api-keys');
    await dialog.getByTestId('api-keys-empty').waitFor();
    const create = dialog.getByRole('button', { name: 'Create key' });
    // Nothing to create without a name.
    expect(await create.getAttribute('aria-disabled')).toBe('true');
    await dialog.getByTestId('api-key-name').fill('Quarterly report');
    await dialog.getByRole('checkbox', { name: 'Read published stories' }).check();
    await dialog.getByRole('checkbox', { name: 'Submit stories' }).uncheck();
    await create.click();

    await dialog.getByTestId('api-key-created').waitFor();
    const key = await dialog.getByTestId('api-key-value').inputValue();
    expect(key).toMatch(/^swk_[a-z0-9]{16}_[\w-]{43}$/);
    const row = dialog.getByTestId('api-key-row').filter({ hasText: 'Quarterly report' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Read published stories');
    expect(await row.textContent()).toContain('Never');

    // The key reads the wall.
    const read = await wallWith(key);
    expect(read.status).toBe(200);
    expect(((await read.json()) as WallPageDto).items).toHaveLength(1);
    // Opened again, the list shows when it was last used.
    await dialog.getByTestId('api-keys-close').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('settings').getByTestId('api-keys-open').click();
    await dialog.getByTestId('api-keys-loading').waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).not.toContain('Never');

    // Revoked after confirming: refused at once.
    await row.getByRole('button', { name: 'Revoke Quarterly report' }).click();
    const confirm = page.getByTestId('confirm-revoke-key');
    await confirm.getByText('Systems that use “Quarterly report” are refused').waitFor();
    await page.getByTestId('confirm-revoke-key-confirm').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'The key “Quarterly report” was revoked.' })
      .waitFor();
    await dialog.getByTestId('api-keys-empty').waitFor();
    expect((await wallWith(key)).status).toBe(401);
  });

  it('speaks Finnish', async () => {
    const page = await openKeysAs('Aaron Admin', 'fi-FI');
    const dialog = page.getByTestId('api-keys');
    await dialog.getByRole('heading', { name: 'API-avaimet' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Lähettää tarinoita' }).waitFor();
    await dialog.getByRole('button', { name: 'Luo avain' }).waitFor();
  });
});
