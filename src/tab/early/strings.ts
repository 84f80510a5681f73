import type { Messages } from '../locales/en.js';

/**
 * The strings the first script's cards use, by their keys in `src/tab/locales` (plural forms with
 * their i18next suffix). The build copies just these from `en.ts` and `fi.ts` into the first
 * script (vite.config.ts), so the locales stay the one place a string is written, and a key
 * renamed there fails the build instead of showing an empty label.
 */
export const EARLY_KEYS = [
  'app.title',
  'app.tagline',
  'app.actions',
  'app.myStories',
  'app.awards',
  'app.collections',
  'app.hallOfFame',
  'app.share',
  'wall.heading',
  'wall.count_one',
  'wall.count_other',
  'story.situation',
  'story.action',
  'story.outcome',
  'story.lesson',
  'story.customerPraise',
  'story.account',
  'story.featured',
  'story.featuredAwaiting',
  'story.source',
  'story.readMore',
  'story.sharedBy',
  'story.vote',
  'story.learn',
  'story.votes_one',
  'story.votes_other',
  'story.learnedCount_one',
  'story.learnedCount_other',
  'story.reactionLabel',
  'privacyData.formerColleague',
  'category.beyond-expectations',
  'category.care',
  'category.quick-thinking',
  'category.craftsmanship',
  'category.teamwork',
  'category.customer-praise',
] as const;

export type EarlyKey = (typeof EARLY_KEYS)[number];
export type EarlyStrings = Record<EarlyKey, string>;

/** The early keys' strings of one language; throws on a key the locale does not have. */
export function pickEarlyStrings(messages: Messages): EarlyStrings {
  const picked: Partial<EarlyStrings> = {};
  for (const key of EARLY_KEYS) {
    let value: unknown = messages;
    for (const part of key.split('.')) {
      value = (value as Record<string, unknown> | undefined)?.[part];
    }
    if (typeof value !== 'string') throw new Error(`The locale has no string "${key}"`);
    picked[key] = value;
  }
  return picked as EarlyStrings;
}

/** `{{name}}` placeholders filled in, as i18next does (no escaping: the result is text). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w{1,20})\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
