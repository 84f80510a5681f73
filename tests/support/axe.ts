import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core (the engine behind Accessibility Insights), injected into pages under test. */
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

/**
 * The serious and critical violations on the page now, one line each; with `selector`, in that
 * part of the page only.
 */
export async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  // A dialog still fading in has half its opacity, which axe reads as too little contrast: wait
  // for the animations that end (not a spinner's, which never does), at most two seconds.
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2_000)),
    ]),
  );
  // Run through the debugging protocol, so the tab's content security policy does not apply.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (within) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const context = within ? { include: [within] } : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations;
  }, selector);
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
}
