import { WALL_PAGE_MAX, type WallIndex, type WallPage, type WallQuery } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { placed, placedInRun, slice, trimmed, type Run } from './wallPagePlacement.js';

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
  /**
   * The cursor of the page that goes on right after `story` in the wall's newest-first order,
   * as the wall's adapter makes it (`wallCursorAfter`). With it, a story this instance publishes
   * goes onto a full cached page in place, its last story moved to the next page; without it,
   * such a page is dropped instead.
   */
  readonly cursorAfter?: (story: Story) => string;
}

/** A first page held: how many stories it was read for, and until when it is served. */
interface Entry {
  readonly page: WallPage;
  readonly limit: number;
  readonly until: number;
}

/**
 * How long a cursor a first page named is known: longer than people take to read the first page
 * before they load more.
 */
const NAMED_MS = 60_000;

/**
 * A run is read two pages long (at most `WALL_PAGE_MAX` stories), so a reader whose first page is
 * a few publishes old still finds a whole page in it after the story their cursor goes on after.
 */
const RUN_READ_PAGES = 2;

/** A page being read to be held, with what this instance wrote to the wall meanwhile. */
interface Fill {
  read: Promise<WallPage>;
  /** Stories written while the read was under way, in order: put on the page once read. */
  readonly missed: Story[];
  /** A write that cannot be put on a page came meanwhile: what is read is not kept. */
  spoiled: boolean;
}

/** A run being read, as `Fill`: null when it is not kept. */
interface RunFill extends Omit<Fill, 'read'> {
  read: Promise<Run | null>;
}

/**
 * Serves the unfiltered first page of a tenant's wall (what everyone opening the tab asks for)
 * from memory for `ttlMs`, and the page after it (what those who scroll on ask for next) from a
 * run of the stories that follow it (`Run`, docs/adr/0015), for any cursor a first page held
 * named in the last minute that goes on after a story of that run. Every page costs a partition
 * query, and Table Storage serves about 2,000 entities a second per partition, so without it one
 * busy month partition caps a large tenant at some 60 wall opens a second. A change this
 * instance makes to the tenant's wall shows at once: a vote or a story published updates its
 * pages in place where that is sure to give what a read would (`patch`), anything else (an
 * archive, a story moved) drops them; one made by another instance shows within `ttlMs` of the
 * page's read (an update in place keeps that time). Filtered pages, searches and the pages
 * further on are never cached; readers who ask for the same one at once share its read.
 */
