import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type LocaleDto } from '../shared/dto.js';
import { en, type Messages } from './locales/en.js';
import type { HostInfo } from './teams/host.js';

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

const LANGUAGE_KEY = 'storywall.language';

/** `fi-FI` → `fi`; anything we have no strings for → undefined. */
export function toLocale(tag: string | undefined | null): LocaleDto | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LOCALES.find((locale) => locale === base);
}

/** The first supported language among the candidates, else English. */
export function resolveLanguage(...candidates: (string | undefined | null)[]): LocaleDto {
  for (const candidate of candidates) {
    const locale = toLocale(candidate);
    if (locale) return locale;
  }
  return 'en';
}

/** The UI language: inside Teams the Teams locale decides; in a browser the switcher's choice. */
export function languageFor(host: Pick<HostInfo, 'inTeams' | 'locale'>): LocaleDto {
  return host.inTeams
    ? resolveLanguage(host.locale)
    : resolveLanguage(loadLanguageChoice(), host.locale);
}

/** The language picked with the browser-mode switcher, if any. */
export function loadLanguageChoice(): LocaleDto | undefined {
  try {
    return toLocale(window.localStorage.getItem(LANGUAGE_KEY));
  } catch {
    return undefined;
  }
}

export function saveLanguageChoice(locale: LocaleDto): void {
  try {
    window.localStorage.setItem(LANGUAGE_KEY, locale);
  } catch {
    // Only this page keeps the choice.
  }
}

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
