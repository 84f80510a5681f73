import { describe, expect, it } from 'vitest';
import type { Story, WallIndex, WallPage, WallQuery } from '../../../src/domain/index.js';
import { cacheWallPages, type WallPageCacheOptions } from '../../../src/storage/wallPageCache.js';
import { buildStory } from '../../support/factories.js';

/**
 * A wall in memory that counts its page reads and can hold a read until told to go on: newest
 * first by publish time (stories without one in the order written, newest first), its cursors
 * `after:<id>` (`cursorAfter`).
 */
function fakeWall() {
  let stories: Story[] = [];
  let reads = 0;
  let gate: Promise<void> | undefined;
  const time = (story: Story) => story.publishedAt?.getTime() ?? 0;
  const inner: WallIndex = {
    upsert: async (story) => {
      stories = [story, ...stories.filter((s) => s.id !== story.id)].sort(
        (a, b) => time(b) - time(a),
      );
    },
    remove: async (story) => {
      stories = stories.filter((s) => s.id !== story.id);
    },
    count: async () => ({ total: stories.length, exact: true }),
    page: async (query: WallQuery): Promise<WallPage> => {
      reads++;
      const after = query.cursor?.startsWith('after:')
        ? stories.findIndex((s) => s.id === query.cursor?.slice('after:'.length)) + 1
        : 0;
      const items = stories.slice(after, after + query.limit);
      await gate;
      const last = items.at(-1);
      const more = last !== undefined && stories.length > after + query.limit;
      return { items, nextCursor: more ? cursorAfter(last) : null };
    },
  };
  return {
    inner,
    reads: () => reads,
    hold(): () => void {
      let release = () => {};
      gate = new Promise<void>((done) => (release = done));
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

const cursorAfter = (story: Story) => `after:${story.id}`;
const tenantId = 'tenant-a';
const first = { tenantId, limit: 30 };
const story = (id: string) => buildStory({ tenantId, id, status: 'published' });

const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);
const publish = (id: string, day: number, revision = 2) =>
  buildStory({ tenantId, id, status: 'published', publishedAt: at(day), revision });
const ids = (page: WallPage) => page.items.map((s) => s.id);

/** A wall of stories `d<day>` published on each of `days`, and its cached first page. */
async function wallOf(
  days: number[],
  limit = 30,
  options: Pick<WallPageCacheOptions, 'cursorAfter'> = { cursorAfter },
) {
  let clock = 0;
  const fake = fakeWall();
  const wall = cacheWallPages(fake.inner, { ttlMs: 1_000, now: () => clock, ...options });
  for (const day of days) await fake.inner.upsert(publish(`d${day}`, day));
  const before = await wall.page({ ...first, limit });
  return { fake, wall, before, advance: (ms: number) => (clock += ms) };
}

function setUp(ttlMs = 1_000) {
  let clock = 0;
  const fake = fakeWall();
  const wall = cacheWallPages(fake.inner, { ttlMs, now: () => clock, cursorAfter });
  return { fake, wall, advance: (ms: number) => (clock += ms) };
}

describe('cacheWallPages', () => {
  it('serves the first page from memory until the time-to-live is over', async () => {
    const { fake, wall, advance } = setUp();
    await wall.upsert(story('s1'));
    await wall.page(first);
    advance(999);
    expect((await wall.page(first)).items.map((s) => s.id)).toEqual(['s1']);
    expect(fake.reads()).toBe(1);
    advance(1);
    await wall.page(first);
    expect(fake.reads()).toBe(2);
  });

  it("drops a tenant's pages when this instance changes its wall", async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    await wall.page(first);
    await wall.upsert(story('s2'));
    expect((await wall.page(first)).items.map((s) => s.id)).toEqual(['s2', 's1']);
    await wall.remove(story('s2'));
    expect((await wall.page(first)).items.map((s) => s.id)).toEqual(['s1']);
    expect(fake.reads()).toBe(3);
  });

  it('does not cache what a read saw while a write was under way', async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    const release = fake.hold();
    const stale = wall.page(first);
    await wall.upsert(story('s2'));
    release();
    expect((await stale).items.map((s) => s.id)).toEqual(['s1']);
    expect((await wall.page(first)).items.map((s) => s.id)).toEqual(['s2', 's1']);
  });

  it('never caches filtered or searched pages, a cursor no first page held names, nor other tenants alike', async () => {
    const { fake, wall } = setUp();
    for (const query of [
      { ...first, team: 'Sales' },
      { ...first, category: 'care' },
      { ...first, month: '2026-11' },
      { ...first, q: 'jacket' },
      { ...first, cursor: 'abc' },
    ]) {
      await wall.page(query);
      await wall.page(query);
    }
    expect(fake.reads()).toBe(10);
    await wall.page(first);
    await wall.page({ tenantId: 'tenant-b', limit: 30 });
    await wall.page({ ...first, limit: 10 });
    expect(fake.reads()).toBe(13);
  });

  it('lets readers of the same uncached page at once share one read, and keeps none', async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    const next = { ...first, cursor: 'abc' };
    const release = fake.hold();
    const together = [wall.page(next), wall.page(next), wall.page({ ...next, team: 'Sales' })];
    release();
    await Promise.all(together);
    expect(fake.reads()).toBe(2);
    await wall.page(next);
    expect(fake.reads()).toBe(3);
  });

  it('does not let a reader of an uncached page who came after a write share an older read', async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    const next = { ...first, cursor: 'abc' };
    const release = fake.hold();
    const before = wall.page(next);
    await wall.upsert(story('s2'));
    const after = wall.page(next);
    release();
    expect((await before).items.map((s) => s.id)).toEqual(['s1']);
    expect((await after).items.map((s) => s.id)).toEqual(['s2', 's1']);
  });

  it('names each cached read with a revision, new whenever the page is read again', async () => {
    const { wall, advance } = setUp();
    await wall.upsert(story('s1'));
    const filled = (await wall.page(first)).revision;
    expect(filled).toBeTypeOf('number');
    expect((await wall.page(first)).revision).toBe(filled);
    // Another page size is another read.
    expect((await wall.page({ ...first, limit: 10 })).revision).not.toBe(filled);
    await wall.upsert(story('s2'));
    const changed = (await wall.page(first)).revision;
    expect(changed).not.toBe(filled);
    advance(1_000);
    expect((await wall.page(first)).revision).not.toBe(changed);
    // Pages never cached carry none.
    expect((await wall.page({ ...first, cursor: 'abc' })).revision).toBeUndefined();
  });

  it('lets readers who miss at once share one read', async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    const release = fake.hold();
    const pages = [wall.page(first), wall.page(first), wall.page(first)];
    release();
    const [a, b, c] = await Promise.all(pages);
    expect(fake.reads()).toBe(1);
    expect(a?.revision).toBe(b?.revision);
    expect(c?.items.map((s) => s.id)).toEqual(['s1']);
    // Each reader gets a list of its own.
    expect(a?.items).not.toBe(b?.items);
  });

  it('does not let a reader who came after a write share a read begun before it', async () => {
    const { fake, wall } = setUp();
    await wall.upsert(story('s1'));
    const release = fake.hold();
    const before = wall.page(first);
    await wall.upsert(story('s2'));
    const after = wall.page(first);
    release();
    expect((await before).items.map((s) => s.id)).toEqual(['s1']);
    expect((await after).items.map((s) => s.id)).toEqual(['s2', 's1']);
    expect(fake.reads()).toBe(2);
  });

  it('gives a read that overlapped a write no revision', async () => {
    const { fake, wall } = setUp();
    const release = fake.hold();
    const stale = wall.page(first);
    await wall.upsert(story('s2'));
    release();
    expect((await stale).revision).toBeUndefined();
  });

  describe('a change this instance makes to a story already on the wall', () => {
    const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);
    const onWall = (id: string, day: number, voteCount = 0, revision = 2) =>
      buildStory({ tenantId, id, status: 'published', publishedAt: at(day), voteCount, revision });

    it('updates a story of the cached page in place, under a new revision, without a read', async () => {
      const { fake, wall } = setUp();
      await wall.upsert(onWall('s1', 1));
      await wall.upsert(onWall('s2', 2));
      const before = await wall.page(first);
      await wall.upsert(onWall('s1', 1, 1, 3));
      const after = await wall.page(first);
      expect(after.items.map((s) => [s.id, s.voteCount])).toEqual([
        ['s2', 0],
        ['s1', 1],
      ]);
      expect(after.revision).not.toBe(before.revision);
      expect(fake.reads()).toBe(1);
    });

    it('keeps the page for a story older than the last one it shows', async () => {
      const { fake, wall } = setUp();
      await wall.upsert(onWall('s0', 1));
      await wall.upsert(onWall('s1', 3));
      await wall.upsert(onWall('s2', 4));
      const before = await wall.page({ ...first, limit: 2 });
      await wall.upsert(onWall('s0', 1, 1, 3));
      const after = await wall.page({ ...first, limit: 2 });
      expect(after.items.map((s) => s.id)).toEqual(['s2', 's1']);
      expect(after.revision).toBe(before.revision);
      expect(fake.reads()).toBe(1);
    });

    it('holds the story as the wall does, without the reports that name their reporters', async () => {
      const { wall } = setUp();
      await wall.upsert(onWall('s1', 1));
      await wall.page(first);
      const reported = {
        ...onWall('s1', 1, 0, 3),
        reports: [{ reporterId: 'p1', reporterName: 'Pia', reason: 'wrong', at: at(2) }],
      };
      await wall.upsert(reported);
      const shown = (await wall.page(first)).items[0];
      expect(shown?.revision).toBe(3);
      expect(shown?.reports).toBeUndefined();
    });

    it('keeps the newer of two snapshots of a story', async () => {
      const { wall } = setUp();
      await wall.upsert(onWall('s1', 1, 5, 6));
      await wall.page(first);
      await wall.upsert(onWall('s1', 1, 4, 5));
      expect((await wall.page(first)).items[0]?.voteCount).toBe(5);
    });

    it('reads the page again after a story moved or a failed write', async () => {
      const { fake, wall } = setUp();
      await wall.upsert(onWall('s1', 1));
      await wall.page(first);
      await wall.upsert(onWall('s1', 3, 0, 3));
      expect((await wall.page(first)).items.map((s) => s.publishedAt)).toEqual([at(3)]);
      expect(fake.reads()).toBe(2);
      const broken = cacheWallPages(
        {
          ...fake.inner,
          upsert: () => Promise.reject(new Error('storage is unavailable')),
        },
        { ttlMs: 1_000, now: () => 0, cursorAfter },
      );
      await broken.page(first);
      await expect(broken.upsert(onWall('s1', 3, 1, 4))).rejects.toThrow('unavailable');
      await broken.page(first);
      expect(fake.reads()).toBe(4);
    });
  });

  describe('a story this instance publishes', () => {
    it('goes in at its place in the cached page, under a new revision, without a read', async () => {
      const { fake, wall, before } = await wallOf([2, 4, 6]);
      await wall.upsert(publish('new', 5));
      const after = await wall.page(first);
      expect(ids(after)).toEqual(['d6', 'new', 'd4', 'd2']);
      expect(after.nextCursor).toBeNull();
      expect(after.revision).not.toBe(before.revision);
      expect(fake.reads()).toBe(1);
    });

    it('moves the last story of a full page to the next page, whose cursor goes on after the new last one', async () => {
      const { fake, wall } = await wallOf([2, 4, 6, 8], 3);
      await wall.upsert(publish('new', 9));
      const page = await wall.page({ ...first, limit: 3 });
      expect(ids(page)).toEqual(['new', 'd8', 'd6']);
      expect(page.nextCursor).toBe('after:d6');
      expect(fake.reads()).toBe(1);
      const next = await wall.page({ ...first, limit: 3, cursor: page.nextCursor ?? '' });
      expect(ids(next)).toEqual(['d4', 'd2']);
    });

    it('moves itself to the next page when the whole wall filled the page and it is the oldest', async () => {
      const { fake, wall } = await wallOf([4, 6], 2);
      await wall.upsert(publish('old', 1));
      const page = await wall.page({ ...first, limit: 2 });
      expect(ids(page)).toEqual(['d6', 'd4']);
      expect(page.nextCursor).toBe('after:d4');
      expect(fake.reads()).toBe(1);
    });

    it('leaves a full page as it is when older than its last story', async () => {
      const { fake, wall, before } = await wallOf([2, 4, 6, 8], 3);
      await wall.upsert(publish('old', 3));
      const page = await wall.page({ ...first, limit: 3 });
      expect(page).toEqual(before);
      expect(fake.reads()).toBe(1);
    });

    it('keeps the time the page was read: it is read again when that time is up', async () => {
      const { fake, wall, advance } = await wallOf([2, 4]);
      advance(600);
      await wall.upsert(publish('new', 5));
      expect(ids(await wall.page(first))).toEqual(['new', 'd4', 'd2']);
      advance(400);
      await wall.page(first);
      expect(fake.reads()).toBe(2);
    });

    it('drops the page where its place cannot be told without a read', async () => {
      // A full page with no way to make its cursor.
      const uncursored = await wallOf([2, 4, 6], 3, {});
      await uncursored.wall.upsert(publish('new', 7));
      expect(ids(await uncursored.wall.page({ ...first, limit: 3 }))).toEqual(['new', 'd6', 'd4']);
      expect(uncursored.fake.reads()).toBe(2);
      // At the very time of a story the page shows.
      const tie = await wallOf([2, 4, 6]);
      await tie.wall.upsert(publish('twin', 4));
      await tie.wall.page(first);
      expect(tie.fake.reads()).toBe(2);
      // Not published, or without a time.
      const unpublished = await wallOf([2, 4]);
      await unpublished.wall.upsert({ ...publish('new', 5), status: 'archived' });
      await unpublished.wall.page(first);
      expect(unpublished.fake.reads()).toBe(2);
    });

    it('drops a page its read ended short of its size with a cursor (the read hit its bounds)', async () => {
      const fake = fakeWall();
      const short: WallIndex = {
        ...fake.inner,
        page: async (query) => ({ ...(await fake.inner.page(query)), nextCursor: 'more' }),
      };
      const wall = cacheWallPages(short, { ttlMs: 1_000, now: () => 0, cursorAfter });
      await fake.inner.upsert(publish('d2', 2));
      await wall.page(first);
      await wall.upsert(publish('new', 5));
      await wall.page(first);
      expect(fake.reads()).toBe(2);
    });
  });

  describe('a read of the first page that a write of this instance overlapped', () => {
    const at = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00Z`);
    const onWall = (id: string, day: number, voteCount = 0, revision = 2) =>
      buildStory({ tenantId, id, status: 'published', publishedAt: at(day), voteCount, revision });

    it('is kept with a vote put on it, and shared by readers who came after the vote', async () => {
      const { fake, wall } = setUp();
      await fake.inner.upsert(onWall('s1', 1));
      await fake.inner.upsert(onWall('s2', 2));
      const release = fake.hold();
      const before = wall.page(first);
      // The vote is written while the page is read: the read may or may not have seen it.
      await wall.upsert(onWall('s1', 1, 1, 3));
      const after = wall.page(first);
      release();
      const counts = (page: WallPage) => page.items.map((s) => [s.id, s.voteCount]);
      expect(counts(await before)).toEqual([
        ['s2', 0],
        ['s1', 1],
      ]);
      expect(counts(await after)).toEqual(counts(await before));
      expect((await after).revision).toBeTypeOf('number');
      expect(counts(await wall.page(first))).toEqual(counts(await before));
      expect(fake.reads()).toBe(1);
    });

    it('is kept with a story published meanwhile put in its place', async () => {
      const { fake, wall } = setUp();
      await fake.inner.upsert(onWall('s1', 1));
      const release = fake.hold();
      const reading = wall.page({ ...first, limit: 1 });
      await wall.upsert(onWall('s2', 2));
      release();
      const page = await reading;
      expect(page.items.map((s) => s.id)).toEqual(['s2']);
      expect(page.nextCursor).toBe('after:s2');
      await wall.page({ ...first, limit: 1 });
      expect(fake.reads()).toBe(1);
    });

    it('is read once more for those waiting, and not kept, when the write cannot be put on it', async () => {
      const { fake, wall } = setUp();
      await fake.inner.upsert(onWall('s1', 1));
      await fake.inner.upsert(onWall('s2', 2));
      const release = fake.hold();
      const reading = wall.page(first);
      // Published at the very time of a story the read will show: only storage orders the two.
      await wall.upsert(onWall('twin', 2));
      release();
      expect((await reading).items.map((s) => s.id)).toContain('twin');
      expect(fake.reads()).toBe(2);
      await wall.page(first);
      expect(fake.reads()).toBe(3);
    });
  });

  describe('the page after the first (docs/adr/0015)', () => {
    /** A wall of ten stories, d10 newest, in pages of three; its first page is held. */
    async function paged() {
      const held = await wallOf([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 3);
      const second = { ...first, limit: 3, cursor: held.before.nextCursor ?? '' };
      return { ...held, second };
    }
    const firstOf3 = { ...first, limit: 3 };

    it('is read once while a first page held names its cursor, then served until its time is up', async () => {
      const { fake, wall, second, advance } = await paged();
      const read = await wall.page(second);
      expect(ids(read)).toEqual(['d7', 'd6', 'd5']);
      expect(read.nextCursor).toBe('after:d5');
      advance(500);
      expect(await wall.page(second)).toEqual(read);
      expect(wall.cachedPage?.(second)).toEqual(read);
      expect(fake.reads()).toBe(2);
      advance(500);
      expect(wall.cachedPage?.(second)).toBeUndefined();
      await wall.page(firstOf3);
      await wall.page(second);
      await wall.page(second);
      expect(fake.reads()).toBe(4);
    });

    it('is read as any other page once no first page held names its cursor, and for later pages', async () => {
      const { fake, wall, second, advance } = await paged();
      const third = { ...second, cursor: (await wall.page(second)).nextCursor ?? '' };
      await wall.page(third);
      expect(ids(await wall.page(third))).toEqual(['d4', 'd3', 'd2']);
      expect(wall.cachedPage?.(third)).toBeUndefined();
      expect(fake.reads()).toBe(4);
      advance(1_000);
      await wall.page(second);
      await wall.page(second);
      expect(fake.reads()).toBe(6);
    });

    it('shows a vote on one of its stories at once, without a read', async () => {
      const { fake, wall, second } = await paged();
      await wall.page(second);
      const voted = { ...publish('d6', 6, 3), voteCount: 4 };
      await wall.upsert(voted);
      expect((await wall.page(second)).items[1]).toEqual(voted);
      expect(fake.reads()).toBe(2);
    });

    it('serves the cursor a reader holds from before a story was published, and the new one, without a read', async () => {
      const { fake, wall, second } = await paged();
      const held = await wall.page(second);
      await wall.upsert(publish('new', 11));
      const moved = await wall.page(firstOf3);
      expect(ids(moved)).toEqual(['new', 'd10', 'd9']);
      // Whoever still shows the first page as it was gets the page that goes on after it.
      expect(await wall.page(second)).toEqual(held);
      // The first page's new cursor: the story it pushed on, on top of the page read.
      const next = await wall.page({ ...second, cursor: moved.nextCursor ?? '' });
      expect(ids(next)).toEqual(['d8', 'd7', 'd6']);
      expect(next.nextCursor).toBe('after:d6');
      await wall.upsert(publish('newer', 12));
      expect(ids(await wall.page(firstOf3))).toEqual(['newer', 'new', 'd10']);
      expect(ids(await wall.page({ ...second, cursor: 'after:d10' }))).toEqual(['d9', 'd8', 'd7']);
      expect(ids(await wall.page(second))).toEqual(['d7', 'd6', 'd5']);
      expect(fake.reads()).toBe(2);
    });

    it('reads two pages for the run, so a cursor a few publishes old finds its page in it', async () => {
      const { fake, wall, second } = await paged();
      await wall.upsert(publish('new', 11));
      const moved = await wall.page(firstOf3);
      expect(ids(await wall.page({ ...second, cursor: moved.nextCursor ?? '' }))).toEqual([
        'd8',
        'd7',
        'd6',
      ]);
      const old = await wall.page(second);
      expect(ids(old)).toEqual(['d7', 'd6', 'd5']);
      expect(old.nextCursor).toBe('after:d5');
      expect(fake.reads()).toBe(2);
    });

    it('reads the run after the first page held now for a cursor of a few publishes ago', async () => {
      const { fake, wall, second } = await paged();
      await wall.upsert(publish('new', 11));
      await wall.upsert(publish('newer', 12));
      const moved = await wall.page(firstOf3);
      expect(ids(moved)).toEqual(['newer', 'new', 'd10']);
      const old = await wall.page(second);
      expect(ids(old)).toEqual(['d7', 'd6', 'd5']);
      expect(old.nextCursor).toBe('after:d5');
      expect(ids(await wall.page({ ...second, cursor: moved.nextCursor ?? '' }))).toEqual([
        'd9',
        'd8',
        'd7',
      ]);
      expect(fake.reads()).toBe(2);
    });

    it('reads a cursor whose page the run does not hold whole', async () => {
      const { fake, wall, second } = await paged();
      for (const day of [11, 12, 13, 14]) await wall.upsert(publish(`new${day}`, day));
      const moved = await wall.page(firstOf3);
      expect(ids(moved)).toEqual(['new14', 'new13', 'new12']);
      // The run read now: new11 to d6, after new12. The cursor after d10, named by the first page
      // of two publishes ago, needs d9, d8 and d7: held.
      await wall.page({ ...second, cursor: moved.nextCursor ?? '' });
      expect(ids(await wall.page({ ...second, cursor: 'after:d10' }))).toEqual(['d9', 'd8', 'd7']);
      expect(fake.reads()).toBe(2);
      // The first page's own cursor of four publishes ago, after d8, needs d5: past the run's end.
      expect(ids(await wall.page(second))).toEqual(['d7', 'd6', 'd5']);
      expect(fake.reads()).toBe(3);
    });

    it("takes a story older than the first page's last in at its place, without a read", async () => {
      const { fake, wall, second, before } = await paged();
      await wall.page(second);
      const late = { ...publish('late', 6), publishedAt: new Date(at(6).getTime() + 3_600_000) };
      await wall.upsert(late);
      expect(await wall.page(firstOf3)).toEqual(before);
      const page = await wall.page(second);
      expect(ids(page)).toEqual(['d7', 'late', 'd6']);
      expect(page.nextCursor).toBe('after:d6');
      expect(fake.reads()).toBe(2);
    });

    it("is read again for a story published at the very time of the first page's last", async () => {
      const { fake, wall, second, advance } = await paged();
      advance(500);
      await wall.page(second);
      // The first page's time is up, the run's is not: the wall orders the two stories of that
      // millisecond by id, which only a read tells.
      advance(500);
      await wall.upsert(publish('twin', 8));
      await wall.page(second);
      expect(fake.reads()).toBe(3);
    });
  });

  it('hands out copies, so a caller cannot change the cached page', async () => {
    const { wall } = setUp();
    await wall.upsert(story('s1'));
    (await wall.page(first)).items.length = 0;
    expect((await wall.page(first)).items).toHaveLength(1);
  });

  it('keeps at most maxEntries pages, dropping expired ones first', async () => {
    let clock = 0;
    const fake = fakeWall();
    const wall = cacheWallPages(fake.inner, { ttlMs: 100, now: () => clock, maxEntries: 2 });
    await wall.page({ tenantId: 't1', limit: 30 });
    clock = 50;
    await wall.page({ tenantId: 't2', limit: 30 });
    clock = 120; // t1 has expired, t2 has not
    await wall.page({ tenantId: 't3', limit: 30 });
    await wall.page({ tenantId: 't2', limit: 30 });
    await wall.page({ tenantId: 't3', limit: 30 });
    expect(fake.reads()).toBe(3);
  });

  it('tells the first page it holds fresh without reading (`cachedPage`), as `page` would answer', async () => {
    const { fake, wall, advance } = setUp();
    await wall.upsert(story('s1'));
    expect(wall.cachedPage?.(first)).toBeUndefined();
    const read = await wall.page(first);
    const held = wall.cachedPage?.(first);
    expect(held).toEqual(read);
    expect(held?.revision).toBeDefined();
    // Only the plain first page is held: a filter, a cursor it does not name or another size
    // is not.
    expect(wall.cachedPage?.({ ...first, cursor: 'after:s1' })).toBeUndefined();
    expect(wall.cachedPage?.({ ...first, team: 'Sales' })).toBeUndefined();
    expect(wall.cachedPage?.({ ...first, limit: 10 })).toBeUndefined();
    // A copy: changing it does not change the cache.
    held?.items.pop();
    expect(wall.cachedPage?.(first)?.items.map((s) => s.id)).toEqual(['s1']);
    await wall.upsert(story('s2'));
    expect(wall.cachedPage?.(first)).toBeUndefined();
    await wall.page(first);
    advance(1_000);
    expect(wall.cachedPage?.(first)).toBeUndefined();
    expect(fake.reads()).toBe(2);
  });

  it('is the wall itself when the time-to-live is 0', () => {
    const { inner } = fakeWall();
    expect(cacheWallPages(inner, { ttlMs: 0 })).toBe(inner);
  });
});
