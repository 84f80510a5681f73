import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/**
 * Every view of the tab, checked with axe-core (the engine behind Accessibility Insights): no
 * serious or critical violation, in the admin's view, where every control is present.
 */

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The serious and critical violations on the page now, one line each. */
async function violations(page: Page): Promise<string[]> {
  // Run through the debugging protocol, so the tab's content security policy does not apply.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  });
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}

const VIEWS = [
  ['wall', '/', 'story-card'],
  ['my stories', '/my-stories', 'my-stories'],
  ['approvals', '/approvals', 'approvals'],
  ['awards', '/awards', 'awards'],
  ['hall of fame', '/hall-of-fame', 'hall-of-fame'],
  ['collections', '/collections', 'collections'],
  ['insights', '/insights', 'insights'],
  ['settings', '/settings', 'settings'],
  ['moderation', '/moderation', 'moderation'],
] as const;

describe.skipIf(!browserAvailable())('accessibility of every view (Chromium, axe-core)', () => {
  const app = useBrowserApp({ seed: true });

  it.each(VIEWS)('%s has no serious or critical violation', async (_name, path, testId) => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name: 'Aaron Admin' }).click();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain('Aaron');
    await page.goto(`${app.url}${path}`);
    await page.getByTestId(testId).first().waitFor();
    // Let loading states settle into the view people see.
    await page.waitForLoadState('networkidle');
    expect(await violations(page)).toEqual([]);
  });
});
