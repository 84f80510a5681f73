import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt); test tools cannot download a browser on these machines. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * Whether browser tests can run. Locally a missing Chromium skips them with a loud warning; in
 * CI (`CI=true`) it is an error, so a broken image cannot turn the e2e suite green by skipping.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  const message = `Chromium not found at ${CHROMIUM_PATH}: browser tests cannot run (apt-get install chromium).`;
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`\n!!! ${message} Skipping them.\n`);
  return false;
}

/** Headless Chromium with everything that phones home or needs a GPU switched off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
