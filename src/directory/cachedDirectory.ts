import type { Clock, Directory } from '../domain/ports.js';

export interface DirectoryCacheOptions {
  /** How long an answer is served from memory; 0 turns the cache off. */
  readonly ttlMs: number;
  readonly clock: Clock;
  /** Answers kept at most, 10,000 by default; past it the expired ones go, then all of them. */
  readonly maxEntries?: number;
}

interface Entry {
  readonly answer: Promise<unknown>;
  readonly until: number;
}

/**
 * Serves a directory's answers about people, managers and groups from memory for `ttlMs`, per
 * tenant and arguments, "no such person" and "no manager" (null) included: routing asks for the
 * same manager at every submission, and Graph throttles. Lookups that arrive while the same one is
 * under way share it; a failure is not kept, so the next lookup asks again. `search` is not cached:
 * a picker sends a new prefix at each keystroke, so hits would be rare and each would take memory.
 */
export function cacheDirectory(directory: Directory, options: DirectoryCacheOptions): Directory {
  if (options.ttlMs <= 0) return directory;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, Entry>();

  async function cached<T>(
    args: readonly (string | number)[],
    lookup: () => Promise<T>,
  ): Promise<T> {
    // JSON keeps the arguments apart whatever characters the ids hold.
    const key = JSON.stringify(args);
    const at = options.clock.now().getTime();
    const hit = entries.get(key);
    // The entry holds what `lookup` of the same key returned, so it is a T.
    if (hit && hit.until > at) return hit.answer as Promise<T>;
    if (entries.size >= maxEntries) {
      for (const [old, entry] of entries) if (entry.until <= at) entries.delete(old);
      if (entries.size >= maxEntries) entries.clear();
    }
    const answer = lookup();
    const entry: Entry = { answer, until: at + options.ttlMs };
    entries.set(key, entry);
    try {
      return await answer;
    } catch (error) {
      if (entries.get(key) === entry) entries.delete(key);
      throw error;
    }
  }

  return {
    person: (tenantId, userId) =>
      cached(['person', tenantId, userId], () => directory.person(tenantId, userId)),
    manager: (tenantId, userId) =>
      cached(['manager', tenantId, userId], () => directory.manager(tenantId, userId)),
    search: (tenantId, query, limit) => directory.search(tenantId, query, limit),
    async groupMembers(tenantId, groupId, limit) {
      const members = await cached(['group', tenantId, groupId, limit], () =>
        directory.groupMembers(tenantId, groupId, limit),
      );
      // Callers share the cached list; each gets its own copy to sort or trim.
      return members ? [...members] : null;
    },
  };
}
