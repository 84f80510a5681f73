import {
  LIMITS,
  WEEKDAYS,
  type DigestsDto,
  type JobOutcomeDto,
  type ScheduledJobDto,
  type ScheduledJobRunDto,
  type WeekdayDto,
} from '../../../shared/dto.js';
import type { MessageKey } from '../../i18n.js';

/** The digests as edited: the days and times as typed, each digest on or off. */
export interface DigestsDraft {
  weeklyOn: boolean;
  weeklyDay: WeekdayDto;
  /** `HH:MM`, as the time input gives it. */
  weeklyTime: string;
  monthlyOn: boolean;
  /** The day of the month, as typed. */
  monthlyDay: string;
  monthlyTime: string;
  timeZone: string;
}

/** Where a problem with the digests is shown. */
export type DigestProblemPlace =
  'digestWeeklyTime' | 'digestMonthlyDay' | 'digestMonthlyTime' | 'digestTimeZone';

export function digestsDraftOf(digests: DigestsDto): DigestsDraft {
  return {
    weeklyOn: digests.weekly.enabled,
    weeklyDay: digests.weekly.day,
    weeklyTime: digests.weekly.time,
    monthlyOn: digests.monthly.enabled,
    monthlyDay: String(digests.monthly.day),
    monthlyTime: digests.monthly.time,
    timeZone: digests.timeZone,
  };
}

/** The `digests` of `PUT /api/settings` for a draft without problems. */
export function digestsInputOf(draft: DigestsDraft): DigestsDto {
  return {
    weekly: { enabled: draft.weeklyOn, day: draft.weeklyDay, time: draft.weeklyTime.trim() },
    monthly: {
      enabled: draft.monthlyOn,
      day: Number(draft.monthlyDay.trim()),
      time: draft.monthlyTime.trim(),
    },
    timeZone: draft.timeZone.trim(),
  };
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * What must be fixed in the digests before saving. Every field is checked, on or off, because
 * the document is saved whole; the fields are shown whether the digest is on or not.
 */
export function digestProblemsOf(
  draft: DigestsDraft,
): Partial<Record<DigestProblemPlace, MessageKey>> {
  const problems: Partial<Record<DigestProblemPlace, MessageKey>> = {};
  if (!TIME.test(draft.weeklyTime.trim())) problems.digestWeeklyTime = 'settings.errors.time';
  if (!TIME.test(draft.monthlyTime.trim())) problems.digestMonthlyTime = 'settings.errors.time';
  const day = draft.monthlyDay.trim();
  if (
    !/^\d{1,2}$/.test(day) ||
    Number(day) < LIMITS.digestMonthDay.min ||
    Number(day) > LIMITS.digestMonthDay.max
  ) {
    problems.digestMonthlyDay = 'settings.errors.monthDay';
  }
  if (!isTimeZone(draft.timeZone)) problems.digestTimeZone = 'settings.errors.timeZone';
  return problems;
}

/** Whether the browser knows `value` as a time zone (the server checks it the same way). */
export function isTimeZone(value: string): boolean {
  const zone = value.trim();
  if (zone === '' || zone.length > LIMITS.timeZone.max || !/^[A-Za-z][\w+\-/]*$/.test(zone)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Where the API's `digests.…` field problems are shown, and what they say. */
export function digestProblemFromServer(
  field: string,
): [DigestProblemPlace, MessageKey] | undefined {
  switch (field) {
    case 'digests.weekly.time':
      return ['digestWeeklyTime', 'settings.errors.time'];
    case 'digests.monthly.time':
      return ['digestMonthlyTime', 'settings.errors.time'];
    case 'digests.monthly.day':
      return ['digestMonthlyDay', 'settings.errors.monthDay'];
    case 'digests.timeZone':
      return ['digestTimeZone', 'settings.errors.timeZone'];
    default:
      return undefined;
  }
}

/** The time zones offered, the tenant's own first; every IANA zone the browser knows. */
export function timeZoneOptions(current: string, typed: string, limit = 50): string[] {
  const all = supportedTimeZones();
  // A whole zone name typed (or the saved one shown) filters nothing: every zone is offered.
  const needle = all.includes(typed.trim()) ? '' : typed.trim().toLowerCase();
  const matching = needle === '' ? all : all.filter((zone) => zone.toLowerCase().includes(needle));
  const first = current && matching.includes(current) ? [current] : [];
  return [...first, ...matching.filter((zone) => zone !== current)].slice(0, limit);
}

let zones: string[] | undefined;

function supportedTimeZones(): string[] {
  zones ??= (() => {
    try {
      // `UTC` is not among the zones some browsers list, but every browser accepts it.
      return [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
    } catch {
      return ['UTC', 'Europe/Helsinki', 'Europe/Stockholm', 'Europe/London'];
    }
  })();
  return zones;
}

/** The days of the week in order, for the weekly digest's day. */
export const DIGEST_WEEKDAYS: readonly WeekdayDto[] = WEEKDAYS;

/** How a run of a scheduled job is told in the history: its outcome, in words. */
export const OUTCOME_KEYS: Record<JobOutcomeDto, MessageKey> = {
  running: 'settings.jobs.outcome.running',
  sent: 'settings.jobs.outcome.sent',
  no_stories: 'settings.jobs.outcome.no_stories',
  no_channel: 'settings.jobs.outcome.no_channel',
  unreachable: 'settings.jobs.outcome.unreachable',
  failed: 'settings.jobs.outcome.failed',
};

/** The name of a scheduled job. */
export const JOB_KEYS: Record<ScheduledJobDto, MessageKey> = {
  'digest.weekly': 'settings.jobs.job.weekly',
  'digest.monthly': 'settings.jobs.job.monthly',
};

/**
 * A run's counts in words — "3 stories", "7 stories for 3 team leads, 2 reached" — as a message
 * key and its values.
 */
export function runCounts(run: ScheduledJobRunDto): {
  key: MessageKey;
  values: Record<string, number>;
} {
  if (run.job === 'digest.weekly') {
    return { key: 'settings.jobs.weeklyCounts', values: { count: run.stories } };
  }
  return {
    key: 'settings.jobs.monthlyCounts',
    values: { count: run.stories, recipients: run.recipients, delivered: run.delivered },
  };
}
