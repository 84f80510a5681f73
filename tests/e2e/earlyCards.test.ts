import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USER_IDS } from '../../src/demo/demoUsers.js';
import type { StoryDto, WallPageDto } from '../../src/shared/dto.js';
import { en } from '../../src/tab/locales/en.js';
import { fi } from '../../src/tab/locales/fi.js';
import { axeViolations } from '../support/axe.js';
import { browserAvailable } from '../support/browser.js';
import { callAs } from '../support/http.js';
import { useBrowserApp } from '../support/useBrowserApp.js';

/** Cards the first script draws (src/tab/early/earlyCards.ts: EARLY_CARDS). */
const EARLY_CARDS = 12;

type Box = [number, number, number, number];

/**
 * The tab's first script draws the header and the first story cards from the first page while
 * the app's bundle is still on its way: these tests hold the app's entry script back, so only
 * the first script can have drawn what they see. Then the app takes over in place: the same
 * cards at the same places, never both at once.
 */
describe.skipIf(!browserAvailable())('the first cards before the app (Chromium)', () => {
  const app = useBrowserApp({ seed: true });
  // Text that would be markup if it were ever treated as HTML.
  const markupTitle = '<img src=x onerror="window.__injected=1"> <b>Tags</b> stay text';
  let story: StoryDto;
  let firstPage: WallPageDto;

  beforeAll(async () => {
    story = await callAs<StoryDto>(app.url, DEMO_USER_IDS.employee, 'POST', '/api/stories', {
      title: markupTitle,
      situation: 'A customer wrote <script>alert(1)</script> in the feedback form.',
      action: 'Our host read the form out loud and answered every question.',
      outcome: 'The customer laughed and booked the next event with us.',
      lesson: 'Read what the customer wrote, <em>all</em> of it.',
      team: 'Events',
      category: 'care',
      consent: true,
    });
    await callAs(app.url, DEMO_USER_IDS.manager, 'POST', `/api/stories/${story.id}/decision`, {
      decision: 'approve',
    });
    // The page the tab's first script asks for: no demo person picked, no filters.
    const response = await fetch(`${app.url}/api/stories?limit=30`, {
      headers: { accept: 'application/json' },
    });
    firstPage = (await response.json()) as WallPageDto;
  });

  /** Opens the tab with the app's entry script held back until `release` is called. */
  async function openHeld(
    locale: string,
  ): Promise<{ page: Page; context: BrowserContext; release: () => void }> {
    const context = await app.newContext({
      locale,
      colorScheme: 'light',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    let release = () => undefined as void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      (url) => /^\/assets\/index-[\w-]+\.js$/.test(url.pathname),
      async (route) => {
        await released;
        await route.continue();
      },
    );
    await page.goto(app.url, { waitUntil: 'commit' });
    await page.getByTestId('early-story-card').first().waitFor({ timeout: 15_000 });
    return { page, context, release };
  }

  const cases = [
    { locale: 'en-US', messages: en },
    { locale: 'fi-FI', messages: fi },
  ] as const;

  for (const { locale, messages } of cases) {
    it(`shows real story cards while the app's bundle is held back (${locale})`, async () => {
      const { page, context, release } = await openHeld(locale);
      try {
        expect(firstPage.items[0]?.id).toBe(story.id);
        const cards = page.getByTestId('early-story-card');
        expect(await cards.count()).toBe(Math.min(EARLY_CARDS, firstPage.items.length));
        // The newest story first, its title as the text it is: no element made of it.
        const first = cards.first();
        expect(await first.getByRole('heading', { level: 3 }).textContent()).toBe(markupTitle);
        expect(
          await page.locator('#early-wall img, #early-wall script, #early-wall b').count(),
        ).toBe(0);
        expect(await page.evaluate(() => 'injected' in window)).toBe(false);
        expect(await first.getByRole('definition').first().textContent()).toBe(story.situation);
        // In the reader's language.
        expect(await first.getByRole('term').allTextContents()).toEqual([
          messages.story.situation,
          messages.story.action,
          messages.story.outcome,
        ]);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
          messages.app.title,
        );
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
        // "Read the whole story" already works: it opens the story's address.
        const readMore = first.getByRole('link', { name: messages.story.readMore });
        expect(await readMore.getAttribute('href')).toBe(`/?story=${story.id}`);
        // Nothing acts before the app: the header's buttons and the reactions are disabled.
        for (const button of await page.getByRole('button').all()) {
          expect(await button.isDisabled()).toBe(true);
        }
        // The app has not run: its root is empty and hidden; the first stories are marked.
        expect(await page.locator('#root').evaluate((root) => (root as HTMLElement).hidden)).toBe(
          true,
        );
        expect(await page.getByTestId('story-card').count()).toBe(0);
        expect(
          await page.evaluate(() => performance.getEntriesByName('storywall:first-stories').length),
        ).toBe(1);
      } finally {
        release();
        await context.close();
      }
    });
  }

  it('is accessible and reachable by keyboard before the app runs', async () => {
    const { page, context, release } = await openHeld('en-US');
    try {
      expect(await axeViolations(page)).toEqual([]);
      // The header's buttons are disabled: the first stop is the first story's link.
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => ({
        text: document.activeElement?.textContent ?? null,
        describedBy: document.activeElement?.getAttribute('aria-describedby') ?? '',
      }));
      expect(focused.text).toBe(en.story.readMore);
      expect(
        await page.evaluate(
          (id: string) => document.getElementById(id)?.textContent ?? null,
          focused.describedBy,
        ),
      ).toBe(markupTitle);
    } finally {
      release();
      await context.close();
    }
  });

  it('gives way to the app in place: the same cards at the same places, never both', async () => {
    const { page, context, release } = await openHeld('en-US');
    try {
      // When the first cards leave, the app's cards as the next frame will show them.
      await page.evaluate(() => {
        const root = document.getElementById('root');
        new MutationObserver((records, observer) => {
          const removed = records.some((record) =>
            [...record.removedNodes].some((node) => (node as Element).id === 'early-wall'),
          );
          if (!removed) return;
          observer.disconnect();
          (window as unknown as { takeover: unknown }).takeover = {
            rootHidden: root?.hidden,
            cards: [...document.querySelectorAll('[data-testid="story-card"]')].map((card) => {
              const box = card.getBoundingClientRect();
              return [box.x, box.y, box.width, box.height];
            }),
          };
        }).observe(document.body, { childList: true });
      });
      const early = await page.getByTestId('early-story-card').evaluateAll((cards) =>
        cards.map((card) => {
          const box = card.getBoundingClientRect();
          return [box.x, box.y, box.width, box.height] as Box;
        }),
      );
      release();
      await page.getByTestId('early-wall').waitFor({ state: 'detached', timeout: 15_000 });
      const takeover = (await page.evaluate(
        () => (window as unknown as { takeover: unknown }).takeover,
      )) as { rootHidden: boolean; cards: Box[] };
      expect(takeover.rootHidden).toBe(false);
      expect(takeover.cards.length).toBe(early.length);
      takeover.cards.forEach((box, index) => {
        box.forEach((value, side) => expect(value).toBeCloseTo(early[index]?.[side] ?? NaN, 0));
      });
      // Only the app's cards from then on, each story once, and the first stories marked once.
      expect(await page.getByTestId('early-story-card').count()).toBe(0);
      const ids = await page
        .getByTestId('story-card')
        .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-story-id')));
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids[0]).toBe(story.id);
      expect(
        await page.evaluate(() => performance.getEntriesByName('storywall:first-stories').length),
      ).toBe(1);
    } finally {
      release();
      await context.close();
    }
  });
});
