import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto } from '../../src/shared/dto.js';
import { browserAvailable } from '../support/browser.js';
import { checkEveryView, NOTHING_ON_ANY_VIEW } from '../support/tabViews.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { callAs } from '../support/http.js';

/**
 * The tab's layout and labelling as a demanding user meets them in Chromium: the filter row at
 * every common width, long words in the detail view, labels and names of controls, landmarks,
 * one error when the API is down, and local mode without demo data.
 */

const { employee, manager } = DEMO_USER_IDS;

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeViolation {
  id: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The violations of the named axe rules on the page now, one line per element. Rules axe marks
 * experimental (`label-content-name-mismatch`) run only when enabled by name, as here.
 */
async function axeViolations(page: Page, rules: readonly string[]): Promise<string[]> {
  // Run through the debugging protocol, so the tab's content security policy does not apply.
  await page.evaluate(axeSource);
  const found = await page.evaluate(async (ids) => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'rule', values: ids },
      rules: Object.fromEntries(ids.map((id) => [id, { enabled: true }])),
      resultTypes: ['violations'],
    });
    return result.violations;
  }, rules);
  return found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

/** Rules about controls' names: labels that name their field, and names that say what shows. */
const NAME_RULES = [
  'label',
  'select-name',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'button-name',
  'input-button-name',
  'label-content-name-mismatch',
] as const;

/**
 * Buttons and links whose accessible name does not contain their visible text (WCAG 2.5.3,
 * "Label in Name"): axe's experimental rule, and the same comparison made directly.
 */
async function namesHidingText(page: Page): Promise<string[]> {
  const found = await axeViolations(page, ['label-content-name-mismatch', 'button-name']);
  const direct = await page.evaluate(() => {
    const norm = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
    // A combobox shows its value, not its name; its label is the text beside it.
    const buttons = 'button:not([role]), [role="button"], a[href]:not([role])';
    return [...document.querySelectorAll(buttons)]
      .filter((node) => node instanceof HTMLElement && node.offsetParent !== null)
      .flatMap((node) => {
        const labelledBy = node.getAttribute('aria-labelledby');
        const name = labelledBy
          ? labelledBy
              .split(/\s+/)
              .map((id) => document.getElementById(id)?.textContent ?? '')
              .join(' ')
          : node.getAttribute('aria-label');
        const visible = norm((node as HTMLElement).innerText);
        if (name === null || visible === '') return [];
        return norm(name).includes(visible) ? [] : [`"${visible}" named "${name}"`];
      });
  });
  return [...found, ...direct];
}

/**
 * `label[for]` that point at no element, and form fields without an accessible name (as
 * Chromium's own accessibility tree computes it), on the page now.
 */
async function unlabelled(page: Page): Promise<string[]> {
  const dangling = await page.evaluate(() =>
    [...document.querySelectorAll('label[for]')]
      .filter((label) => !document.getElementById(label.getAttribute('for') ?? ''))
      .map((label) => `label for="${label.getAttribute('for')}" (${label.textContent})`),
  );
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
    nodes: {
      ignored: boolean;
      role?: { value: string };
      name?: { value: string };
      backendDOMNodeId?: number;
    }[];
  };
  await cdp.detach();
  const fields = new Set([
    'textbox',
    'searchbox',
    'combobox',
    'listbox',
    'checkbox',
    'radio',
    'switch',
    'spinbutton',
    'slider',
  ]);
  const nameless = nodes
    .filter((node) => !node.ignored && fields.has(node.role?.value ?? ''))
    .filter((node) => !node.name?.value.trim())
    .map((node) => `${node.role?.value} without a name (node ${node.backendDOMNodeId})`);
  return [...dangling, ...nameless];
}

