/** A story's history on the wire. */

import type { PersonDto } from './people.js';

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
