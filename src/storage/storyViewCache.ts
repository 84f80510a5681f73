import type { StoryPersonalData } from '../domain/erasurePorts.js';
import type { StoryRef, StoryRepository, Versioned } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { createReadCache } from './readCache.js';

export interface StoryViewCacheOptions {
  /** How long a story read for showing is reused; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Serves `getForView` from memory for `ttlMs`: on a busy morning the same few stories of the
 * wall's first page are opened by hundreds of people a minute, each a point read. Every change
 * this instance makes to a story (a commit; erasure deleting or purging it) drops its copy at
 * once; one made through another instance shows within `ttlMs`. `get`, which every change reads
 * before it writes, always reads storage.
 */
export function cacheStoryViews(
  stories: StoryRepository,
  personalData: StoryPersonalData,
  options: StoryViewCacheOptions,
): { stories: StoryRepository; personalData: StoryPersonalData } {
  if (options.ttlMs <= 0) return { stories, personalData };
  const cache = createReadCache<Versioned<Story> | null>({
    ttlMs: options.ttlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const keyOf = (ref: StoryRef) => `${ref.tenantId}\n${ref.storyId}`;
  /** Runs a write of the story, then forgets its copy (whether the write succeeded or not). */
  const writing = async <T>(ref: StoryRef, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      cache.drop(keyOf(ref));
    }
  };

  return {
    stories: {
      ...stories,
      getForView: (ref) => cache.get(keyOf(ref), () => stories.get(ref)),
      commit: (change) =>
        writing({ tenantId: change.story.tenantId, storyId: change.story.id }, () =>
          stories.commit(change),
        ),
    },
    personalData: {
      ...personalData,
      deleteStory: (ref, etag, outbox) =>
        writing(ref, () => personalData.deleteStory(ref, etag, outbox)),
      purge: (ref) => writing(ref, () => personalData.purge(ref)),
    },
  };
}