describe.skipIf(!browserAvailable())('layout and labels of the tab (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  const call = <T>(method: string, path: string, user: string, body?: unknown): Promise<T> =>
    callAs<T>(app.url, user, method, path, body);

  async function openTab(width = 1280, path = '/', locale = 'en-US'): Promise<Page> {
    const context = await app.newContext({
      locale,
      colorScheme: 'light',
      viewport: { width, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${app.url}${path}`);
    return page;
  }

  async function actAs(page: Page, name: string): Promise<void> {
    await page.getByTestId('user-switcher').click();
    await page.getByRole('option', { name }).click();
    await expect
      .poll(() => page.getByTestId('user-switcher').textContent())
      .toContain(name.split(' ')[0]);
  }

  it.each([320, 768, 1024, 1280])(
    'the filter row at %i px: no two controls overlap and nothing overflows the page',
    async (width) => {
      const page = await openTab(width);
      await page.getByTestId('story-card').first().waitFor();
      // A filter set brings "Clear filters" into the row as well; Most voted needs no privacy mode.
      await page.getByTestId('filter-account').fill('Northwind');
      await page.getByTestId('filter-clear').waitFor();
      await page.getByTestId('filter-sort').waitFor();

      const measured = await page.getByTestId('wall-filters').evaluate((form) => {
        const box = (node: Element) => {
          const r = node.getBoundingClientRect();
          const name =
            node.getAttribute('data-testid') ??
            (node.getAttribute('class') ?? '').split(' ')[0] ??
            '';
          return { name, left: r.left, right: r.right, top: r.top, bottom: r.bottom };
        };
        // Each field of the row, and each control itself (a control may outgrow its field).
        const fields = [...form.children].map(box);
        const controls = [...form.querySelectorAll('[data-testid^="filter-"]')].map((node) => {
          // Fluent puts the test id on the native input; its visible box is the wrapper around it.
          const wrapper = node.closest(
            '.fui-Input, .fui-SearchBox, .fui-Select, .fui-Combobox, .fui-Dropdown',
          );
          return { ...box(wrapper ?? node), name: node.getAttribute('data-testid') ?? '' };
        });
        return {
          fields,
          controls,
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        };
      });
      expect(measured.controls.map((c) => c.name).sort()).toEqual(
        [
          'filter-account',
          'filter-category',
          'filter-clear',
          'filter-language',
          'filter-month',
          'filter-search',
          'filter-sort',
          'filter-team',
        ].sort(),
      );
      const overlaps: string[] = [];
      for (const boxes of [measured.fields, measured.controls]) {
        boxes.forEach((a, i) =>
          boxes.slice(i + 1).forEach((b) => {
            const overlap =
              a.left < b.right - 0.5 &&
              b.left < a.right - 0.5 &&
              a.top < b.bottom - 0.5 &&
              b.top < a.bottom - 0.5;
            if (overlap) overlaps.push(`${a.name} × ${b.name}`);
          }),
        );
        for (const b of boxes) {
          if (b.left < 0 || b.right > measured.innerWidth + 0.5) overlaps.push(`${b.name} outside`);
        }
      }
      expect(overlaps).toEqual([]);
      expect(measured.scrollWidth).toBeLessThanOrEqual(measured.innerWidth);
    },
  );

  it.each([320, 1024])('a long unbroken word wraps in the story detail at %i px', async (width) => {
    const word = (length: number) => 'Asiakaskokemusjohtaminen'.repeat(10).slice(0, length);
    const created = await call<StoryDto>('POST', '/api/stories', employee, {
      title: word(120),
      situation: `${word(200)} was the word the customer wrote on the feedback form.`,
      action: 'Our host read it out loud and the whole crew learned to say it.',
      outcome: 'The customer laughed and booked the next event with us.',
      lesson: word(200),
      team: 'Events',
      category: 'beyond-expectations',
      consent: true,
    });
    await call('POST', `/api/stories/${created.id}/decision`, manager, { decision: 'approve' });

    const page = await openTab(width, `/?story=${created.id}`);
    const detail = page.getByTestId('story-detail');
    await detail.getByTestId('story-lesson').waitFor();
    const overflowing = await detail.evaluate((surface) => {
      const wide = (node: Element) => node.scrollWidth > node.clientWidth + 1;
      const parts = [
        surface,
        ...surface.querySelectorAll(
          '.fui-DialogTitle, .fui-DialogContent, [data-testid="story-situation"], [data-testid="story-lesson"]',
        ),
      ];
      const found = parts
        .filter(wide)
        .map(
          (node) =>
            `${(node.getAttribute('class') ?? '').split(' ')[0]} ${node.scrollWidth}>${node.clientWidth}`,
        );
      const box = surface.getBoundingClientRect();
      if (box.right > window.innerWidth + 0.5) found.push('dialog wider than the page');
      if (document.documentElement.scrollWidth > window.innerWidth) found.push('page scrolls');
      return found;
    });
    expect(overflowing).toEqual([]);
  });

  it('every label points at a field and every field has a name: wall, story form, settings', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    await actAs(page, 'Aaron Admin');
    expect(await unlabelled(page)).toEqual([]);

    await page.getByTestId('share-story').click();
    await page.getByTestId('story-form').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await unlabelled(page)).toEqual([]);
    expect(await axeViolations(page, NAME_RULES)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('story-form').waitFor({ state: 'detached' });

    // Reporting a story, from its detail view.
    await page.getByTestId('story-card').first().getByTestId('story-open').click();
    await page.getByTestId('story-detail').getByTestId('story-report').click();
    await page.getByTestId('report-dialog').waitFor();
    expect(await unlabelled(page)).toEqual([]);

    await page.goto(`${app.url}/settings`);
    await page.getByTestId('settings').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await unlabelled(page)).toEqual([]);
    expect(await axeViolations(page, NAME_RULES)).toEqual([]);
    // Every way a stage names its approvers, and a grant to a group as well as to a person.
    const settings = page.getByTestId('settings');
    for (const kind of ['people', 'group', 'role'] as const) {
      await settings.locator(`[data-testid$="-kind-${kind}"]`).first().check();
      expect(await unlabelled(page)).toEqual([]);
    }
    await settings.getByTestId('settings-grant-kind-group').check();
    expect(await unlabelled(page)).toEqual([]);

    await settings.getByTestId('webhooks-open').click();
    await page.getByTestId('webhooks').getByTestId('webhook-url').waitFor();
    expect(await unlabelled(page)).toEqual([]);

    await page.goto(`${app.url}/approvals`);
    await page.getByTestId('delegation-open').click();
    await page.getByTestId('delegation-dialog').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await unlabelled(page)).toEqual([]);
  });

  it('the wall has at most one "Lesson" landmark, and each card still reads its lesson', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').nth(1).waitFor();
    expect(await page.getByRole('region', { name: 'Lesson' }).count()).toBeLessThanOrEqual(1);
    const card = page.getByTestId('story-card').first();
    // The lesson keeps its visible label, and assistive technology reads that label too.
    const label = card.getByText('Lesson', { exact: true });
    expect(await label.isVisible()).toBe(true);
    expect(await label.evaluate((node) => node.closest('[aria-hidden="true"]') === null)).toBe(
      true,
    );
    expect(await card.getByTestId('story-lesson').isVisible()).toBe(true);
  });

  it.each(['en-US', 'fi-FI'] as const)(
    "every view: every button's accessible name contains its visible text (%s)",
    async (locale) => {
      const page = await openTab(1280, '/', locale);
      await page.getByTestId('story-card').first().waitFor();
      await actAs(page, 'Aaron Admin');
      // One page visits every view in turn, as an admin would; the answer names each view.
      expect(await checkEveryView(page, app.url, namesHidingText)).toEqual(NOTHING_ON_ANY_VIEW);
    },
  );

  it("the collection editor's buttons name what they show, with stories found and added", async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    await actAs(page, 'Aaron Admin');
    await page.goto(`${app.url}/collections`);
    await page.getByTestId('collection-create').click();
    const editor = page.getByTestId('collection-editor');
    await editor.getByTestId('collection-search').fill('customer');
    await editor.getByTestId('collection-add').first().click();
    await editor.getByTestId('collection-editor-story').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await namesHidingText(page)).toEqual([]);
  });

  it("an approver's queue names what its buttons show", async () => {
    await call('POST', '/api/stories', employee, {
      title: 'Keys found before the flight',
      situation: 'A guest left the car keys in the cloakroom and was already on the airport bus.',
      action: 'Our cloakroom worker took a taxi and met the guest at the check-in desk.',
      outcome: 'The guest flew home with the keys and wrote to thank the whole team.',
      lesson: 'A small errand at the right moment is remembered for years.',
      team: 'Venue services',
      category: 'beyond-expectations',
      consent: true,
    });
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    await actAs(page, 'Mikko Manager');
    await page.goto(`${app.url}/approvals`);
    await page.getByTestId('approval-item').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await namesHidingText(page)).toEqual([]);
  });

  it('the name check finds a button whose name hides its visible text', async () => {
    const page = await openTab();
    await page.getByTestId('story-card').first().waitFor();
    await page.evaluate(() => {
      const button = document.createElement('button');
      button.textContent = 'Send';
      button.setAttribute('aria-label', 'Close the wall');
      document.querySelector('main')?.append(button);
    });
    expect(await namesHidingText(page)).toEqual([
      'label-content-name-mismatch: button[aria-label="Close the wall"]',
      '"send" named "Close the wall"',
    ]);
  });

  it('with the API down shows one error and one retry, and the retry works once it is back', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(app.url);
    const errors = page.locator('.fui-MessageBar');
    const retries = page.getByRole('button', { name: 'Try again' });
    await errors.first().waitFor();
    await page.waitForLoadState('networkidle');
    // Give any second error a moment to appear.
    await page.waitForTimeout(500);
    expect(await errors.count()).toBe(1);
    expect(await retries.count()).toBe(1);

    await page.unroute('**/api/**');
    await retries.click();
    await page.getByTestId('story-card').first().waitFor();
    await expect.poll(() => errors.count()).toBe(0);
    await expect.poll(() => page.getByTestId('share-story').isEnabled()).toBe(true);
  });
});

describe.skipIf(!browserAvailable())('local mode without demo data (Chromium)', () => {
  const app = useBrowserApp({ seed: false });

  it('shows the empty wall and never asks anyone to sign in again', async () => {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('wall-empty').waitFor();
    await expect.poll(() => page.getByTestId('share-story').isEnabled()).toBe(true);
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(/sign in again/i).count()).toBe(0);
    expect(await page.locator('.fui-MessageBar').count()).toBe(0);

    // A demo person this browser chose earlier is known too, not sent back to the default.
    await context.addInitScript((id) => localStorage.setItem('storywall.devUser', id), manager);
    await page.reload();
    await page.getByTestId('wall-empty').waitFor();
    await expect.poll(() => page.getByTestId('user-switcher').textContent()).toContain('Mikko');
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(/sign in again/i).count()).toBe(0);
    expect(await page.locator('.fui-MessageBar').count()).toBe(0);
  });
});
