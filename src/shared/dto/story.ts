/**
 * A story on the wire: its vocabulary (locales, categories, statuses), the story itself, the
 * reader's reactions and the pages of stories.
 */

import type { ApprovalDto } from './approval.js';
import type { PersonDto } from './people.js';

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

export interface StoryListDto {
  items: StoryDto[];
}
