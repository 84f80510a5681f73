import { createInstance, type TFunction } from 'i18next';
import { isPseudonym, type Locale, type Story } from '../domain/index.js';
import { en } from './locales/en.js';
import { fi } from './locales/fi.js';

/** A translation function fixed to one locale. */
export type Translate = TFunction;

// A private instance, so the bot never shares language state with other code in the process.
const i18n = createInstance({
  resources: { en: { translation: en }, fi: { translation: fi } },
  lng: 'en',
  fallbackLng: 'en',
  // Resources are bundled, so initialisation completes synchronously; the promise only reports it.
  initAsync: false,
  // Texts go into Adaptive Card markdown, not HTML; user values are escaped by the card builders.
  interpolation: { escapeValue: false },
});
void i18n.init();

/** The translation function of `locale`. */
export function translator(locale: Locale): Translate {
  return i18n.getFixedT(locale);
}

/** The author as cards show them: an erased one is "a former colleague", in the card's language. */
export function authorNameOf(story: Pick<Story, 'authorId' | 'authorName'>, t: Translate): string {
  return isPseudonym(story.authorId) ? t('story.formerColleague') : story.authorName;
}

/** The bot's language for a Teams locale such as `fi-FI` or `en-US`: Finnish or English. */
export function localeOf(activityLocale: string | undefined): Locale {
  return activityLocale?.trim().toLowerCase().startsWith('fi') ? 'fi' : 'en';
}
