/**
 * The wire contract between the API and the tab: types, constants and the pure personal data
 * check, so the tab bundle carries no validation library. Runtime schemas for the same shapes are
 * in `schemas.ts`.
 */

export const LOCALES = ['en', 'fi'] as const;
export type LocaleDto = (typeof LOCALES)[number];

/** The kinds of moment a story can show; labels are in the locale files (`category.<id>`). */
export const CATEGORIES = [
  'beyond-expectations',
  'care',
  'quick-thinking',
  'craftsmanship',
  'teamwork',
  'customer-praise',
] as const;
export type CategoryId = (typeof CATEGORIES)[number];

export const STORY_STATUSES = [
  'pending',
  'changes_requested',
  'published',
  'rejected',
  'withdrawn',
  'archived',
  /** Taken off the wall and its cards by an editor (moderation); can be restored. */
  'hidden',
] as const;
export type StoryStatusDto = (typeof STORY_STATUSES)[number];

export const ROLES = ['employee', 'approver', 'editor', 'admin'] as const;
export type RoleDto = (typeof ROLES)[number];

/** Size limits of every field, shared so the tab's form and the API agree. */
export const LIMITS = {
  title: { min: 3, max: 120 },
  situation: { min: 10, max: 2000 },
  action: { min: 10, max: 2000 },
  outcome: { min: 10, max: 2000 },
  lesson: { min: 5, max: 1000 },
  team: { min: 1, max: 60 },
  /** The teams an admin's list holds (Settings), each a team name as above. */
  teams: { max: 200 },
  customerQuote: { max: 1000 },
  sourceUrl: { max: 2000 },
  /** The customer account a story is about, and the link to its record in the CRM. */
  accountName: { max: 100 },
  crmUrl: { max: 2000 },
  featured: { max: 10 },
  comment: { max: 1000 },
  citation: { max: 500 },
  /** A training collection's title and description, and how many stories it holds. */
  collectionTitle: { min: 1, max: 120 },
  collectionDescription: { max: 2000 },
  collectionStories: { max: 100 },
  /** Why a reader reports a story to the editors. */
  reportReason: { min: 3, max: 500 },
  q: { max: 100 },
  cursor: { max: 1024 },
  pageSize: { default: 30, max: 50 },
  /** Stories one `GET /api/me/reactions` asks about (a page of the wall). */
  reactionStories: { max: 50 },
  /** Stages of an approval policy, people named in one stage, role grants of a tenant. */
  stages: { max: 5 },
  stageApprovers: { max: 25 },
  roleGrants: { max: 200 },
  /** Months one insight request may count, and how many it counts when not told. */
  insightMonths: { default: 12, max: 24 },
  /** An API key's name, and how many keys a tenant holds at most. */
  apiKeyName: { min: 1, max: 80 },
  apiKeys: { max: 50 },
  /** Webhooks a tenant holds, the length of an endpoint's address and of its description. */
  webhooks: { max: 20 },
  webhookUrl: { max: 2000 },
  webhookDescription: { max: 200 },
  /** Days a rejected or withdrawn story is kept when the tenant sets a retention period. */
  retentionDays: { min: 1, max: 3650 },
  /** The "no repeat winners" window of the story of the month, in months. */
  repeatWinnerMonths: { min: 1, max: 24 },
  /** The day of the month a monthly summary goes out on (shorter months: their last day). */
  digestMonthDay: { min: 1, max: 31 },
  /** An IANA time zone name, such as `Europe/Helsinki`. */
  timeZone: { max: 64 },
  /** Colleagues one "not yet featured" suggestion names at most, and how many when not told. */
  neverFeatured: { default: 5, max: 20 },
  /** Whole request bodies, in bytes. */
  bodyBytes: 64 * 1024,
} as const;

export interface PersonDto {
  id: string;
  displayName: string;
}

/**
 * A colleague a story features. `awaitingConfirmation`: asked to confirm being named and not yet
 * answered — shown only to those with a part in the story and to the person themselves.
 */
