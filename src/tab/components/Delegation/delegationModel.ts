import type { DelegationDto } from '../../../shared/dto.js';

/** The longest absence a delegation may cover (the server's limit is a year from its start). */
export const MAX_DAYS_AHEAD = 365;

/** A local calendar day as `<input type="date">` writes it: `2026-03-14`. */
export function dayString(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The end of a delegation for "my last day away is `day`": the start of the next local day, as
 * an ISO instant (the API's `until` is exclusive). Undefined for anything but a real date.
 */
export function untilOf(day: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const next = new Date(year, month - 1, date + 1);
  // `2026-02-31` rolls over into March, `2026-13-01` into the next year: not a day anyone picked.
  const picked = new Date(year, month - 1, date);
  if (picked.getMonth() !== month - 1 || picked.getDate() !== date) return undefined;
  return next.toISOString();
}

/** The last moment a delegation covers, for showing "away through <day>". */
export function lastMomentOf(until: string): string {
  return new Date(new Date(until).getTime() - 1).toISOString();
}

/** What is wrong with a chosen last day, if anything, measured from `today`. */
export function dayProblem(day: string, today: Date): 'required' | 'past' | 'tooFar' | undefined {
  if (day === '' || !untilOf(day)) return 'required';
  if (day < dayString(today)) return 'past';
  const limit = new Date(today.getFullYear(), today.getMonth(), today.getDate() + MAX_DAYS_AHEAD);
  if (day > dayString(limit)) return 'tooFar';
  return undefined;
}

/**
 * What the server said about a last day it refused (the `until` or `from` field's message), as
 * one of the form's day problems: too far ahead, not in the future, or something else about it.
 */
export function serverDayProblem(message: string | undefined): 'past' | 'tooFar' | 'invalid' {
  if (message === undefined) return 'invalid';
  // "A delegation covers at most a year."
  if (/\bat most a year\b/i.test(message)) return 'tooFar';
  // "The window must end after it starts[, in the future]."
  if (/\bend after it starts\b/i.test(message)) return 'past';
  return 'invalid';
}

/** Whether a delegation is in force or planned at `now`: it has not ended yet. */
export function isActive(delegation: Pick<DelegationDto, 'until'>, now: Date): boolean {
  return new Date(delegation.until).getTime() > now.getTime();
}

/** A delegation as the admins' list shows it. */
export interface DelegationRow {
  /** Who is away. */
  userId: string;
  awayName: string;
  delegateId: string;
  delegateName: string;
  /** The last moment covered, for "until the end of <day>". */
  lastMoment: string;
  from: string;
  /** It starts later: not in force yet. */
  planned: boolean;
}

/**
 * The delegations in force or planned at `now` (ended ones are left out), by the away person's
 * name in `language`, then by id.
 */
export function delegationRows(
  items: readonly DelegationDto[],
  now: Date,
  nameOf: (id: string) => string,
  language: string,
): DelegationRow[] {
  const collator = new Intl.Collator(language, { sensitivity: 'base' });
  return items
    .filter((d) => isActive(d, now))
    .map((d) => ({
      userId: d.userId,
      awayName: nameOf(d.userId),
      delegateId: d.delegateId,
      delegateName: nameOf(d.delegateId),
      lastMoment: lastMomentOf(d.until),
      from: d.from,
      planned: new Date(d.from).getTime() > now.getTime(),
    }))
    .sort((a, b) => collator.compare(a.awayName, b.awayName) || compareIds(a.userId, b.userId));
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `items` with `saved` in place of the delegation its person had (a person has at most one). */
export function withDelegation(
  items: readonly DelegationDto[],
  saved: DelegationDto,
): DelegationDto[] {
  return [...items.filter((d) => d.userId !== saved.userId), saved];
}

/** `items` without the delegation of `userId`. */
export function withoutDelegation(
  items: readonly DelegationDto[],
  userId: string,
): DelegationDto[] {
  return items.filter((d) => d.userId !== userId);
}
