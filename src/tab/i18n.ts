import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type LocaleDto } from '../shared/dto.js';
import { en, type Messages } from './locales/en.js';

type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type WithoutPlural<K extends string> = K extends `${infer Base}_${'one' | 'other'}` ? Base : K;

/**
 * Every key of the tab's strings (`wall.count` for `wall.count_one`/`_other`). The tab checks
 * its keys through `useT` rather than i18next's global `CustomTypeOptions`, which would also
 * retype the bot's own i18next instance in this project.
 */
export type MessageKey = WithoutPlural<Leaves<typeof en>>;

export {
  languageFor,
  loadLanguageChoice,
  resolveLanguage,
  saveLanguageChoice,
  toLocale,
} from './language.js';

/**
 * The strings of one language. English is the fallback and in the first bundle; the others are
 * chunks of their own, so nobody downloads a language they do not read.
 */
function loadMessages(language: LocaleDto): Promise<Messages> {
  switch (language) {
    case 'en':
      return Promise.resolve(en);
    case 'fi':
      return import('./locales/fi.js').then((m) => m.fi);
  }
}

/** Makes sure the instance has the language's strings, e.g. before switching to it. */
export async function loadLanguage(i18n: I18n, language: LocaleDto): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  i18n.addResourceBundle(language, 'translation', await loadMessages(language));
}

/** One i18next instance for the tab, bound to React, with English and the language in use. */
export async function createI18n(language: LocaleDto): Promise<I18n> {
  const instance = i18next.createInstance();
  const messages = await loadMessages(language);
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...LOCALES],
    resources: { en: { translation: en }, [language]: { translation: messages } },
    // React escapes every text it renders; escaping here too would show `&amp;` to users.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
