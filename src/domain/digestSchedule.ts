import { WEEKDAYS, type DigestSettings } from './policy.js';

/*
 * When a digest is due: its day and time on the wall clock of an IANA time zone, turned into
 * instants. Pure: the instant to count from is always given, and the zone's rules come from the
 * JavaScript runtime's `Intl` (ECMAScript, not a Node API), so the local hour holds across
 * daylight-saving changes.
 */

/** Which digest: the weekly one to the channel, or the monthly summaries to team leads. */
export type DigestKind = 'weekly' | 'monthly';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface LocalDate {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

interface LocalDateTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
}

// One formatter per zone: making one is far slower than formatting with it.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    if (formatters.size > 100) formatters.clear();
    formatters.set(timeZone, found);
  }
  return found;
}

/** The wall-clock date and time of `instant` in `timeZone`. */
function localAt(instant: number, timeZone: string): LocalDateTime & { second: number } {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const local = localAt(instant, timeZone);
  const wall = Date.UTC(
    local.year,
    local.month - 1,
    local.day,
    local.hour,
    local.minute,
    local.second,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which `timeZone`'s wall clock shows `local`. A time skipped when the clocks go
 * forward is taken as the time after the gap (03:30 on the night of the change is 04:30); a time
 * that occurs twice when they go back is its first occurrence — as `Temporal`'s `compatible`.
 */
function instantOf(local: LocalDateTime, timeZone: string): number {
  const wall = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // The offsets a day either side: zones change theirs at most once in two days.
  const before = wall - offsetAt(wall - DAY_MS, timeZone);
  const after = wall - offsetAt(wall + DAY_MS, timeZone);
  const shows = (instant: number) => {
    const seen = localAt(instant, timeZone);
    return (
      seen.year === local.year &&
      seen.month === local.month &&
      seen.day === local.day &&
      seen.hour === local.hour &&
      seen.minute === local.minute
    );
  };
  const matching = [before, after].filter(shows);
  return matching.length > 0 ? Math.min(...matching) : before;
}

/** `date` moved by whole calendar days (or months), normalised as the calendar does. */
function shifted(date: LocalDate, days: number, months = 0): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1 + months, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** 0 for Monday … 6 for Sunday, as `WEEKDAYS`. */
function weekdayOf(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The hour and minute of an `HH:MM` (checked when the settings were saved). */
function minutesOf(time: string): { hour: number; minute: number } {
  const match = TIME.exec(time);
  return { hour: Number(match?.[1] ?? 0), minute: Number(match?.[2] ?? 0) };
}

/** Whether `time` is an `HH:MM` of the 24-hour clock. */
export function isTimeOfDay(time: string): boolean {
  return TIME.test(time);
}

/**
 * The occurrences of a digest's schedule around `around`, in order: the weekly one on each of the
 * nine days from a day before, the monthly one in each of the four months from a month before
 * (on its day, or the month's last day when the month is shorter).
 */
function occurrencesNear(kind: DigestKind, settings: DigestSettings, around: Date): number[] {
  const { timeZone } = settings;
  const today = localAt(around.getTime(), timeZone);
  if (kind === 'weekly') {
    const { day, time } = settings.weekly;
    const wanted = WEEKDAYS.indexOf(day);
    const clock = minutesOf(time);
    const found: number[] = [];
    for (let offset = -8; offset <= 8; offset++) {
      const date = shifted(today, offset);
      if (weekdayOf(date) === wanted) found.push(instantOf({ ...date, ...clock }, timeZone));
    }
    return found;
  }
  const { day, time } = settings.monthly;
  const clock = minutesOf(time);
  const found: number[] = [];
  for (let offset = -2; offset <= 2; offset++) {
    const month = shifted({ year: today.year, month: today.month, day: 1 }, 0, offset);
    const date = { ...month, day: Math.min(day, daysInMonth(month.year, month.month)) };
    found.push(instantOf({ ...date, ...clock }, timeZone));
  }
  return found;
}

/** The first instant after `after` at which the digest of `kind` is due, whether on or off. */
export function nextDigestRun(kind: DigestKind, settings: DigestSettings, after: Date): Date {
  const next = occurrencesNear(kind, settings, after).find((at) => at > after.getTime());
  // Always found: the occurrences reach a week (a month) past `after`.
  return new Date(next ?? after.getTime() + DAY_MS);
}

/** The last instant before `before` at which the digest of `kind` was due. */
export function previousDigestRun(kind: DigestKind, settings: DigestSettings, before: Date): Date {
  const earlier = occurrencesNear(kind, settings, before).filter((at) => at < before.getTime());
  return new Date(earlier.at(-1) ?? before.getTime() - DAY_MS);
}

/** Whether `at` is an occurrence of the digest's schedule as it is set now. */
export function isDigestRun(kind: DigestKind, settings: DigestSettings, at: Date): boolean {
  return nextDigestRun(kind, settings, new Date(at.getTime() - 1)).getTime() === at.getTime();
}
