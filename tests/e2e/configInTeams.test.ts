import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * `/config` inside a stand-in for Teams: a same-origin parent page that answers the teams-js
 * messages the configuration page sends (the real teams-js runs in the tab), and presses Save.
 */
const FAKE_HOST = `<!doctype html>
<html><body>
<iframe id="tab" src="/config" style="width:40rem;height:30rem"></iframe>
<script>
  const frame = document.getElementById('tab');
  window.hostLog = [];
  window.saveResult = null;
  const reply = (message, args) =>
    frame.contentWindow.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, '*');
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (!message || typeof message.func !== 'string') return;
    window.hostLog.push({ func: message.func, args: message.args });
    switch (message.func) {
      case 'initialize':
        reply(message, ['settings', 'web', JSON.stringify({ apiVersion: 4, supports: { pages: { config: {} } } }), '2.58.0']);
        break;
      case 'getContext':
        reply(message, [{ locale: 'fi-FI', theme: 'dark', frameContext: 'settings', hostClientType: 'web' }]);
        break;
      case 'settings.getSettings':
        reply(message, [{ contentUrl: new URLSearchParams(location.search).get('saved') ?? '' }]);
        break;
      case 'settings.setSettings':
        reply(message, [window.failSave !== true, window.failSave === true ? 'host said no' : null]);
        break;
      case 'settings.save.success':
        window.saveResult = { ok: true };
        break;
      case 'settings.save.failure':
        window.saveResult = { ok: false, reason: message.args[0] };
        break;
    }
  });
  window.pressSave = () => frame.contentWindow.postMessage({ func: 'settings.save', args: [{}] }, '*');
</script>
</body></html>`;

interface HostMessage {
  func: string;
  args: unknown[];
}

describe.skipIf(!browserAvailable())('configuration page in a Teams stand-in (Chromium)', () => {
  const app = useBrowserApp({ seed: false });

  /** `saved`: the content URL of an existing tab whose settings are reopened. */
  async function openInHost(saved = ''): Promise<Page> {
    const context = await app.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    await page.route(`${app.url}/fake-teams-host?*`, (route) =>
      route.fulfill({ contentType: 'text/html', body: FAKE_HOST }),
    );
    await page.goto(`${app.url}/fake-teams-host?saved=${encodeURIComponent(saved)}`);
    return page;
  }

  const hostLog = (page: Page) =>
    page.evaluate(() => (window as unknown as { hostLog: HostMessage[] }).hostLog);

  it('explains the tab in the Teams language, and saves the chosen filter', async () => {
    const page = await openInHost();
    const tab = page.frameLocator('#tab');
    await tab.getByTestId('config-category').waitFor();

    expect(await tab.getByRole('heading', { level: 1 }).textContent()).toBe(
      'Tarinaseinä tällä kanavalla',
    );
    expect(await tab.getByTestId('config-unavailable').count()).toBe(0);
    expect(await tab.locator('[data-theme="dark"]').count()).toBe(1); // Teams' theme
    await expect
      .poll(async () => (await hostLog(page)).find((m) => m.func === 'settings.setValidityState'))
      .toEqual({ func: 'settings.setValidityState', args: [true] });

    await tab.getByTestId('config-category').click();
    await tab.getByRole('option', { name: 'Välittäminen' }).click();
    await tab.getByTestId('config-team').fill('Asiakaspalvelu');
    await page.evaluate(() => (window as unknown as { pressSave: () => void }).pressSave());

    await expect
      .poll(() => page.evaluate(() => (window as unknown as { saveResult: unknown }).saveResult))
      .toEqual({ ok: true });
    const saved = (await hostLog(page)).find((m) => m.func === 'settings.setSettings');
    expect(saved?.args[0]).toEqual({
      entityId: 'story-wall',
      suggestedDisplayName: 'Tarinaseinä',
      contentUrl: `${app.url}/?context=channel&category=care&team=Asiakaspalvelu`,
      websiteUrl: app.url,
    });
  });

  it('tells Teams why saving failed', async () => {
    const page = await openInHost();
    const tab = page.frameLocator('#tab');
    await tab.getByTestId('config-category').waitFor();
    await page.evaluate(() => {
      const host = window as unknown as { failSave: boolean; pressSave: () => void };
      host.failSave = true;
      host.pressSave();
    });
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { saveResult: unknown }).saveResult))
      .toEqual({ ok: false, reason: 'Välilehden tallentaminen epäonnistui. Yritä uudelleen.' });
  });

  it('starts reopened settings from what the tab saved', async () => {
    const page = await openInHost(`${app.url}/?context=channel&category=teamwork&team=Logistics`);
    const tab = page.frameLocator('#tab');
    await expect.poll(() => tab.getByTestId('config-team').inputValue()).toBe('Logistics');
    expect(await tab.getByTestId('config-category').textContent()).toContain('Yhteistyö');
  });
});
