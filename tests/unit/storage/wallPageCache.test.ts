import { describe, expect, it } from 'vitest';
import type { Story, WallIndex, WallPage, WallQuery } from '../../../src/domain/index.js';
import { cacheWallPages } from '../../../src/storage/wallPageCache.js';
import { buildStory } from '../../support/factories.js';

/** A wall in memory that counts its page reads and can hold a read until told to go on. */
function fakeWall() {
  let stories: Story[] = [];
  let reads = 0;
  let gate: Promise<void> | undefined;
  const inner: WallIndex = {
    upsert: async (story) => {
      stories = [story, ...stories.filter((s) => s.id !== story.id)];
    },
    remove: async (story) => {
      stories = stories.filter((s) => s.id !== story.id);
    },
    count: async () => ({ total: stories.length, exact: true }),
    page: async (query: WallQuery): Promise<WallPage> => {
      reads++;
      const items = stories.slice(0, query.limit);
      await gate;
      return { items, nextCursor: stories.length > query.limit ? 'more' : null };
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

const tenantId = 'tenant-a';
const first = { tenantId, limit: 30 };
const story = (id: string) => buildStory({ tenantId, id, status: 'published' });

function setUp(ttlMs = 1_000) {
  let clock = 0;
  const fake = fakeWall();
  const wall = cacheWallPages(fake.inner, { ttlMs, now: () => clock });
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

  it('never caches filtered, searched or continued pages, nor other tenants alike', async () => {
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

    it('reads the page again after a new story, a story moved, or a failed write', async () => {
      const { fake, wall } = setUp();
      await wall.upsert(onWall('s1', 1));
      await wall.page(first);
      await wall.upsert(onWall('s2', 2));
      await wall.page(first);
      await wall.upsert(onWall('s1', 3, 0, 3));
      await wall.page(first);
      expect(fake.reads()).toBe(3);
      const broken = cacheWallPages(
        {
          ...fake.inner,
          upsert: () => Promise.reject(new Error('storage is unavailable')),
        },
        { ttlMs: 1_000, now: () => 0 },
      );
      await broken.page(first);
      await expect(broken.upsert(onWall('s1', 3, 1, 4))).rejects.toThrow('unavailable');
      await broken.page(first);
      expect(fake.reads()).toBe(5);
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

  it('is the wall itself when the time-to-live is 0', () => {
    const { inner } = fakeWall();
    expect(cacheWallPages(inner, { ttlMs: 0 })).toBe(inner);
  });
});
