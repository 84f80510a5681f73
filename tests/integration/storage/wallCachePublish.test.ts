import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, WallIndex, WallPage } from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage, uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

/**
 * A story this instance publishes goes onto the wall's cached first pages in place (ADR 0010):
 * no read of the wall, and the cached page and the pages after it, from its cursor, hold exactly
 * what a read of storage gives — nothing twice, nothing skipped — wherever the story falls.
 */

/** Long enough that no page expires during a test: every read counted is one the cache chose. */
const TTL_MS = 60_000;
let tenants = 0;

function published(tenantId: string, id: string, at: string): Story {
  const publishedAt = new Date(at);
  return buildStory({ tenantId, id, status: 'published', publishedAt, updatedAt: publishedAt });
}

const ids = (page: WallPage) => page.items.map((s) => s.id);

describe('a story published through the cached wall', () => {
  const counter = createCallCounter();
  /** The instance under test: its wall cached, its storage calls counted. */
  let cached: TableStorage;
  /** Another instance on the same tables, without a cache: what storage holds. */
  let plain: TableStorage;

  beforeAll(async () => {
    const tablePrefix = uniqueTablePrefix();
    plain = await testStorage({ tablePrefix });
    cached = await testStorage({
      tablePrefix,
      wallCacheMs: TTL_MS,
      additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
    });
  });
  afterAll(async () => {
    await plain.dropTables();
  });

  /**
   * A tenant of its own whose wall holds 3 stories in September, 3 in October and 3 in November
   * 2026 (ids `m<month>-<n>`, newest first within a month by n), each at a time of its own.
   */
  async function wallOfNine(): Promise<string> {
    const tenantId = `tenant-publish-${++tenants}`;
    for (const month of ['09', '10', '11']) {
      for (const [n, day] of [
        [1, '20'],
        [2, '12'],
        [3, '04'],
      ] as const) {
        await plain.wall.upsert(
          published(tenantId, `m${month}-${n}`, `2026-${month}-${day}T08:00:00Z`),
        );
      }
    }
    return tenantId;
  }

  /** Every page from the first, following cursors to the end, through `wall`. */
  async function walk(wall: WallIndex, tenantId: string, limit: number): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await wall.page({ tenantId, limit, ...(cursor ? { cursor } : {}) });
      pages.push(ids(page));
      cursor = page.nextCursor ?? undefined;
      if (pages.length > 30) throw new Error('The cursors never end.');
    } while (cursor);
    return pages;
  }

  /** The whole wall as storage holds it, in one uncached read. */
  async function stored(tenantId: string): Promise<string[]> {
    return ids(await plain.wall.page({ tenantId, limit: 100 }));
  }

  /**
   * Fills the cached first and second pages of `limit` (the second is held while the first
   * names it), publishes `story` through the cached instance, and checks the first page is
   * served without a storage call and that it and the pages after it are the wall as stored;
   * returns the first page's ids.
   */
  async function publishAndCheck(
    tenantId: string,
    limit: number,
    stories: Story[],
  ): Promise<{ first: string[]; pages: string[][] }> {
    await walk(cached.wall, tenantId, limit);
    for (const story of stories) await cached.wall.upsert(story);
    counter.reset();
    const first = await cached.wall.page({ tenantId, limit });
    expect(counter.calls).toBe(0);
    const pages = await walk(cached.wall, tenantId, limit);
    expect(pages[0]).toEqual(ids(first));
    const all = pages.flat();
    expect(all).toEqual(await stored(tenantId));
    expect(new Set(all).size).toBe(all.length);
    expect(pages.slice(0, -1).every((page) => page.length === limit)).toBe(true);
    return { first: ids(first), pages };
  }

  it('puts a new story on top of the cached first page without reading the wall again', async () => {
    const tenantId = await wallOfNine();
    await cached.wall.page({ tenantId, limit: 30 });
    await cached.wall.upsert(published(tenantId, 'new-1', '2026-11-25T08:00:00Z'));
    counter.reset();
    const page = await cached.wall.page({ tenantId, limit: 30 });
    expect(counter.calls).toBe(0);
    expect(ids(page)).toEqual(await stored(tenantId));
    expect(ids(page)[0]).toBe('new-1');
    expect(page.nextCursor).toBeNull();
  });

  it("puts a story older than the first page's last on the held second page, without a read", async () => {
    const tenantId = await wallOfNine();
    const first = await cached.wall.page({ tenantId, limit: 4 });
    const second = { tenantId, limit: 4, cursor: first.nextCursor ?? '' };
    await cached.wall.page(second);
    await cached.wall.upsert(published(tenantId, 'new-1', '2026-10-08T08:00:00Z'));
    counter.reset();
    expect(ids(await cached.wall.page(second))).toEqual(['m10-2', 'new-1', 'm10-3', 'm09-1']);
    expect(counter.calls).toBe(0);
    expect((await walk(cached.wall, tenantId, 4)).flat()).toEqual(await stored(tenantId));
  });

  it('gives the page a new revision, so what was made of the old one is not reused', async () => {
    const tenantId = await wallOfNine();
    const before = await cached.wall.page({ tenantId, limit: 4 });
    await cached.wall.upsert(published(tenantId, 'new-1', '2026-11-25T08:00:00Z'));
    const after = await cached.wall.page({ tenantId, limit: 4 });
    expect(after.revision).toBeTypeOf('number');
    expect(after.revision).not.toBe(before.revision);
  });

  describe('continues after the cached page with nothing skipped or shown twice', () => {
    it('when the story is the newest and pushes the last one off a full page', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 4, [
        published(tenantId, 'new-1', '2026-11-25T08:00:00Z'),
      ]);
      expect(first).toEqual(['new-1', 'm11-1', 'm11-2', 'm11-3']);
    });

    it('when the page ended at the end of a month', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 3, [
        published(tenantId, 'new-1', '2026-11-25T08:00:00Z'),
      ]);
      expect(first).toEqual(['new-1', 'm11-1', 'm11-2']);
    });

    it('when the story falls between two stories of the page, in an older month', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 5, [
        published(tenantId, 'late-1', '2026-10-15T08:00:00Z'),
      ]);
      expect(first).toEqual(['m11-1', 'm11-2', 'm11-3', 'm10-1', 'late-1']);
    });

    it('when the story lands just before the last one of a full page', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 4, [
        published(tenantId, 'late-1', '2026-10-21T08:00:00Z'),
      ]);
      expect(first).toEqual(['m11-1', 'm11-2', 'm11-3', 'late-1']);
    });

    it('when the story is older than the last one of a full page (the page stays)', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 4, [
        published(tenantId, 'old-1', '2026-09-15T08:00:00Z'),
      ]);
      expect(first).toEqual(['m11-1', 'm11-2', 'm11-3', 'm10-1']);
    });

    it('when the story opens a month the wall had not had', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 4, [
        published(tenantId, 'dec-1', '2026-12-02T08:00:00Z'),
      ]);
      expect(first).toEqual(['dec-1', 'm11-1', 'm11-2', 'm11-3']);
    });

    it('when the whole wall fitted on the page, and when it filled the page exactly', async () => {
      const roomy = await wallOfNine();
      const { pages } = await publishAndCheck(roomy, 30, [
        published(roomy, 'new-1', '2026-11-25T08:00:00Z'),
      ]);
      expect(pages).toHaveLength(1);
      const exact = await wallOfNine();
      const after = await publishAndCheck(exact, 9, [
        published(exact, 'new-1', '2026-11-25T08:00:00Z'),
      ]);
      expect(after.pages).toEqual([after.first, ['m09-3']]);
    });

    it('for a page of one story (the one the tab reads its count with)', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 1, [
        published(tenantId, 'new-1', '2026-11-25T08:00:00Z'),
      ]);
      expect(first).toEqual(['new-1']);
    });

    it('after several stories published one after another, at different places', async () => {
      const tenantId = await wallOfNine();
      const { first } = await publishAndCheck(tenantId, 4, [
        published(tenantId, 'new-1', '2026-11-25T08:00:00Z'),
        published(tenantId, 'late-1', '2026-11-13T08:00:00Z'),
        published(tenantId, 'new-2', '2026-11-26T08:00:00Z'),
        published(tenantId, 'old-1', '2026-09-15T08:00:00Z'),
      ]);
      expect(first).toEqual(['new-2', 'new-1', 'm11-1', 'late-1']);
    });

    it('on every cached page size at once', async () => {
      const tenantId = await wallOfNine();
      for (const limit of [1, 2, 5]) await cached.wall.page({ tenantId, limit });
      await cached.wall.upsert(published(tenantId, 'new-1', '2026-11-25T08:00:00Z'));
      await cached.wall.upsert(published(tenantId, 'late-1', '2026-11-05T08:00:00Z'));
      const wall = await stored(tenantId);
      for (const limit of [1, 2, 5]) {
        counter.reset();
        await cached.wall.page({ tenantId, limit });
        expect(counter.calls).toBe(0);
        expect((await walk(cached.wall, tenantId, limit)).flat()).toEqual(wall);
      }
    });
  });

  it('reads the page again for a story published at the very time of one it shows', async () => {
    const tenantId = await wallOfNine();
    await cached.wall.page({ tenantId, limit: 4 });
    // The same instant: the order between the two is the storage's (by id), not the clock's.
    await cached.wall.upsert(published(tenantId, 'm11-0', '2026-11-12T08:00:00Z'));
    counter.reset();
    const page = await cached.wall.page({ tenantId, limit: 4 });
    expect(counter.calls).toBeGreaterThan(0);
    expect((await walk(cached.wall, tenantId, 4)).flat()).toEqual(await stored(tenantId));
    expect(ids(page)).toEqual((await stored(tenantId)).slice(0, 4));
  });

  it("still shows another instance's publish only once the cache's time is up", async () => {
    const tenantId = await wallOfNine();
    const before = await cached.wall.page({ tenantId, limit: 4 });
    await plain.wall.upsert(published(tenantId, 'elsewhere-1', '2026-11-25T08:00:00Z'));
    await cached.wall.upsert(published(tenantId, 'here-1', '2026-11-24T08:00:00Z'));
    const after = await cached.wall.page({ tenantId, limit: 4 });
    expect(ids(after)).toEqual(['here-1', ...ids(before).slice(0, 3)]);
  });
});
