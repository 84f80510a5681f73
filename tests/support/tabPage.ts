import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { StoryInput } from '../../src/shared/inputs.js';

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

/** Opens the story form from the header and waits for focus inside it. */
export async function openForm(page: Page): Promise<Locator> {
  await page.getByTestId('share-story').click();
  const form = page.getByTestId('story-form');
  await form.waitFor();
  await expect.poll(() => form.evaluate((s) => s.contains(document.activeElement))).toBe(true);
  return form;
}

/** The story form's text fields, in the order `fillValidStory` types into them. */
const TEXT_FIELDS = ['title', 'situation', 'action', 'outcome', 'lesson', 'team'] as const;

/** What `fillValidStory` types into the story form's text fields. */
export type StoryFormText = Pick<StoryInput, (typeof TEXT_FIELDS)[number]>;

const VALID_STORY: StoryFormText = {
  title: 'A parcel found before closing time',
  situation: 'A customer called just before closing, worried about a lost parcel.',
  action: 'Our agent stayed on the line and traced the parcel with the courier.',
  outcome: 'The customer got the parcel the next morning and sent a thank-you note.',
  lesson: 'Stay with the customer until the problem is solved.',
  team: 'Customer service',
};

/**
 * Fills the story form with a story that passes every check (or with `text` instead of any of
 * its texts), in the category Care, with consent given.
 */
export async function fillValidStory(
  page: Page,
  form: Locator,
  text: Partial<StoryFormText> = {},
): Promise<void> {
  const story = { ...VALID_STORY, ...text };
  for (const field of TEXT_FIELDS) {
    await form.getByTestId(`story-form-${field}`).fill(story[field]);
  }
  await form.getByTestId('story-form-category').click();
  await page.getByRole('option', { name: 'Care' }).click();
  await form.getByTestId('story-form-consent').check();
}
