/** Story of the month on the wire: the winners and a month's shortlist. */

import type { PersonDto } from './people.js';
import type { StoryDto } from './story.js';

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
