import type { WallIndex, WallPage, WallQuery } from '../domain/ports.js';
import type { Story } from '../domain/story.js';

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

/**
 * How long a cursor a first page named opens a second page that may be held: longer than people
 * take to read the first page before they load more.
 */
const NAMED_MS = 60_000;

/**
 * A page held: how many stories it was read for, until when it is served and, for the page
 * that follows a first page, the publish time of that first page's last story (`after`): the
 * stories the page may show are the ones older than it.
 */
interface Entry {
  readonly page: WallPage;
  readonly limit: number;
  readonly until: number;
  readonly after?: number;
}

/** A page being read to be held, with what this instance wrote to the wall meanwhile. */
interface Fill {
  read: Promise<WallPage>;
  /** Stories written while the read was under way, in order: put on the page once read. */
  readonly missed: Story[];
  /** A write that cannot be put on a page came meanwhile: what is read is not kept. */
  spoiled: boolean;
}

/**
 * Serves the unfiltered first page of a tenant's wall (what everyone opening the tab asks for)
 * from memory for `ttlMs`, and the second page (what those who scroll on ask for next): a page
 * whose cursor a first page held named in the last minute. Every page costs a partition query,
 * and Table Storage serves about 2,000 entities a second per partition, so without it one busy
 * month partition caps a large tenant at some 60 wall opens a second. A change this instance
 * makes to the tenant's wall shows at once: a vote or a story published updates its pages in
 * place where that is sure to give what a read would (`patch`), anything else (an archive, a
 * story moved) drops them; one made by another instance shows within `ttlMs` of the page's read
 * (an update in place keeps that time). Filtered pages, searches and the pages after the second
 * are never cached; readers who ask for the same one at once share its read.
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
  // The cursors first pages held named lately, per key of the page they open (`keyOf`), with the
  // publish time of the story each goes on after: the second pages that may be held. A reader
  // asks for the second page seconds after the first, and a story published meanwhile gives the
  // first page a new cursor, so the one the reader holds is remembered for a while.
  const named = new Map<string, { after: number; until: number }>();
  // Any other page being read, per key (`shared`).
  const reading = new Map<string, Promise<WallPage>>();

  const invalidate = (tenantId: string) => {
    const tenant = `${tenantId}\n`;
    for (const key of pages.keys()) if (key.startsWith(tenant)) pages.delete(key);
    // A read that began before the write may not see it: it is not kept, and later readers
    // start their own.
    for (const [key, fill] of filling) {
      if (!key.startsWith(tenant)) continue;
      fill.spoiled = true;
      filling.delete(key);
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
        const next = { ...entry, page: { ...page, revision: ++revisions } };
        patched.push([key, next]);
        if (entry.after === undefined) patched.push(...carried(key, entry, next));
      }
    }
    for (const [key, entry] of patched) hold(key, entry);
    for (const [key, fill] of filling) if (key.startsWith(tenant)) fill.missed.push(story);
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
      const hit = pages.get(keyOf(query));
      return hit && hit.until > now() ? copy(hit.page) : undefined;
    },

    async page(query) {
      if (!isPlain(query)) return copy(await shared(query));
      const key = keyOf(query);
      const hit = pages.get(key);
      if (hit && hit.until > now()) return copy(hit.page);
      let fill = filling.get(key);
      if (!fill) {
        const after = query.cursor === undefined ? undefined : secondPageAfter(query);
        if (after === null) return copy(await shared(query));
        fill = startFill(key, query, after);
        filling.set(key, fill);
      }
      return copy(await fill.read);
    },
  };

  /**
   * When a story put on a full first page pushed its last story on, the second page held for
   * the old cursor gives the page that goes on after the new last story without a read: the
   * story pushed on, on top of it (`placed`). It is held under the first page's new cursor for
   * the time left to the page it came from, unless that cursor's page is held already.
   */
  function carried(key: string, before: Entry, first: Entry): Array<[string, Entry]> {
    const was = before.page.nextCursor;
    const cursor = first.page.nextCursor;
    if (was === null || cursor === null || was === cursor) return [];
    const at = now();
    const held = pages.get(`${key}\n${cursor}`);
    if (held && held.until > at) return [];
    const second = pages.get(`${key}\n${was}`);
    const pushed = before.page.items.at(-1);
    const after = first.page.items.at(-1)?.publishedAt?.getTime();
    if (!second || second.until <= at || !pushed || after === undefined) return [];
    if (first.page.items.some((item) => item.id === pushed.id)) return [];
    const page = placed({ ...second, after }, pushed, options.cursorAfter);
    if (!page) return [];
    return [[`${key}\n${cursor}`, { ...second, after, page: { ...page, revision: ++revisions } }]];
  }

  /**
   * For a page asked for with a cursor: the publish time of the story the cursor goes on after,
   * when a first page held in the last `NAMED_MS` named it, so the page is a second page and may
   * be held; null otherwise (a later page, or a cursor of long ago).
   */
  function secondPageAfter(query: WallQuery): number | null {
    const name = named.get(keyOf(query));
    return name && name.until > now() ? name.after : null;
  }

  /** Holds `entry` under `key`; a first page's cursor is remembered as a second page's. */
  function hold(key: string, entry: Entry): void {
    pages.set(key, entry);
    const cursor = entry.page.nextCursor;
    const after = entry.page.items.at(-1)?.publishedAt?.getTime();
    if (entry.after !== undefined || cursor === null || after === undefined) return;
    const at = now();
    if (named.size >= maxEntries) {
      for (const [old, name] of named) if (name.until <= at) named.delete(old);
      if (named.size >= maxEntries) named.clear();
    }
    named.set(`${key}\n${cursor}`, { after, until: at + NAMED_MS });
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
  function startFill(key: string, query: WallQuery, after: number | undefined): Fill {
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
        const next = placed(
          { page: current, limit: query.limit, ...(after !== undefined ? { after } : {}) },
          story,
          options.cursorAfter,
        );
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
      hold(key, {
        page: copy(kept),
        limit: query.limit,
        until: at + options.ttlMs,
        ...(after !== undefined ? { after } : {}),
      });
      return kept;
    })();
    return fill;
  }
}

