import { DomainError } from '../errors.js';
import type { InsightsDeps, MonthTally } from '../ports.js';
import { hasRole, type Actor } from '../user.js';

/** The longest range one request may count; it bounds the month partitions read. */
export const INSIGHTS_MAX_MONTHS = 24;
/** The range when none is asked for: the last 12 months, the current one included. */
export const INSIGHTS_DEFAULT_MONTHS = 12;

/** Which months to count, `YYYY-MM` both ends included; either end may be left out. */
export interface InsightsRange {
  readonly from?: string;
  readonly to?: string;
}

export interface MonthCount {
  readonly month: string;
  readonly count: number;
}

export interface TeamCount {
  readonly team: string;
  readonly count: number;
}

export interface CategoryCount {
  readonly category: string;
  readonly count: number;
}

/**
 * Published stories counted per month (every month of the range), team and category. Nothing is
 * counted per person (author, voter, featured colleague) nor by votes, so privacy mode leaves it
 * as it is; keep it so.
 */
export interface Insights {
  readonly from: string;
  readonly to: string;
  readonly total: number;
  /** Oldest first, a month without stories included with 0. */
  readonly months: readonly MonthCount[];
  /** Most stories first; teams and categories without stories are left out. */
  readonly teams: readonly TeamCount[];
  readonly categories: readonly CategoryCount[];
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * Counts of the stories published in a range of months, for editors and admins. `to` defaults to
 * the current month (UTC, from the clock) and `from` to 11 months before `to`; at most
 * `INSIGHTS_MAX_MONTHS` months, `from` not after `to`.
 */
export async function getInsights(
  deps: InsightsDeps,
  actor: Actor,
  range: InsightsRange = {},
): Promise<Insights> {
  if (!hasRole(actor, 'editor') && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only editors and admins see insights.');
  }
  const now = deps.clock.now();
  const current = now.getUTCFullYear() * 12 + now.getUTCMonth();
  const to = range.to !== undefined ? monthIndex(range.to, 'to') : current;
  const from =
    range.from !== undefined ? monthIndex(range.from, 'from') : to - INSIGHTS_DEFAULT_MONTHS + 1;
  if (from > to || from < 0) {
    throw new DomainError('validation', 'The range must not start after it ends.', {
      field: 'from',
    });
  }
  if (to - from + 1 > INSIGHTS_MAX_MONTHS) {
    throw new DomainError('validation', `Ask for at most ${INSIGHTS_MAX_MONTHS} months.`, {
      field: 'from',
    });
  }

  const months = Array.from({ length: to - from + 1 }, (_, i) => monthOfIndex(from + i));
  const tallies = new Map<string, MonthTally>();
  for (const tally of await deps.stats.tally(actor.tenantId, months)) {
    tallies.set(tally.month, tally);
  }
  const teams = new Map<string, number>();
  const categories = new Map<string, number>();
  let total = 0;
  const perMonth = months.map((month): MonthCount => {
    const tally = tallies.get(month);
    if (!tally) return { month, count: 0 };
    total += tally.total;
    addAll(teams, tally.teams);
    addAll(categories, tally.categories);
    return { month, count: tally.total };
  });

  return {
    from: monthOfIndex(from),
    to: monthOfIndex(to),
    total,
    months: perMonth,
    teams: mostFirst(teams).map(([team, count]) => ({ team, count })),
    categories: mostFirst(categories).map(([category, count]) => ({ category, count })),
  };
}

/** `YYYY-MM` → months since year 0, so that ranges are plain arithmetic. */
function monthIndex(value: string, field: 'from' | 'to'): number {
  const match = MONTH.exec(value);
  if (!match) throw new DomainError('validation', 'Use YYYY-MM for the month.', { field });
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function monthOfIndex(index: number): string {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function addAll(into: Map<string, number>, counts: ReadonlyMap<string, number>): void {
  for (const [key, count] of counts) into.set(key, (into.get(key) ?? 0) + count);
}

/** Most first; a tie in name order, so that the same counts always list the same way. */
function mostFirst(counts: ReadonlyMap<string, number>): [string, number][] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
}