export function cacheWallPages(inner: WallIndex, options: WallPageCacheOptions): WallIndex {
  if (options.ttlMs <= 0) return inner;
  const now = options.now ?? (() => performance.now());
  const maxEntries = options.maxEntries ?? 1_000;
  const pages = new Map<string, Entry>();
  // Names each read put into the cache (`WallPage.revision`), across tenants.
  let revisions = 0;
  // The first pages being read, per key: readers who miss at once share one read rather than
  // each reading the partition (a busy wall's page expires under dozens of concurrent requests).
  const filling = new Map<string, Fill>();
  // The run after each first page held, per the first page's key (`Run`), and those being read.
  const runs = new Map<string, Run>();
  const runFills = new Map<string, RunFill>();
  // The cursors first pages held named lately, per `<first page's key>\n<cursor>`: the story each
  // goes on after. A reader asks for more seconds after the first page, and a story published
  // meanwhile gives the first page a new cursor; the one the reader holds still means the stories
  // after the page they see.
  const named = new Map<string, { afterId: string; until: number }>();
  // Any other page being read, per key (`shared`).
  const reading = new Map<string, Promise<WallPage>>();

  const invalidate = (tenantId: string) => {
    const tenant = `${tenantId}\n`;
    for (const key of pages.keys()) if (key.startsWith(tenant)) pages.delete(key);
    for (const key of runs.keys()) if (key.startsWith(tenant)) runs.delete(key);
    // A read that began before the write may not see it: it is not kept, and later readers
    // start their own.
    for (const fills of [filling, runFills]) {
      for (const [key, fill] of fills) {
        if (!key.startsWith(tenant)) continue;
        fill.spoiled = true;
        fills.delete(key);
      }
    }
    for (const key of reading.keys()) if (key.startsWith(tenant)) reading.delete(key);
  };

  /**
   * Brings the tenant's cached pages in line with `story`, just written to the wall by this
   * instance, when that needs no read (`placed`): each page changed gets a new revision, so what
   * was made of it (its bytes, its tag) is made again. The first pages being read may or may not
   * have seen the write: it is put on them too once read, which changes nothing where it was
   * seen. False when a page cannot be told without a read: then the pages are dropped.
   */
  const patch = (story: Story): boolean => {
    if (story.status !== 'published' || !story.publishedAt) return false;
    const tenant = `${story.tenantId}\n`;
    const at = now();
    const patched: Array<[string, Entry]> = [];
    for (const [key, entry] of pages) {
      if (!key.startsWith(tenant)) continue;
      if (entry.until <= at) {
        pages.delete(key);
        continue;
      }
      const page = placed(entry, story, options.cursorAfter);
      if (!page) return false;
      if (page !== entry.page) {
        patched.push([key, { ...entry, page: { ...page, revision: ++revisions } }]);
      }
    }
    const moved: Array<[string, Run]> = [];
    for (const [key, run] of runs) {
      if (!key.startsWith(tenant)) continue;
      if (run.until <= at) {
        runs.delete(key);
        continue;
      }
      const next = placedInRun(run, story, options.cursorAfter);
      if (!next) return false;
      if (next !== run) moved.push([key, next]);
    }
    for (const [key, run] of moved) runs.set(key, run);
    for (const [key, entry] of patched) {
      const before = pages.get(key);
      hold(key, entry);
      if (before) carry(key, before.page, entry.page);
    }
    for (const fills of [filling, runFills]) {
      for (const [key, fill] of fills) if (key.startsWith(tenant)) fill.missed.push(story);
    }
    return true;
  };

  return {
    async upsert(story, hint) {
      let written = false;
      try {
        await inner.upsert(story, hint);
        written = true;
      } finally {
        if (!written || !patch(story)) invalidate(story.tenantId);
        else {
          // A later page being read may show the story as it was.
          const tenant = `${story.tenantId}\n`;
          for (const key of reading.keys()) if (key.startsWith(tenant)) reading.delete(key);
        }
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

    cachedPage(query) {
      if (!isPlain(query)) return undefined;
      if (query.cursor !== undefined) return fromRun(query) ?? undefined;
      const hit = pages.get(firstKey(query));
      return hit && hit.until > now() ? copy(hit.page) : undefined;
    },

    async page(query) {
      if (!isPlain(query)) return copy(await shared(query));
      if (query.cursor !== undefined) return laterPage(query, query.cursor);
      const key = firstKey(query);
      const hit = pages.get(key);
      if (hit && hit.until > now()) return copy(hit.page);
      let fill = filling.get(key);
      if (!fill) {
        fill = startFill(key, query);
        filling.set(key, fill);
      }
      return copy(await fill.read);
    },
  };

  /** Holds a first page, and remembers its cursor as going on after its last story. */
  function hold(key: string, entry: Entry): void {
    pages.set(key, entry);
    const last = entry.page.items.at(-1);
    if (entry.page.nextCursor === null || !last) return;
    const at = now();
    if (named.size >= maxEntries) {
      for (const [old, name] of named) if (name.until <= at) named.delete(old);
      if (named.size >= maxEntries) named.clear();
    }
    named.set(`${key}\n${entry.page.nextCursor}`, { afterId: last.id, until: at + NAMED_MS });
  }

  /**
   * A first page that a story put on it made push its last story on: the run after it goes on
   * after the page's new last story, with the story pushed on at its top.
   */
  function carry(key: string, before: WallPage, after: WallPage): void {
    const run = runs.get(key);
    const pushed = before.items.at(-1);
    const last = after.items.at(-1);
    const time = last?.publishedAt?.getTime();
    if (!run || !pushed || !last || time === undefined || run.afterId !== pushed.id) return;
    if (after.items.some((item) => item.id === pushed.id)) return;
    const carried = trimmed(
      { ...run, afterId: last.id, after: time, items: [pushed, ...run.items] },
      options.cursorAfter,
    );
    if (carried) runs.set(key, carried);
    else runs.delete(key);
  }

  /** The page of `query` (a plain page with a cursor) from the run it falls in, when held fresh. */
  function fromRun(query: WallQuery): WallPage | null {
    const key = firstKey(query);
    const name = named.get(`${key}\n${query.cursor}`);
    const run = runs.get(key);
    const at = now();
    if (!name || name.until <= at || !run || run.until <= at) return null;
    return slice(run, name.afterId, query.limit, options.cursorAfter);
  }

  /**
   * A plain page with a cursor. From the run after the first page when the story the cursor goes
   * on after is in it; when no run is held fresh and the cursor was named lately, the run after
   * the first page held now is read first (its cursor, not the one asked for: a story published
   * since the reader's first page only pushes that page's stories further into the run); else,
   * or when the run does not hold the page whole, a page read as any other (`shared`).
   */
  async function laterPage(query: WallQuery, cursor: string): Promise<WallPage> {
    const held = fromRun(query);
    if (held) return held;
    const key = firstKey(query);
    const at = now();
    const name = named.get(`${key}\n${cursor}`);
    const first = pages.get(key);
    const run = runs.get(key);
    const last = first?.page.items.at(-1);
    const time = last?.publishedAt?.getTime();
    const next = first?.page.nextCursor;
    if (
      !name ||
      name.until <= at ||
      (run && run.until > at) ||
      !first ||
      first.until <= at ||
      !next ||
      !last ||
      time === undefined
    ) {
      return copy(await shared(query));
    }
    let fill = runFills.get(key);
    if (!fill) {
      fill = startRunFill(
        key,
        { tenantId: query.tenantId, limit: query.limit, cursor: next },
        {
          afterId: last.id,
          after: time,
        },
      );
      runFills.set(key, fill);
    }
    const read = await fill.read;
    return (
      (read && slice(read, name.afterId, query.limit, options.cursorAfter)) ??
      copy(await shared(query))
    );
  }

  /**
   * Reads the run after the first page of `query`'s size that goes on with `query.cursor`, two
   * pages long, and keeps it with this instance's writes that overlapped the read put on it, as
   * `startFill` keeps a first page; null, and not kept, when one of them cannot be put on it.
   */
  function startRunFill(
    key: string,
    query: WallQuery & { readonly cursor: string },
    start: Pick<Run, 'afterId' | 'after'>,
  ): RunFill {
    const fill: RunFill = { missed: [], spoiled: false, read: Promise.resolve(null) };
    fill.read = (async () => {
      const limit = Math.min(query.limit * RUN_READ_PAGES, WALL_PAGE_MAX);
      let page: WallPage;
      try {
        page = await inner.page({ ...query, limit });
      } finally {
        if (runFills.get(key) === fill) runFills.delete(key);
      }
      if (fill.spoiled) return null;
      let run: Run | null = {
        ...start,
        items: page.items,
        end: page.nextCursor,
        until: now() + options.ttlMs,
      };
      for (const story of fill.missed) {
        run = run && placedInRun(run, story, options.cursorAfter);
      }
      if (!run) return null;
      const at = now();
      if (runs.size >= maxEntries) {
        for (const [old, held] of runs) if (held.until <= at) runs.delete(old);
        if (runs.size >= maxEntries) runs.clear();
      }
      runs.set(key, run);
      return run;
    })();
    return fill;
  }

  /**
   * A page never kept (a later page, a filter, a search), read once for the readers who ask for
   * the same one at once: everyone who loads more on a busy morning asks for the same second
   * page. A write to the tenant's wall drops the read under way for later readers, as above.
   */
  function shared(query: WallQuery): Promise<WallPage> {
    const key = `${query.tenantId}\n${JSON.stringify(query)}`;
    let read = reading.get(key);
    if (!read) {
      read = inner.page(query);
      reading.set(key, read);
      const done = () => {
        if (reading.get(key) === read) reading.delete(key);
      };
      read.then(done, done);
    }
    return read;
  }

  /**
   * Reads a first page and keeps it, with this instance's writes to the tenant's wall that
   * overlapped the read put on it (`patch`): on a busy morning a vote a second lands during
   * nearly every read of a large wall, and a read thrown away for it is read again at once. Not
   * kept when one of those writes could not be put on the cached pages (`invalidate` spoiled the
   * read, and later readers start their own) or cannot be put on what was read (then the page
   * is read once more for those waiting, and not kept).
   */
  function startFill(key: string, query: WallQuery): Fill {
    const fill: Fill = {
      missed: [],
      spoiled: false,
      read: Promise.resolve({ items: [], nextCursor: null }),
    };
    fill.read = (async () => {
      let page: WallPage;
      try {
        page = await inner.page(query);
      } finally {
        if (filling.get(key) === fill) filling.delete(key);
      }
      if (fill.spoiled) return page;
      let current: WallPage = page;
      for (const story of fill.missed) {
        const next = placed({ page: current, limit: query.limit }, story, options.cursorAfter);
        // Readers who came after the write wait for this read: they get one made after it.
        if (!next) return inner.page(query);
        current = next;
      }
      const at = now();
      if (pages.size >= maxEntries) {
        for (const [old, entry] of pages) if (entry.until <= at) pages.delete(old);
        if (pages.size >= maxEntries) pages.clear();
      }
      const kept = { ...current, revision: ++revisions };
      hold(key, { page: copy(kept), limit: query.limit, until: at + options.ttlMs });
      return kept;
    })();
    return fill;
  }
}

/** The key a first page is held under, and the run after it: the tenant and the page size. */
function firstKey(query: Pick<WallQuery, 'tenantId' | 'limit'>): string {
  return `${query.tenantId}\n${query.limit}`;
}

/** An unfiltered page, newest first: the first page, or one after it by its cursor. */
function isPlain(query: WallQuery): boolean {
  return (
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
function copy(page: WallPage): WallPage {
  return {
    items: [...page.items],
    nextCursor: page.nextCursor,
    ...(page.revision !== undefined ? { revision: page.revision } : {}),
  };
}
