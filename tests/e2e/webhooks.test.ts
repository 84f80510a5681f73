import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto, WebhooksDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * A receiver on this machine (local mode allows a loopback address): it verifies each delivery
 * with the secret the admin was shown, as a real integration would, and answers 200.
 */
function startReceiver() {
  const received: { id: string; verified: boolean }[] = [];
  let secret = '';
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      let verified = true;
      try {
        new Webhook(secret).verify(body, request.headers as Record<string, string>);
      } catch {
        verified = false;
      }
      received.push({ id: String(request.headers['webhook-id']), verified });
      response.writeHead(verified ? 200 : 400).end();
    });
  });
  return {
    received,
    setSecret(value: string) {
      secret = value;
    },
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/story-wall`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Webhooks in Settings (admins): add one (its signing secret shown once), see a story's event
 * delivered and signed, send it again, pause the webhook and remove it after confirming; an
 * address the API refuses is named beside the field.
 */
describe.skipIf(!browserAvailable())('webhooks in Settings (Chromium)', () => {
  const app = useBrowserApp({ seed: true });
  const receiver = startReceiver();
  let url = '';
  beforeAll(async () => {
    url = await receiver.start();
  });
  afterAll(() => receiver.close());

  async function openWebhooksAs(name: string, locale: 'en-US' | 'fi-FI'): Promise<Page> {
    const context = await app.newContext({ locale, colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain(name);
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings').getByTestId('webhooks-open').click();
    await page
      .getByTestId('webhooks')
      .getByTestId('webhooks-loading')
      .waitFor({ state: 'detached' });
    return page;
  }

  const focused = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid'));

  it('an admin adds a webhook, sees a delivery, sends it again, pauses and removes it', async () => {
    const page = await openWebhooksAs('Aaron Admin', 'en-US');
    const dialog = page.getByTestId('webhooks');
    await dialog.getByTestId('webhooks-empty').waitFor();
    const add = dialog.getByRole('button', { name: 'Add webhook' });
    // Nothing to add without an address.
    expect(await add.getAttribute('aria-disabled')).toBe('true');
    await dialog.getByRole('textbox', { name: 'Address' }).fill(url);
    await dialog.getByTestId('webhook-description').fill('CRM');
    // Published stories by default; submitted ones too, so that a submission is delivered.
    expect(await dialog.getByRole('checkbox', { name: 'Story published' }).isChecked()).toBe(true);
    await dialog.getByRole('checkbox', { name: 'Story submitted' }).check();
    await add.click();

    // The secret, this once, with how receivers verify it.
    const created = dialog.getByTestId('webhook-created');
    await created.waitFor();
    expect(await created.textContent()).toContain('Standard Webhooks');
    const secret = await dialog.getByTestId('webhook-secret').inputValue();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    receiver.setSecret(secret);
    const row = dialog.getByTestId('webhook-row').filter({ hasText: url });
    await row.waitFor();
    const listed = await row.textContent();
    expect(listed).toContain('CRM');
    expect(listed).toContain('Story submitted, Story published');
    expect(await row.getByTestId('webhook-status').textContent()).toBe('Active');

    // A story submitted through the API is delivered, signed with that secret.
    const story = await callAs<StoryDto>(app.url, DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title: 'The last ferry',
      situation: 'A family missed the last ferry because their taxi broke down on the way.',
      action: 'Our harbour host called the night boat and waited with them until it came.',
      outcome: 'They reached the island that night and wrote to thank the whole crew.',
      lesson: 'Stay until the customer is on their way.',
      team: 'Harbour services',
      category: 'care',
      featured: [],
      consent: true,
      locale: 'en',
    });
    expect(story.status).toBe('pending');
    await expect.poll(() => receiver.received, { timeout: 10_000 }).toHaveLength(1);
    expect(receiver.received[0]?.verified).toBe(true);

    // Its deliveries: the submission, delivered at the first attempt.
    const opener = row.getByRole('button', { name: `Deliveries to ${url}` });
    await opener.click();
    const deliveries = page.getByTestId('webhook-deliveries');
    await deliveries.getByRole('heading', { name: `Deliveries to ${url}` }).waitFor();
    const refresh = deliveries.getByRole('button', { name: 'Refresh' });
    const delivery = deliveries.getByTestId('webhook-delivery-row');
    const statusOf = async () => {
      await refresh.click();
      await deliveries.getByTestId('webhook-deliveries-loading').waitFor({ state: 'detached' });
      return delivery.getByTestId('webhook-delivery-status').getAttribute('data-status');
    };
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('delivered');
    expect(await delivery.count()).toBe(1);
    expect(await delivery.textContent()).toContain('Story submitted');
    expect(await delivery.getByTestId('webhook-delivery-status').textContent()).toBe('Delivered');
    expect(await delivery.getByTestId('webhook-delivery-attempts').textContent()).toBe('1');
    expect(await delivery.textContent()).toContain('HTTP 200');

    // Sent again, with the same webhook-id: pending at once, then delivered at the second attempt.
    await delivery.getByRole('button', { name: /^Send again: Story submitted, / }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: 'The delivery is being sent again.' })
      .waitFor();
    expect(await focused(page)).toBe('webhook-deliveries-refresh');
    await expect.poll(() => receiver.received, { timeout: 10_000 }).toHaveLength(2);
    expect(receiver.received[1]).toEqual(receiver.received[0]);
    await expect.poll(statusOf, { timeout: 10_000 }).toBe('delivered');
    expect(await delivery.getByTestId('webhook-delivery-attempts').textContent()).toBe('2');

    // Closing the deliveries puts focus back on the button that opened them.
    await deliveries.getByRole('button', { name: 'Close' }).click();
    await deliveries.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('webhook-deliveries-open');

    // Paused, then removed after confirming.
    await row.getByRole('button', { name: `Pause ${url}` }).click();
    await expect.poll(() => row.getByTestId('webhook-status').textContent()).toBe('Paused');
    await row.getByRole('button', { name: `Resume ${url}` }).waitFor();
    await row.getByRole('button', { name: `Remove ${url}` }).click();
    const confirm = page.getByTestId('confirm-remove-webhook');
    await confirm.getByText(`Nothing is sent to ${url} from now on`).waitFor();
    await page.getByTestId('confirm-remove-webhook-confirm').click();
    await page
      .getByTestId('toast')
      .filter({ hasText: `The webhook to ${url} was removed.` })
      .waitFor();
    await dialog.getByTestId('webhooks-empty').waitFor();
    const left = await callAs<WebhooksDto>(app.url, DEMO_USER_IDS.admin, 'GET', '/api/webhooks');
    expect(left.items).toEqual([]);
  });

  it('names an address the API refuses beside the field', async () => {
    const page = await openWebhooksAs('Aaron Admin', 'en-US');
    const dialog = page.getByTestId('webhooks');
    const address = dialog.getByRole('textbox', { name: 'Address' });
    await address.fill('ftp://files.example.com/hooks');
    await dialog.getByRole('button', { name: 'Add webhook' }).click();
    await dialog
      .getByTestId('webhook-url-field')
      .getByText('Story Wall cannot send to this address.', { exact: false })
      .waitFor();
    expect(await address.getAttribute('aria-invalid')).toBe('true');
    expect(await focused(page)).toBe('webhook-url');
    expect(await dialog.getByTestId('webhook-created').count()).toBe(0);
    await dialog.getByTestId('webhooks-empty').waitFor();
    // Closed, focus is back on the button in Settings that opened it.
    await dialog.getByTestId('webhooks-close').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('webhooks-open');
  });

  it('speaks Finnish', async () => {
    const page = await openWebhooksAs('Aaron Admin', 'fi-FI');
    const dialog = page.getByTestId('webhooks');
    await dialog.getByRole('heading', { name: 'Webhookit' }).waitFor();
    await dialog.getByRole('checkbox', { name: 'Tarina julkaistu' }).waitFor();
    await dialog.getByRole('button', { name: 'Lisää webhook' }).waitFor();
    await dialog.getByText('Ei vielä webhookeja.').waitFor();
  });
});
