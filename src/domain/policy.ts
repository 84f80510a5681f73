import type { Role } from './user.js';

/** The roles an admin can give; everyone is an employee. */
export type GrantableRole = Exclude<Role, 'employee'>;

/**
 * Who approves in a stage: the author's manager (from the directory), named people, the members
 * of an Entra group, or everyone holding a role.
 */
export type ApproverSpec =
  | { readonly kind: 'manager' }
  | { readonly kind: 'people'; readonly ids: readonly string[] }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'role'; readonly role: GrantableRole };

/** `any`: the first to respond decides. `all`: everyone must approve; the first no ends it. */
export type StageMode = 'any' | 'all';

export interface PolicyStage {
  readonly approvers: ApproverSpec;
  readonly mode: StageMode;
}

/**
 * What a story goes through before it is published, and how long anyone may keep it waiting.
 * Durations are in milliseconds here; the settings document speaks ISO 8601 (`P2D`).
 */
export interface ApprovalPlan {
  /** In order; at least one. */
  readonly stages: readonly PolicyStage[];
  /** Who decides when a stage finds nobody (no manager, directory unavailable, empty group). */
  readonly fallback: ApproverSpec;
  /** Remind the waiting approvers this long after the stage started or they were last nudged. */
  readonly remindAfterMs?: number;
  /** After this many reminders the next nudge escalates to their managers instead. */
  readonly escalateAfterReminders?: number;
  /** Give the story back to its author this long after it was (re)submitted. */
  readonly expireAfterMs?: number;
}

/** A tenant's approval policy: one plan, and other stages for some categories. */
export interface ApprovalPolicy extends ApprovalPlan {
  readonly byCategory?: Readonly<Record<string, { readonly stages: readonly PolicyStage[] }>>;
}

/** A role given by an admin to one person or to the members of an Entra group. */
export interface RoleGrant {
  readonly role: GrantableRole;
  readonly kind: 'person' | 'group';
  /** The person's or the group's Entra object id. */
  readonly id: string;
}

/**
 * Privacy mode (works councils ask for it, e.g. in Finland): nobody but editors and admins sees
 * how many votes a story has, nothing is ranked by votes, and insight counts nothing per person.
 * The rules that read it are in `privacy.ts`.
 */
export interface PrivacySettings {
  readonly enabled: boolean;
  /**
   * Each colleague featured in a new story is asked to confirm before their name is shown to the
   * company (a card in chat; declining takes the name off). Absent: off. See `featuredConsent.ts`.
   */
  readonly confirmFeatured?: boolean;
  /**
   * Rejected and withdrawn stories are deleted this many days after they were closed (with their
   * history and cards); absent or null: kept. See `useCases/retention.ts`.
   */
  readonly deleteClosedAfterDays?: number | null;
}

/** The longest "no repeat winners" window, in months: two years, as far as the history shows. */
export const REPEAT_WINNER_MONTHS_MAX = 24;

/**
 * Story of the month's rules (journey 8). `noRepeatWithinMonths`: an author who won a month
 * cannot win another month fewer than or exactly that many months before or after it (1–24);
 * absent or null: anyone may win again. See `useCases/awards.ts`.
 */
export interface AwardSettings {
  readonly noRepeatWithinMonths?: number | null;
}

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
export type Weekday = (typeof WEEKDAYS)[number];

/** The weekly digest: the week's most-voted stories to the company channel. */
export interface WeeklyDigestSchedule {
  readonly enabled: boolean;
  readonly day: Weekday;
  /** `HH:MM`, 24-hour, on the wall clock of the digests' time zone. */
  readonly time: string;
}

/** The monthly summary: each team lead's team's stories of the month, in chat. */
export interface MonthlyDigestSchedule {
  readonly enabled: boolean;
  /** 1–31; a month with fewer days sends it on its last day. */
  readonly day: number;
  /** `HH:MM`, 24-hour, on the wall clock of the digests' time zone. */
  readonly time: string;
}

/**
 * When the digests go out (see `digests.ts`): each off unless an admin turns it on, with its
 * day and time in one IANA time zone (`Europe/Helsinki`), so a digest keeps its local hour
 * across daylight-saving changes.
 */
export interface DigestSettings {
  readonly weekly: WeeklyDigestSchedule;
  readonly monthly: MonthlyDigestSchedule;
  readonly timeZone: string;
}

/** The digests of a tenant no admin has set: both off, Monday and the 1st at 09:00, Helsinki. */
export const DEFAULT_DIGESTS: DigestSettings = {
  weekly: { enabled: false, day: 'monday', time: '09:00' },
  monthly: { enabled: false, day: 1, time: '09:00' },
  timeZone: 'Europe/Helsinki',
};

/**
 * A tenant's settings, one document (journey 11). `version` counts the saved versions: a story
 * records the version its approval plan came from.
 */
export interface TenantSettings {
  readonly version: number;
  readonly approval: ApprovalPolicy;
  readonly roles: readonly RoleGrant[];
  /** Absent in documents saved before privacy mode existed: off. */
  readonly privacy?: PrivacySettings;
  /** Absent in documents saved before digests existed: `DEFAULT_DIGESTS` (off). */
  readonly digests?: DigestSettings;
  /** Absent in documents saved before the rule existed: no rule. */
  readonly awards?: AwardSettings;
  /**
   * The teams admins keep, suggested in the story forms and the wall's filter (free text is still
   * allowed); absent in documents saved before the list existed: none. See `teams.ts`.
   */
  readonly teams?: readonly string[];
  readonly updatedAt?: Date;
  readonly updatedBy?: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The settings of a tenant no admin has saved yet: the author's manager approves, and those with
 * the approver role when there is no manager; a reminder after two days, escalation after two
 * reminders, and the story back to its author after two weeks, so nothing waits forever.
 * Privacy mode is off, featured colleagues are named without asking, closed stories are kept,
 * no digest is sent, and anyone may be the story of the month again.
 */
export const DEFAULT_SETTINGS: TenantSettings = {
  version: 0,
  approval: {
    stages: [{ approvers: { kind: 'manager' }, mode: 'any' }],
    fallback: { kind: 'role', role: 'approver' },
    remindAfterMs: 2 * DAY_MS,
    escalateAfterReminders: 2,
    expireAfterMs: 14 * DAY_MS,
  },
  roles: [],
  privacy: { enabled: false, confirmFeatured: false, deleteClosedAfterDays: null },
  digests: DEFAULT_DIGESTS,
  awards: { noRepeatWithinMonths: null },
  teams: [],
};

/** The months of the "no repeat winners" rule; null when it is off. */
export function repeatWinnerMonths(settings: TenantSettings): number | null {
  return settings.awards?.noRepeatWithinMonths ?? null;
}

/** The plan a story of `category` follows under `policy`: its category's stages, if it has any. */
export function planFor(policy: ApprovalPolicy, category: string): ApprovalPlan {
  const { byCategory, ...plan } = policy;
  const own = byCategory?.[category];
  return own ? { ...plan, stages: own.stages } : plan;
}
