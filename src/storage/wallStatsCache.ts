import type { MonthTally, WallStats } from '../domain/ports.js';

export interface WallStatsCacheOptions {
  /** How long a tenant's tallies of one range are served from memory; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /** Ranges kept at most, 1,000 by default; past it the expired ones go, then all of them. */
  readonly maxEntries?: number;
}

/**
 * Serves the tallies of a tenant and range from memory for `ttlMs`. Insight is an overview, and
 * counting reads every published story of the range (see `createTableWallStats`), so a count may
 * be up to `ttlMs` behind the wall; nothing drops it early. Requests for the same tenant and range
 * that arrive while it is being counted share that one count; a failed count is not kept.
 */
export function cacheWallStats(inner: WallStats, options: WallStatsCacheOptions): WallStats {
  if (options.ttlMs <= 0) return inner;
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 1_000;
  const entries = new Map<string, { tallies: Promise<MonthTally[]>; until: number }>();

  return {
    async tally(tenantId, months) {
      const key = `${tenantId}\n${months.join(',')}`;
      const at = now();
      const hit = entries.get(key);
      if (hit && hit.until > at) return hit.tallies;
      if (entries.size >= maxEntries) {
        for (const [old, entry] of entries) if (entry.until <= at) entries.delete(old);
        if (entries.size >= maxEntries) entries.clear();
      }
      const tallies = inner.tally(tenantId, months);
      const entry = { tallies, until: at + options.ttlMs };
      entries.set(key, entry);
      try {
        return await tallies;
      } catch (error) {
        if (entries.get(key) === entry) entries.delete(key);
        throw error;
      }
    },
  };
}