export interface FeaturedDto extends PersonDto {
  awaitingConfirmation?: true;
}

export interface StoryDto {
  id: string;
  title: string;
  situation: string;
  action: string;
  outcome: string;
  lesson: string;
  team: string;
  category: string;
  featured: FeaturedDto[];
  customerQuote?: string;
  sourceUrl?: string;
  /** The customer account the story is about, as the author named it. */
  accountName?: string;
  /** The account's record in the CRM: an http or https address. */
  crmUrl?: string;
  consent: boolean;
  locale: LocaleDto;
  author: PersonDto;
  status: StoryStatusDto;
  approval: ApprovalDto;
  decisionComment?: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  /**
   * How many votes the story has; absent when the tenant's privacy mode hides the counts from
   * the reader (everyone but editors and admins). Voting works the same either way.
   */
  voteCount?: number;
  /**
   * How many people said they learned from it ("I learned from this"); absent whenever
   * `voteCount` is (privacy mode hides both alike).
   */
  learnedCount?: number;
}

/** Which of one story's reactions are the caller's own. */
export interface MyReactionDto {
  storyId: string;
  voted: boolean;
  learned: boolean;
}

/** `GET /api/me/reactions?stories=…`: the caller's reactions to each story asked about. */
export interface MyReactionsDto {
  items: MyReactionDto[];
}

/** One person asked to decide in the current stage. */
export interface ApprovalSlotDto {
  id: string;
  displayName: string;
  /** When they approved (an `all` stage shows who has approved so far). */
  approvedAt?: string;
  /** Whom they stand in for: delegated, reassigned or escalated from. */
  onBehalfOf?: string;
}

/** Why a stage went to the fallback approvers. */
export type FallbackReasonDto =
  'no_manager' | 'directory_unavailable' | 'no_group' | 'no_one_eligible' | 'escalation';

/** Where a story is in its approval: "stage 1 of 2", who is asked, since when. */
export interface ApprovalDto {
  /** 1-based. */
  stage: number;
  stages: number;
  mode: StageModeDto;
  approvers: ApprovalSlotDto[];
  /** When the current stage started. */
  waitingSince: string;
  fallback?: FallbackReasonDto;
  /** The story went back to its author because nobody decided in time. */
  expired?: boolean;
  /** The settings version the story's plan came from. */
  policyVersion: number;
}

/** A page of stories, and the cursor of the next one (null: the last page). */
export interface StoryPageDto {
  items: StoryDto[];
  nextCursor: string | null;
}

/** How the wall is ordered: newest first, or most voted first (`WALL_SORTS`). */
export const WALL_SORTS = ['newest', 'votes'] as const;
export type WallSortDto = (typeof WALL_SORTS)[number];

/**
 * `GET /api/stories`: a page of the wall. Asked with `total=true`, the first page (no cursor)
 * also counts the stories that match the filters, briefly cached (it may be seconds behind);
 * `totalExact` is false when the count stopped at its bound and `total` is a lower bound.
 */
export interface WallPageDto extends StoryPageDto {
  total?: number;
  totalExact?: boolean;
}

/**
 * `GET /api/stories/mine?limit&cursor`: the caller's own stories in every status, newest first,
 * paged like the wall.
 */
export type MyStoriesPageDto = StoryPageDto;

/** Story of the month: the story editors chose for a month (`YYYY-MM`) from the shortlist. */
export interface AwardDto {
  month: string;
  story: StoryDto;
  awardedBy: PersonDto;
  awardedAt: string;
  /** Why this story, in the editors' words; plain text. */
  citation?: string;
}

/** `GET /api/awards`: the winners, newest month first. */
export interface AwardsDto {
  items: AwardDto[];
}

/**
 * How a shortlist is ordered: `votes`, most first; or, when privacy mode ranks nothing by votes,
 * `newest`: the month's stories, the newest publication first.
 */
export type ShortlistOrderDto = 'votes' | 'newest';

