import type { UserDirectory } from '../domain/ports.js';
import type { User } from '../domain/user.js';

export interface UserCacheOptions {
  /** How long a person read is served from memory. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /** People kept at most, 10,000 by default; past it the cache starts afresh. */
  readonly maxEntries?: number;
}

/** A `UserDirectory` that serves `get` from memory, and can be told to forget. */
export interface CachedUsers extends UserDirectory {
  /** Forgets every person read (an erasure: no name of theirs is served again from here). */
  forget(): void;
}

/**
 * Serves a person's record (name, language) from memory for `ttlMs`. The outbox relay's
 * notices read the author, the decider and each featured colleague for every decision, and the
 * same few people decide most stories; a name or language changed elsewhere shows within
 * `ttlMs`, one changed through this directory at once. `list` is read as it is.
 */
export function cacheUsers(inner: UserDirectory, options: UserCacheOptions): CachedUsers {
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 10_000;
  const held = new Map<string, { value: User | null; until: number }>();
  // Bumped by every write: a read that overlapped one must not put what it read into the cache.
  let generation = 0;
  const keyOf = (tenantId: string, userId: string) => `${tenantId}\u0000${userId}`;

  return {
    async get(tenantId, userId) {
      const key = keyOf(tenantId, userId);
      const hit = held.get(key);
      if (hit && hit.until > now()) return hit.value;
      const seen = generation;
      const value = await inner.get(tenantId, userId);
      if (seen === generation) {
        if (held.size >= maxEntries) held.clear();
        held.set(key, { value, until: now() + options.ttlMs });
      }
      return value;
    },
    list: (tenantId) => inner.list(tenantId),
    async upsert(user) {
      try {
        await inner.upsert(user);
      } finally {
        generation++;
        held.delete(keyOf(user.tenantId, user.id));
      }
    },
    async remove(tenantId, userId) {
      try {
        await inner.remove(tenantId, userId);
      } finally {
        generation++;
        held.delete(keyOf(tenantId, userId));
      }
    },
    forget() {
      generation++;
      held.clear();
    },
  };
}
