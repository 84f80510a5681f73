import type { PersonIndex } from '../domain/erasurePorts.js';
import { createReadCache } from './readCache.js';

export interface PersonIndexCacheOptions {
  /** How long a person's listed stories are reused by `listForView`; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
}

/**
 * Serves `listForView` of a person from memory for `ttlMs`. The tab asks which stories of a
 * page its reader reacted to for every page and story they open, a few seconds apart: one query
 * of their partition serves a visit. A story this instance records for the person (their vote)
 * drops their copy at once; one recorded through another instance shows within `ttlMs`. `list`
 * (erasure, export) always reads storage.
 */
export function cachePersonIndex(
  inner: PersonIndex,
  options: PersonIndexCacheOptions,
): PersonIndex {
  if (options.ttlMs <= 0) return inner;
  const cache = createReadCache<Awaited<ReturnType<PersonIndex['list']>>>({
    ttlMs: options.ttlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const personKey = (tenantId: string, personId: string) => `${tenantId}\n${personId}\n`;

  return {
    async add(tenantId, personId, storyId, involvements) {
      try {
        await inner.add(tenantId, personId, storyId, involvements);
      } finally {
        cache.dropPrefix(personKey(tenantId, personId));
      }
    },
    list: (tenantId, personId, only) => inner.list(tenantId, personId, only),
    async listForView(tenantId, personId, only) {
      const key = `${personKey(tenantId, personId)}${only ? only.join(',') : '*'}`;
      return [...(await cache.get(key, () => inner.list(tenantId, personId, only)))];
    },
    async drop(tenantId, personId) {
      try {
        await inner.drop(tenantId, personId);
      } finally {
        cache.dropPrefix(personKey(tenantId, personId));
      }
    },
  };
}