/**
 * `GET /api/awards/:month/shortlist` (editors and admins): the month's published stories with the
 * most votes, most first (in privacy mode the month's stories, newest first), and the winner if
 * one is chosen.
 */
export interface ShortlistDto {
  month: string;
  items: StoryDto[];
  winner: AwardDto | null;
  order: ShortlistOrderDto;
  /**
   * The "no repeat winners" window in months (null: no rule) and the ids of the stories whose
   * authors it keeps from winning this month.
   */
  repeatWithinMonths: number | null;
  ineligible: string[];
}

/** The formats a training collection is exported in: Markdown or CSV. */
export const COLLECTION_EXPORT_FORMATS = ['md', 'csv'] as const;
export type CollectionExportFormatDto = (typeof COLLECTION_EXPORT_FORMATS)[number];

/** A training collection in the list (journey 9); `storyCount` counts the stories it names. */
export interface CollectionSummaryDto {
  id: string;
  title: string;
  description: string;
  storyCount: number;
  updatedAt: string;
  version: number;
}

/** `GET /api/collections`: the tenant's collections, the last changed first. */
export interface CollectionsDto {
  items: CollectionSummaryDto[];
}

/**
 * `GET /api/collections/:id`: a collection with its stories in order. Only stories on the wall
 * are in `stories`; one hidden or archived since it was added is left out. An edit sends back
 * `version` as read.
 */
