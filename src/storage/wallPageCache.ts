import type { WallIndex, WallPage, WallQuery } from '../domain/ports.js';

export interface WallPageCacheOptions {
  /** How long a first page is served from memory; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /**
   * Pages kept at most, 1,000 by default (a page of 30 stories is some 100 KB of memory). Past
   * it the expired ones are dropped, and all of them if that is not enough.
   */
  readonly maxEntries?: number;
}

/**
 * Serves the unfiltered first page of a tenant's wall (what everyone opening the tab asks for)
 * from memory for `ttlMs`. Every page costs a partition query, and Table Storage serves about
 * 2,000 entities a second per partition, so without it one busy month partition caps a large
 * tenant at some 60 wall opens a second. A change this instance makes to the tenant's wall
 * (publish, vote, archive) drops its pages at once; one made by another instance shows within
 * `ttlMs`. Filtered pages, searches and continuation pages are never cached.
 */
export function cacheWallPages(inner: WallIndex, options: WallPageCacheOptions): WallIndex {
  if (options.ttlMs <= 0) return inner;
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 1_000;
  const pages = new Map<string, { page: WallPage; until: number; revision: number }>();
  // Names each read put into the cache (`WallPage.revision`), across tenants.
  let revisions = 0;
  // Bumped after every write of a tenant's wall: a read that overlapped a write must not put
  // what it read (possibly from before the write) into the cache.
  const generations = new Map<string, number>();

  const invalidate = (tenantId: string) => {
    generations.set(tenantId, (generations.get(tenantId) ?? 0) + 1);
    for (const key of pages.keys()) if (key.startsWith(`${tenantId}\n`)) pages.delete(key);
  };

  return {
    async upsert(story) {
      try {
        await inner.upsert(story);
      } finally {
        invalidate(story.tenantId);
      }
    },

    async remove(story) {
      try {
        await inner.remove(story);
      } finally {
        invalidate(story.tenantId);
      }
    },

    // Counts are cached by the index itself (`rankCacheMs`), with the rankings they go with.
    count: (filters) => inner.count(filters),

    async page(query) {
      if (!isPlainFirstPage(query)) return inner.page(query);
      const key = `${query.tenantId}\n${query.limit}`;
      const hit = pages.get(key);
      if (hit && hit.until > now()) return { ...copy(hit.page), revision: hit.revision };
      const generation = generations.get(query.tenantId) ?? 0;
      const page = await inner.page(query);
      if ((generations.get(query.tenantId) ?? 0) === generation) {
        const at = now();
        if (pages.size >= maxEntries) {
          for (const [old, entry] of pages) if (entry.until <= at) pages.delete(old);
          if (pages.size >= maxEntries) pages.clear();
        }
        const revision = ++revisions;
        pages.set(key, { page: copy(page), until: at + options.ttlMs, revision });
        return { ...copy(page), revision };
      }
      return page;
    },
  };
}

function isPlainFirstPage(query: WallQuery): boolean {
  return (
    query.cursor === undefined &&
    query.team === undefined &&
    query.category === undefined &&
    query.month === undefined &&
    query.account === undefined &&
    query.language === undefined &&
    (query.sort === undefined || query.sort === 'newest') &&
    (query.q === undefined || query.q.trim() === '')
  );
}

/** Stories are immutable values; only the list is copied, so callers cannot change the cache. */
function copy(page: WallPage): { items: WallPage['items']; nextCursor: string | null } {
  return { items: [...page.items], nextCursor: page.nextCursor };
}
