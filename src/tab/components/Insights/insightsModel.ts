import { CATEGORIES, type CategoryId, type InsightsDto } from '../../../shared/dto.js';

/** The periods the view offers, in months ending with the current one. */
export const RANGE_CHOICES = [3, 6, 12] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number];
export const DEFAULT_RANGE: RangeChoice = 12;

/** Teams drawn in the chart; the table lists every team. */
export const TEAM_CHART_MAX = 10;

/** `YYYY-MM` of the UTC month `offset` months from `at`'s (negative: earlier). */
function monthFrom(at: Date, offset: number): string {
  const index = at.getUTCFullYear() * 12 + at.getUTCMonth() + offset;
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The range of the last `months` months, the current one (UTC, as the server counts) included.
 * Sent explicitly, so the view and the counts always agree on what "last 3 months" means.
 */
export function lastMonths(months: RangeChoice, now: Date): { from: string; to: string } {
  return { from: monthFrom(now, -(months - 1)), to: monthFrom(now, 0) };
}

/** A month for people: `Nov 2026` / `marras 2026`, in the UI language. */
export function monthLabel(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  if (year === undefined || number === undefined || Number.isNaN(year + number)) return month;
  return new Intl.DateTimeFormat(language, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
}

/** A category id the locale files name; an unknown one (from older data) is shown as it is. */
export function knownCategory(category: string): CategoryId | undefined {
  return CATEGORIES.find((known) => known === category);
}

/** True when the range holds no published story: the view shows its empty state. */
export function isEmpty(insights: Pick<InsightsDto, 'total'>): boolean {
  return insights.total === 0;
}
