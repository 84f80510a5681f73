import {
  COLLECTION_DESCRIPTION_MAX,
  COLLECTION_STORIES_MAX,
  COLLECTION_TITLE_MAX,
  COLLECTIONS_MAX,
  type Collection,
  type CollectionView,
} from '../collections.js';
import { DomainError } from '../errors.js';
import type { CollectionsDeps } from '../ports.js';
import { seesVoteCounts } from '../privacy.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/** What an editor writes: the whole collection, its stories in order. */
export interface CollectionInput {
  readonly title: string;
  readonly description: string;
  readonly storyIds: readonly string[];
}

/** An edit: the collection as written, and the `version` it was read at. */
export interface CollectionUpdate extends CollectionInput {
  readonly version: number;
}

/** The collections of the actor's tenant, the last changed first; anyone signed in reads them. */
export async function listCollections(deps: CollectionsDeps, actor: Actor): Promise<Collection[]> {
  const collections = await deps.collections.list(actor.tenantId, COLLECTIONS_MAX);
  return [...collections].sort(
    (a, b) =>
      b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/**
 * A collection with its stories in order; anyone signed in reads it. Only stories on the wall
 * are shown: one hidden, archived or deleted since it was added is skipped (see `CollectionView`).
 */
export async function getCollection(
  deps: CollectionsDeps,
  actor: Actor,
  id: string,
): Promise<CollectionView> {
  const found = await deps.collections.get(actor.tenantId, id);
  if (!found) throw new DomainError('not_found', 'No such collection.');
  const [stories, voteCounts] = await Promise.all([
    publishedStories(deps, actor.tenantId, found.value.storyIds),
    seesVoteCounts(deps, actor),
  ]);
  return { collection: found.value, stories, voteCounts };
}

/** A new collection (editors and admins). Only published stories may be added. */
export async function createCollection(
  deps: CollectionsDeps,
  actor: Actor,
  input: CollectionInput,
): Promise<Collection> {
  requireEditor(actor);
  const checked = checkInput(input);
  const existing = await deps.collections.list(actor.tenantId, COLLECTIONS_MAX);
  if (existing.length >= COLLECTIONS_MAX) {
    throw new DomainError('validation', `A team keeps at most ${COLLECTIONS_MAX} collections.`, {
      field: 'title',
    });
  }
  await requirePublished(deps, actor.tenantId, checked.storyIds, []);
  const now = deps.clock.now();
  const collection: Collection = {
    tenantId: actor.tenantId,
    id: deps.ids.newId(),
    ...checked,
    createdAt: now,
    updatedAt: now,
    version: 1,
  };
  await deps.collections.create(collection);
  return collection;
}

/**
 * Replaces a collection's title, description and stories (editors and admins). `version` must be
 * the one stored: an edit of a copy that has since changed is DomainError('conflict'), as is a
 * save that races another (the write is conditional on the ETag read here). A story already in
 * the collection may stay even if it has left the wall; a story added must be published.
 */
export async function updateCollection(
  deps: CollectionsDeps,
  actor: Actor,
  id: string,
  input: CollectionUpdate,
): Promise<Collection> {
  requireEditor(actor);
  const checked = checkInput(input);
  const found = await deps.collections.get(actor.tenantId, id);
  if (!found) throw new DomainError('not_found', 'No such collection.');
  if (found.value.version !== input.version) {
    throw new DomainError('conflict', 'The collection was changed meanwhile.', {
      version: found.value.version,
    });
  }
  await requirePublished(deps, actor.tenantId, checked.storyIds, found.value.storyIds);
  const collection: Collection = {
    ...found.value,
    ...checked,
    updatedAt: deps.clock.now(),
    version: found.value.version + 1,
  };
  await deps.collections.replace(collection, found.etag);
  return collection;
}

/** Deletes a collection (editors and admins); its stories stay as they are. */
export async function deleteCollection(
  deps: CollectionsDeps,
  actor: Actor,
  id: string,
): Promise<void> {
  requireEditor(actor);
  const found = await deps.collections.get(actor.tenantId, id);
  if (!found) throw new DomainError('not_found', 'No such collection.');
  await deps.collections.delete(actor.tenantId, id, found.etag);
}

function requireEditor(actor: Actor): void {
  if (!hasRole(actor, 'editor') && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only editors and admins change collections.');
  }
}

/** The input trimmed and checked; the API's schema checks the same, this guards other callers. */
function checkInput(input: CollectionInput): CollectionInput {
  const title = input.title.trim();
  const description = input.description.trim();
  if (title.length === 0 || title.length > COLLECTION_TITLE_MAX) {
    throw new DomainError('validation', `Give a title of 1–${COLLECTION_TITLE_MAX} characters.`, {
      field: 'title',
    });
  }
  if (description.length > COLLECTION_DESCRIPTION_MAX) {
    throw new DomainError(
      'validation',
      `Keep the description to ${COLLECTION_DESCRIPTION_MAX} characters.`,
      { field: 'description' },
    );
  }
  if (input.storyIds.length > COLLECTION_STORIES_MAX) {
    throw new DomainError(
      'validation',
      `A collection holds at most ${COLLECTION_STORIES_MAX} stories.`,
      { field: 'storyIds' },
    );
  }
  if (new Set(input.storyIds).size !== input.storyIds.length) {
    throw new DomainError('validation', 'Add each story once.', { field: 'storyIds' });
  }
  return { title, description, storyIds: [...input.storyIds] };
}

/** Refuses a story being added (not in `kept`) that is not published on the actor's wall. */
async function requirePublished(
  deps: CollectionsDeps,
  tenantId: string,
  storyIds: readonly string[],
  kept: readonly string[],
): Promise<void> {
  const keep = new Set(kept);
  const added = storyIds.filter((storyId) => !keep.has(storyId));
  const found = await Promise.all(added.map((storyId) => deps.stories.get({ tenantId, storyId })));
  const missing = added.filter((_, i) => found[i]?.value.status !== 'published');
  if (missing.length > 0) {
    throw new DomainError('validation', 'Only stories on the wall can be added.', {
      field: 'storyIds',
      storyIds: missing,
    });
  }
}

/** The stories of `storyIds` that are on the wall, in the same order. */
async function publishedStories(
  deps: CollectionsDeps,
  tenantId: string,
  storyIds: readonly string[],
): Promise<Story[]> {
  const found = await Promise.all(
    storyIds.map((storyId) => deps.stories.get({ tenantId, storyId })),
  );
  return found.flatMap((read) => (read?.value.status === 'published' ? [read.value] : []));
}