export interface CollectionDto {
  id: string;
  title: string;
  description: string;
  stories: StoryDto[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StoryListDto {
  items: StoryDto[];
}

/**
 * `GET /api/insights?from&to` (editors and admins): the stories published in a range of months
 * (`YYYY-MM`, both included), counted per month, team and category.
 */
export interface InsightsDto {
  from: string;
  to: string;
  total: number;
  /** Every month of the range, oldest first; a month without stories has count 0. */
  months: { month: string; count: number }[];
  /** Most stories first; only teams with stories. */
  teams: { team: string; count: number }[];
  /** Most stories first; only categories with stories (ids, labelled by the tab). */
  categories: { category: string; count: number }[];
}

export interface MeDto {
  id: string;
  tenantId: string;
  displayName: string;
  roles: RoleDto[];
  authMode: 'local' | 'entra';
  /** Whether this person sees how many votes a story has (privacy mode hides them from most). */
  seesVoteCounts: boolean;
  /** Whether the wall may be sorted by votes (`sort=votes`); privacy mode ranks nothing by votes. */
  ranksByVotes: boolean;
}

export interface DevUserDto {
  id: string;
  displayName: string;
  roles: RoleDto[];
}

export interface DevUsersDto {
  items: DevUserDto[];
}

export const STAGE_MODES = ['any', 'all'] as const;
export type StageModeDto = (typeof STAGE_MODES)[number];

export const GRANTABLE_ROLES = ['approver', 'editor', 'admin'] as const;
export type GrantableRoleDto = (typeof GRANTABLE_ROLES)[number];

/** Who approves in a stage (`GET/PUT /api/settings`). */
export type ApproverSpecDto =
  | { kind: 'manager' }
  | { kind: 'people'; ids: string[] }
  | { kind: 'group'; groupId: string }
  | { kind: 'role'; role: GrantableRoleDto };

export interface PolicyStageDto {
  approvers: ApproverSpecDto;
  mode: StageModeDto;
}

/** The approval policy; durations are ISO 8601 (`P2D`, `PT1H`), at least `PT1M`. */
export interface ApprovalPolicyDto {
  stages: PolicyStageDto[];
  fallback: ApproverSpecDto;
  remindAfter?: string;
  escalateAfterReminders?: number;
  expireAfter?: string;
  /** Other stages for stories of some categories. */
  byCategory?: Partial<Record<CategoryId, { stages: PolicyStageDto[] }>>;
}

/** A role given to a person or to the members of an Entra group. */
export interface RoleGrantDto {
  role: GrantableRoleDto;
  kind: 'person' | 'group';
  id: string;
}

/**
 * Privacy settings. `enabled` is privacy mode: vote counts only for editors and admins, nothing
 * ranked by votes, no insight per person. Each is off unless an admin turns it on.
 */
export interface PrivacyDto {
  enabled: boolean;
  /** Featured colleagues confirm before the company sees their name. Off unless turned on. */
  confirmFeatured: boolean;
  /** Rejected and withdrawn stories are deleted this many days after closing; null: kept. */
  deleteClosedAfterDays: number | null;
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

/**
 * The story of the month's rule: an author who won cannot win again within this many months of
 * their win (before or after it); null: off.
 */
export interface AwardRulesDto {
  noRepeatWithinMonths: number | null;
}

/**
 * `GET /api/settings` and `PUT /api/settings` (admins): the tenant's settings as one document.
 * A `PUT` sends the `version` it edited; a newer saved version answers 409. A `PUT` without
 * `privacy` leaves privacy mode as it was.
 */
export interface SettingsDto {
  version: number;
  approval: ApprovalPolicyDto;
  roles: RoleGrantDto[];
  privacy: PrivacyDto;
  digests: DigestsDto;
  awards: AwardRulesDto;
  /** The teams admins keep, in their order: suggested in the story forms and the wall's filter. */
  teams: string[];
  updatedAt?: string;
  updatedBy?: string;
}

/** `GET /api/suggestions/teams`: the tenant's list of teams for the forms (everyone signed in). */
export interface TeamSuggestionsDto {
  items: string[];
}

/**
 * `GET /api/suggestions/never-featured`: colleagues never featured in a published story (nor
 * declining it), for the story form's nudge; by name, rotating one place a day.
 */
export interface NeverFeaturedSuggestionsDto {
  items: PersonDto[];
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

/** "While I'm away, send my approvals to …" (`/api/delegations`). */
export interface DelegationDto {
  userId: string;
  delegateId: string;
  /** ISO 8601 instants; `until` is exclusive. */
  from: string;
  until: string;
  setBy: string;
}

export interface DelegationsDto {
  items: DelegationDto[];
}

export const HISTORY_TYPES = [
  'submitted',
  'routed',
  'delegated',
  'approved',
  'changes_requested',
  'rejected',
  'resubmitted',
  'withdrawn',
  'published',
  'archived',
  'reassigned',
  'reminded',
  'escalated',
  'expired',
  'featured_removed',
  'featured_confirmed',
  'hidden',
  'restored',
  'edited',
  'reports_dismissed',
  'awarded',
] as const;
export type HistoryTypeDto = (typeof HISTORY_TYPES)[number];

export type SurfaceDto = 'card' | 'tab' | 'api' | 'scheduler';

/** One event of `GET /api/stories/:id/history`, newest first. */
export interface HistoryEventDto {
  at: string;
  type: HistoryTypeDto;
  actor: PersonDto;
  surface: SurfaceDto;
  /** Facts of the event: `stage`, `stages`, `approvers`, `from`, `to`, `fallback`, `comment`, … */
  detail: Record<string, string | number | boolean | string[]>;
}

export interface HistoryDto {
  items: HistoryEventDto[];
}

/** One open report of a story: who reported it, when and why (editors and admins only). */
export interface StoryReportDto {
  reporter: PersonDto;
  reason: string;
  at: string;
}

/** One story of the moderation queue: a reported story, or a hidden one (`story.status`). */
export interface ModerationItemDto {
  story: StoryDto;
  /** How many reports are open. */
  reportCount: number;
  /** The open reports, newest first. */
  reports: StoryReportDto[];
}

/**
 * `GET /api/moderation` (editors and admins): published stories with open reports, the most
 * recently reported first, then hidden stories, the most recently changed first.
 */
export interface ModerationQueueDto {
  items: ModerationItemDto[];
}

/** `GET /api/people?q=`: people of the organisation for pickers. */
export interface PeopleDto {
  items: PersonDto[];
}

/** The kinds of personal data an erasure removes, in the order its receipt lists them. */
export const ERASURE_KINDS = [
  'storiesDeleted',
  'storiesPseudonymised',
  'votes',
  'learned',
  'featured',
  'approvalsReassigned',
  'history',
  'postedCards',
  'awards',
  'delegations',
  'roleGrants',
  'user',
  'conversation',
] as const;
export type ErasureKindDto = (typeof ERASURE_KINDS)[number];

/** What an erasure removed of one kind: how many, and where (story ids, months or roles). */
export interface ErasureEntryDto {
  count: number;
  ids: string[];
}

/**
 * `POST /api/people/:id/erase` (admins; anyone for themselves): what was erased, where. Sending it
 * again answers the same receipt. A person shown as a pseudonym (`erased-…`) is "a former
 * colleague" in the reader's language.
 */
export interface ErasureReceiptDto {
  personId: string;
  pseudonymId: string;
  /** An admin's id, or the pseudonym when the person erased themselves. */
  requestedBy: string;
  requestedAt: string;
  /** Absent while the erasure still runs (sending the request again carries it on). */
  completedAt?: string;
  erased: Record<ErasureKindDto, ErasureEntryDto>;
  /** Data from before the person index was read with a bounded query: how far it got. */
  legacySearch: { scanned: number; complete: boolean };
}

/** A story named in an export: enough to find it. */
export interface StorySummaryDto {
  id: string;
  title: string;
  status: StoryStatusDto;
  publishedAt?: string;
}

/**
 * `GET /api/people/:id/export` (the person themselves; admins anyone): what the app holds about a
 * person. Empty after their erasure.
 */
export interface PersonalDataExportDto {
  personId: string;
  exportedAt: string;
  profile: {
    id: string;
    displayName: string;
    email?: string;
    team?: string;
    locale?: LocaleDto;
    roles: RoleDto[];
  } | null;
  /** Whether the bot keeps a chat with them. */
  botConversation: boolean;
  /** The stories they told, in full, each with its history (oldest first). */
  stories: { story: StoryDto; history: HistoryEventDto[] }[];
  votes: { story: StorySummaryDto; at: string }[];
  /** The stories they said they learned from ("I learned from this"). */
  learned: { story: StorySummaryDto; at: string }[];
  featuredIn: StorySummaryDto[];
  routedTo: StorySummaryDto[];
  actedOn: StorySummaryDto[];
  delegations: DelegationDto[];
  roleGrants: RoleGrantDto[];
  legacySearch: { scanned: number; complete: boolean };
}

/** A person id is shown as "a former colleague" when it starts with this (see erasure). */
export const PSEUDONYM_PREFIX = 'erased-';

/**
 * What an API key may do (server-to-server callers): read published stories, submit stories
 * that then follow the tenant's approval policy, or subscribe webhooks (a Power Automate trigger).
 */
export const API_KEY_SCOPES = ['stories:read', 'stories:write', 'webhooks:manage'] as const;
export type ApiKeyScopeDto = (typeof API_KEY_SCOPES)[number];

/** An API key as `GET /api/keys` lists it: never the key itself, which is shown once. */
export interface ApiKeyDto {
  id: string;
  name: string;
  scopes: ApiKeyScopeDto[];
  createdAt: string;
  createdBy: string;
  /** When it was last used (to the minute); absent when never. */
  lastUsedAt?: string;
}

/** The answer of `POST /api/keys`: the key, shown this once; only its hash is kept. */
export interface NewApiKeyDto extends ApiKeyDto {
  key: string;
}

export interface ApiKeysDto {
  items: ApiKeyDto[];
}

/**
 * The events a webhook can subscribe to (Standard Webhooks `type`): a story told (or told again
 * after changes were asked), published, rejected, sent back for changes or archived; a vote; a
 * story chosen story of the month.
 */
export const WEBHOOK_EVENTS = [
  'story.submitted',
  'story.published',
  'story.rejected',
  'story.changes_requested',
  'story.archived',
  'vote.cast',
  'award.announced',
] as const;
export type WebhookEventDto = (typeof WEBHOOK_EVENTS)[number];

/** A webhook as `GET /api/webhooks` lists it: never its secret, which is shown once. */
export interface WebhookDto {
  id: string;
  url: string;
  events: WebhookEventDto[];
  description?: string;
  /** A paused webhook is sent nothing until it is resumed. */
  paused: boolean;
  createdAt: string;
  createdBy: string;
}

/** The answer of `POST /api/webhooks`: the signing secret (`whsec_…`), shown this once. */
export interface NewWebhookDto extends WebhookDto {
  secret: string;
}

export interface WebhooksDto {
  items: WebhookDto[];
}

/**
 * One event's delivery to one webhook. `pending`: not yet sent, or failed and due again;
 * `delivered`: answered 2xx; `failed`: given up after its attempts (an admin may retry);
 * `refused`: the address was not allowed when resolved (a private or loopback address);
 * `skipped`: not sent, because the webhook was paused or the story was deleted meanwhile. An
 * endpoint that answers 410 has unsubscribed: the webhook is removed, with its log.
 */
export interface WebhookDeliveryDto {
  /** The Standard Webhooks `webhook-id`, the same on every attempt. */
  id: string;
  event: WebhookEventDto;
  storyId: string;
  status: 'pending' | 'delivered' | 'failed' | 'refused' | 'skipped';
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** The HTTP status of the last answer. */
  lastStatus?: number;
  /** What went wrong last, for the admin. */
  lastError?: string;
  nextAttemptAt?: string;
}

export interface WebhookDeliveriesDto {
  items: WebhookDeliveryDto[];
}

/**
 * The body of a webhook delivery (Standard Webhooks): the event, when it happened, and the story
 * as the API presents it to a colleague with no part in it — featured colleagues only once they
 * confirmed, vote counts only where the tenant shows them.
 */
export interface WebhookPayloadDto {
  type: WebhookEventDto;
  timestamp: string;
  data: { story: StoryDto };
}

/** Every `code` an error body of the API can carry; the tab knows them all. */
export const API_ERROR_CODES = [
  'bad_request',
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'already_voted',
  'self_vote',
  'not_voted',
  'already_reacted',
  'not_reacted',
  'self_reaction',
  /** Privacy mode hides vote counts, so nothing is ranked by them (`sort=votes`). */
  'votes_hidden',
  'no_approver',
  'too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** For validation errors: which fields, and what is wrong with each. */
    fields?: Record<string, string>;
  };
}

/** The header that picks a demo user in local mode; ignored in entra mode. */
export const DEV_USER_HEADER = 'x-dev-user';

/**
 * The personal data check of a story's texts (`personalData.ts`), re-exported here because the
 * tab imports only this file: pure and dependency-free, so it adds no library to the bundle.
 */
export {
  findPersonalData,
  findStoryPersonalData,
  PERSONAL_DATA_FIELDS,
  PERSONAL_DATA_KINDS,
} from './personalData.js';
export type {
  FieldPersonalData,
  PersonalDataField,
  PersonalDataFinding,
  PersonalDataKind,
} from './personalData.js';

/** The team names rule (`teams.ts`): one team whatever its case, for Settings and the forms. */
export { repeatedTeam, sameTeamKey } from './teams.js';

/**
 * The story coach (`storyCoach.ts`), re-exported here for the same reason: the tab's form and the
 * bot's form card run the same rules.
 */
export {
  coachStory,
  STORY_COACH_FIELDS,
  STORY_COACH_HINTS,
  STORY_COACH_MAX_CHARS,
  STORY_PARTS,
  STORY_QUALITIES,
} from './storyCoach.js';
export type {
  StoryCoachField,
  StoryCoachHint,
  StoryCoachHintCode,
  StoryCoachInput,
  StoryCoaching,
  StoryPart,
  StoryPartVerdict,
  StoryQuality,
} from './storyCoach.js';
