import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable } from '../support/browser.js';
import { STRONG_STORIES, THIN_STORY, type CoachStory } from '../support/coachStories.js';
import { repoRoot } from '../support/paths.js';
import { useBrowserApp } from '../support/useBrowserApp.js';
import { measureInitialBundle } from './initialBundle.js';

/** The story coach in the tab's form: hints while writing, a quality word, never a blocker. */
describe.skipIf(!browserAvailable())('story coach in the story form (Chromium)', () => {
  const app = useBrowserApp({ seed: true });

  async function openForm(): Promise<{ page: Page; form: Locator }> {
    const context = await app.newContext({ locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByTestId('story-card').first().waitFor();
    await page.getByTestId('share-story').click();
    const form = page.getByTestId('story-form');
    await form.waitFor();
    return { page, form };
  }

  async function write(form: Locator, story: CoachStory): Promise<void> {
    for (const field of ['title', 'situation', 'action', 'outcome', 'lesson'] as const) {
      await form.getByTestId(`story-form-${field}`).fill(story[field]);
    }
  }

  const quality = (form: Locator) =>
    form.getByTestId('story-coach-quality').getAttribute('data-quality', { timeout: 500 });

  it('shows hints for a thin story, naming each part, and still sends it', async () => {
    const { page, form } = await openForm();
    const coach = page.getByRole('region', { name: 'Story coach' });
    expect(await coach.getByTestId('story-coach-summary').textContent()).toBe(
      'Start writing and the coach will tell you what makes your story teach.',
    );

    await write(form, THIN_STORY);
    await expect.poll(() => quality(form).catch(() => null)).toBe('weak');
    expect(await coach.getByTestId('story-coach-quality').textContent()).toBe('Weak');
    const hints = await coach.getByTestId('story-coach-hint').allTextContents();
    expect(hints).toEqual([
      'Title: Vague words (“great”, “something”, “nice”) say little. Say what exactly happened.',
      'Situation: Too short to retell: add a few words on who, where and what exactly.',
      'What was done: Too short to retell: add a few words on who, where and what exactly.',
      'How the customer reacted: Too short to retell: add a few words on who, where and what exactly.',
      'How the customer reacted: Say how the customer reacted: what did they say or do?',
      'Lesson: Too short to retell: add a few words on who, where and what exactly.',
      'Whole story: Add one concrete detail: a time, a number, a place or the customer’s own words.',
    ]);

    // For screen readers: a named region, a named progress bar saying the level in words, and a
    // polite live region with the same sentence.
    const summary = coach.getByTestId('story-coach-summary');
    expect(await summary.getAttribute('aria-live')).toBe('polite');
    expect(await summary.textContent()).toMatch(
      /^Story quality: Weak, \d+ of 100\. 7 suggestions\.$/,
    );
    const bar = coach.getByRole('progressbar', { name: 'Story quality' });
    expect(await bar.getAttribute('aria-valuetext')).toBe(await summary.textContent());
    expect(await coach.getByRole('heading', { level: 3, name: 'Story coach' }).count()).toBe(1);
    expect(
      await coach.getByRole('list', { name: 'Suggestions' }).getByRole('listitem').count(),
    ).toBe(7);

    // The coach advises; the form sends the story as it is.
    await form.getByTestId('story-form-team').fill('Customer service');
    await form.getByTestId('story-form-category').click();
    await page.getByRole('option', { name: 'Care' }).click();
    await form.getByTestId('story-form-consent').check();
    await form.getByTestId('story-form-submit').click();
    await page.getByTestId('toast').filter({ hasText: 'Story sent for approval' }).waitFor();
    await form.waitFor({ state: 'detached' });
  });

  it('calls a full story strong, with nothing to add', async () => {
    const { page, form } = await openForm();
    await write(form, THIN_STORY);
    await expect.poll(() => quality(form).catch(() => null)).toBe('weak');

    await write(form, STRONG_STORIES.jacketEn);
    await expect.poll(() => quality(form).catch(() => null)).toBe('strong');
    const coach = page.getByRole('region', { name: 'Story coach' });
    expect(await coach.getByTestId('story-coach-quality').textContent()).toBe('Strong');
    expect(await coach.getByTestId('story-coach-hint').count()).toBe(0);
    expect(await coach.getByTestId('story-coach-all-good').isVisible()).toBe(true);
    expect(await coach.getByTestId('story-coach-summary').textContent()).toBe(
      'Story quality: Strong, 100 of 100. No suggestions.',
    );
    const verdicts = await coach
      .getByTestId('story-coach-part')
      .evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-verdict')));
    expect(verdicts).toEqual(['good', 'good', 'good', 'good']);
  });
});

describe('the story coach in the tab bundle', () => {
  it('travels with the story form, not in the initial JavaScript', () => {
    const dist = path.join(repoRoot, 'dist/tab');
    // A stem of the coach's word lists that no other code or string of the tab holds.
    const holdsCoach = (file: string) =>
      readFileSync(path.join(dist, file), 'utf8').includes('matkustaj');
    const initial = measureInitialBundle(dist).files.map((f) => f.file);
    const scripts = readdirSync(path.join(dist, 'assets'))
      .filter((file) => file.endsWith('.js'))
      .map((file) => `assets/${file}`);
    expect(scripts.filter(holdsCoach)).toEqual([expect.stringMatching(/^assets\/StoryForm-/)]);
    expect(initial.filter(holdsCoach)).toEqual([]);
  });
});