/**
 * The page `entry` holds once `story`, just written to the wall, is on it as a read of the wall
 * would show it: `entry.page` itself when it does not change, null
 * when that cannot be told without a read. The wall is newest first by publish time, so:
 * - a story the page shows, at the same time (a vote, a count), is replaced there by the newer
 *   of the two snapshots; one shown at another time has moved (null);
 * - on a second page, a story newer than the last one of the first page (`entry.after`) is not
 *   among the stories the page's cursor reads, so the page stays as it is (a story at that very
 *   millisecond: null);
 * - a story older than the last one of a full page with a cursor leaves the page as it is: the
 *   cursor goes on right after that last story, so the next page shows it;
 * - any other story goes in at its place; a page past its size gives up its last story and gets
 *   the cursor that goes on right after its new last one (`cursorAfter`), so the story given up
 *   opens the next page. A page the read ended short of its size with a cursor (its bounds were
 *   reached), and a story published at the very millisecond of one the page shows (the wall
 *   orders those by id), are not placed (null).
 */
function placed(
  entry: Pick<Entry, 'page' | 'limit' | 'after'>,
  story: Story,
  cursorAfter: ((story: Story) => string) | undefined,
): WallPage | null {
  const published = story.status === 'published' ? story.publishedAt?.getTime() : undefined;
  if (published === undefined) return null;
  const { page, limit } = entry;
  const { items } = page;
  const at = items.findIndex((item) => item.id === story.id);
  const shown = items[at];
  if (shown) {
    if (shown.publishedAt?.getTime() !== published) return null;
    if (shown.revision >= story.revision) return page;
    return { ...page, items: items.map((item, i) => (i === at ? snapshotOf(story) : item)) };
  }
  if (entry.after !== undefined) {
    if (published === entry.after) return null;
    if (published > entry.after) return page;
  }
  const times = items.map((item) => item.publishedAt?.getTime() ?? Number.NaN);
  if (times.some((time) => Number.isNaN(time) || time === published)) return null;
  const full = items.length >= limit;
  if (page.nextCursor !== null) {
    if (!full) return null;
    if (published < (times.at(-1) ?? Number.NaN)) return page;
  }
  const older = times.findIndex((time) => time < published);
  const next = [...items];
  next.splice(older < 0 ? items.length : older, 0, snapshotOf(story));
  if (next.length <= limit) return { ...page, items: next };
  const kept = next.slice(0, limit);
  const last = kept.at(-1);
  if (!cursorAfter || !last) return null;
  return { ...page, items: kept, nextCursor: cursorAfter(last) };
}

/** The story as the wall holds it: without its reports, which name the reporters. */
function snapshotOf(story: Story): Story {
  const { reports: _reports, ...snapshot } = story;
  return snapshot;
}

/** The key a plain page is held under: the tenant, the page size and, after the first, the cursor. */
function keyOf(query: Pick<WallQuery, 'tenantId' | 'limit' | 'cursor'>): string {
  const key = `${query.tenantId}\n${query.limit}`;
  return query.cursor === undefined ? key : `${key}\n${query.cursor}`;
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
