import { PSEUDONYM_PREFIX, type PersonDto } from '../shared/dto.js';
import type { Translate } from './hooks/useT.js';

/**
 * One formatter per language and kind, made once: building an `Intl` formatter costs far more
 * than using one, and the wall formats a date on each of its 30 cards.
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cachedFormatter<T extends Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** A date for people: `12 Mar 2025` / `12.3.2025`, in the UI language. */
export function formatDate(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cachedFormatter(
    `date ${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium' }),
  ).format(date);
}

/** The link of a story, only when it is an http(s) address; anything else is not a link. */
export function safeWebUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A month (`YYYY-MM`) for people: `November 2026` / `marraskuu 2026`, in the UI language.
 * Anything that is not a month is shown as it is.
 */
export function formatMonth(month: string, language: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const number = Number(match?.[2]);
  if (!match || number < 1 || number > 12) return month;
  return new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(Number(match[1]), number - 1, 1)));
}

/** A moment for people, to the minute: `12 Mar 2025, 14:05` / `12.3.2025 klo 14.05`. */
export function formatDateTime(iso: string | undefined, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  return cachedFormatter(
    `dateTime ${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  ).format(date);
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.35],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/**
 * How long ago (or how far ahead) a moment is, in the largest unit that fits: `3 hours ago` /
 * `3 tuntia sitten`, `now` / `nyt`. `now` is passed in so a list shows one consistent time.
 */
export function formatRelative(iso: string | undefined, language: string, now: number): string {
  if (!iso) return '';
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return '';
  const format = cachedFormatter(
    `relative ${language}`,
    () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }),
  );
  let amount = (at - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(iso, language);
}

/**
 * A person's name as shown: an erased person, kept as the author or actor of what stays (their
 * id a pseudonym), is "a former colleague" in the reader's language.
 */
export function personName(person: PersonDto, t: Translate): string {
  return person.id.startsWith(PSEUDONYM_PREFIX)
    ? t('privacyData.formerColleague')
    : person.displayName;
}
