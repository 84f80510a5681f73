/** Training collections on the wire. */

import type { StoryDto } from './story.js';

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
