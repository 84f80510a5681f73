/**
 * The wire contract between the API and the tab: types and constants only, so the tab bundle
 * carries no validation library. Runtime schemas for the same shapes are in `schemas.ts`.
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
  customerQuote: { max: 1000 },
  sourceUrl: { max: 2000 },
  featured: { max: 10 },
  comment: { max: 1000 },
  citation: { max: 500 },
  q: { max: 100 },
  cursor: { max: 1024 },
  pageSize: { default: 30, max: 50 },
  /** Months one insight request may count, and how many it counts when not told. */
  insightMonths: { default: 12, max: 24 },
  /** Whole request bodies, in bytes. */
  bodyBytes: 64 * 1024,
} as const;

export interface PersonDto {
  id: string;
  displayName: string;
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
  featured: PersonDto[];
  customerQuote?: string;
  sourceUrl?: string;
  consent: boolean;
  locale: LocaleDto;
  author: PersonDto;
  status: StoryStatusDto;
  approverId: string;
  decisionComment?: string;
  createdAt: string;
  updatedAt: string;
  publishedAt?: string;
  voteCount: number;
}

export interface WallPageDto {
  items: StoryDto[];
  nextCursor: string | null;
}

/**
 * `GET /api/stories/mine?limit&cursor`: the caller's own stories in every status, newest first,
 * paged like the wall.
 */
export type MyStoriesPageDto = WallPageDto;

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
 * `GET /api/awards/:month/shortlist` (editors and admins): the month's published stories with the
 * most votes, most first, and the winner if one is chosen.
 */
export interface ShortlistDto {
  month: string;
  items: StoryDto[];
  winner: AwardDto | null;
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
}

export interface DevUserDto {
  id: string;
  displayName: string;
  roles: RoleDto[];
}

export interface DevUsersDto {
  items: DevUserDto[];
}

export type ApiErrorCode =
  | 'bad_request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'already_voted'
  | 'self_vote'
  | 'no_approver'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

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
