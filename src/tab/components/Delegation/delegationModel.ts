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
