/** The digests on the wire: when they go out, and the record of the scheduler's runs. */

/** The days a weekly digest can go out on, Monday first. */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type WeekdayDto = (typeof WEEKDAYS)[number];

/** The weekly digest of the most-voted new stories to the company channel. */
export interface WeeklyDigestDto {
  enabled: boolean;
  day: WeekdayDto;
  /** `HH:MM`, 24-hour, in the digests' time zone. */
  time: string;
}

/** The monthly summary of each team's stories to its team lead (the authors' manager). */
export interface MonthlyDigestDto {
  enabled: boolean;
  /** 1–31; a month with fewer days: its last day. */
  day: number;
  /** `HH:MM`, 24-hour, in the digests' time zone. */
  time: string;
}

/** When the digests go out: each off unless turned on; times in one IANA time zone. */
export interface DigestsDto {
  weekly: WeeklyDigestDto;
  monthly: MonthlyDigestDto;
  /** An IANA time zone, such as `Europe/Helsinki`. */
  timeZone: string;
}

/** The tenant-level jobs of the scheduler whose runs are recorded. */
export const SCHEDULED_JOBS = ['digest.weekly', 'digest.monthly'] as const;
export type ScheduledJobDto = (typeof SCHEDULED_JOBS)[number];

/**
 * How a run ended: `running` (not recorded as ended: still running, or cut short); `sent`;
 * `no_stories` to send; `no_channel` chosen; `unreachable`, no team lead the bot can message;
 * `failed`, every send failed.
 */
export const JOB_OUTCOMES = [
  'running',
  'sent',
  'no_stories',
  'no_channel',
  'unreachable',
  'failed',
] as const;
export type JobOutcomeDto = (typeof JOB_OUTCOMES)[number];

/** One run of a scheduled job (`GET /api/scheduled-jobs`). */
export interface ScheduledJobRunDto {
  job: ScheduledJobDto;
  /** The occurrence of the schedule it ran for; ISO 8601 instants. */
  scheduledFor: string;
  startedAt: string;
  finishedAt?: string;
  outcome: JobOutcomeDto;
  /** Stories in the digest (monthly: in all the team leads' summaries). */
  stories: number;
  /** Where it was meant to go: the channel (1), or the team leads. */
  recipients: number;
  delivered: number;
  /** Team leads the bot cannot message. */
  unreachable: number;
  failed: number;
  /** The weekly digest's stories, in order: what it sent, or would have sent. */
  titles: string[];
}

/** `GET /api/scheduled-jobs` (admins): the runs, most recently scheduled first, and what is next. */
export interface ScheduledJobsDto {
  items: ScheduledJobRunDto[];
  /** The next run of each job that is on. */
  upcoming: { job: ScheduledJobDto; at: string }[];
}
