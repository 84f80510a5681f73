import type { Story } from './story.js';

/** The longest title of a collection, in characters. */
export const COLLECTION_TITLE_MAX = 120;
/** The longest description of a collection, in characters. */
export const COLLECTION_DESCRIPTION_MAX = 2000;
/** How many stories one collection holds. */
export const COLLECTION_STORIES_MAX = 100;
/** How many collections one tenant keeps: the list is one partition read, so it stays bounded. */
export const COLLECTIONS_MAX = 200;

/**
 * A training collection (journey 9): stories an editor put in order around one lesson, for
 * onboarding. It holds the stories' ids only, so a correction or an erasure shows in it at once,
 * and it names no person (not even who made it), so erasing someone has nothing to do in it.
 */
export interface Collection {
  readonly tenantId: string;
  readonly id: string;
  readonly title: string;
  /** Plain text, possibly empty. */
  readonly description: string;
  /** In the order they are taught; each once. */
  readonly storyIds: readonly string[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
  /**
   * Counts the saves, from 1: an edit carries the version it was made on, so an edit made on a
   * copy another editor has since changed is refused instead of overwriting theirs.
   */
  readonly version: number;
}

/**
 * A collection as it is shown: its stories in order, only those still on the wall. A story hidden,
 * archived or deleted after it was added is skipped, not an error; its id stays in the collection
 * (a restored story comes back in its place) until an editor saves the collection without it.
 */
export interface CollectionView {
  readonly collection: Collection;
  readonly stories: readonly Story[];
  /** Whether the actor may see the stories' vote counts (`canSeeVoteCounts`). */
  readonly voteCounts: boolean;
}
