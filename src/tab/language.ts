import { LOCALES, type LocaleDto } from '../shared/dto.js';
import type { HostInfo } from './teams/host.js';

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
