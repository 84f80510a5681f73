/** Moderation on the wire: reports and the editors' queue. */

import type { PersonDto } from './people.js';
import type { StoryDto } from './story.js';

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
