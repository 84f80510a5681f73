import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DomainError,
  type Story,
  type WallIndex,
  type WallQuery,
} from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const A = 'tenant-a';
const B = 'tenant-b';
let storage: TableStorage;

/** Published stories spread over three months, a few seconds apart, each with a unique time. */
function published(tenantId: string, month: string, count: number, prefix: string): Story[] {
  return Array.from({ length: count }, (_, i) => {
    const publishedAt = new Date(Date.parse(`${month}-03T08:00:00Z`) + i * 3_600_000);
    return buildStory({
      tenantId,
      id: `${prefix}-${String(i).padStart(3, '0')}`,
      title: i % 5 === 0 ? `The borrowed PARKA ${i}` : `Story ${prefix} ${i}`,
      team: i % 2 === 0 ? 'Sales' : "Logistics & O'Neill",
      category: i % 3 === 0 ? 'care' : 'speed',
      status: 'published',
      publishedAt,
      updatedAt: publishedAt,
    });
  });
}

const stories = [
  ...published(A, '2026-08', 7, 'aug'),
  ...published(A, '2026-10', 12, 'oct'),
  ...published(A, '2026-11', 25, 'nov'),
];
const newestFirst = (list: Story[]) =>
  [...list].sort(
    (a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime() || a.id.localeCompare(b.id),
  );

/** Follows cursors to the end; returns every page's ids. */
async function walk(wall: WallIndex, query: Omit<WallQuery, 'cursor'>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await wall.page({ ...query, ...(cursor ? { cursor } : {}) });
    pages.push(page.items.map((s) => s.id));
    cursor = page.nextCursor ?? undefined;
    if (pages.length > 50) throw new Error('no end');
  } while (cursor);
  return pages;
}

async function expectValidation(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toSatisfy(
    (e) => e instanceof DomainError && e.code === 'validation',
  );
}

beforeAll(async () => {
  storage = await testStorage();
  await Promise.all(stories.map((s) => storage.wall.upsert(s)));
});
afterAll(async () => {
  await storage.dropTables();
});

describe('TableWallIndex', () => {
  it('pages newest first across months with no gaps, no duplicates and a final null cursor', async () => {
    const pages = await walk(storage.wall, { tenantId: A, limit: 10 });
    expect(pages.flat()).toEqual(newestFirst(stories).map((s) => s.id));
    expect(pages.slice(0, -1).every((p) => p.length === 10)).toBe(true);
  });

  it('returns whole stories from the snapshot', async () => {
    const page = await storage.wall.page({ tenantId: A, limit: 1 });
    expect(page.items[0]).toEqual(newestFirst(stories)[0]);
  });

  it('filters by team and category on the server, escaping quotes', async () => {
    const team = "Logistics & O'Neill";
    const byTeam = await walk(storage.wall, { tenantId: A, limit: 4, team });
    expect(byTeam.flat()).toEqual(
      newestFirst(stories.filter((s) => s.team === team)).map((s) => s.id),
    );
    const both = await walk(storage.wall, {
      tenantId: A,
      limit: 3,
      team: 'Sales',
      category: 'care',
    });
    expect(both.flat()).toEqual(
      newestFirst(stories.filter((s) => s.team === 'Sales' && s.category === 'care')).map(
        (s) => s.id,
      ),
    );
    expect((await walk(storage.wall, { tenantId: A, limit: 5, team: 'Nobody' })).flat()).toEqual(
      [],
    );
  });

  it('matches the team whatever its case: "sales" finds the stories of "Sales"', async () => {
    const sales = newestFirst(stories.filter((s) => s.team === 'Sales')).map((s) => s.id);
    expect(sales.length).toBeGreaterThan(0);
    for (const team of ['sales', 'SALES', ' Sales ']) {
      expect((await walk(storage.wall, { tenantId: A, limit: 4, team })).flat(), team).toEqual(
        sales,
      );
    }
  });

  it('shows one month only when asked', async () => {
    const october = await walk(storage.wall, { tenantId: A, limit: 5, month: '2026-10' });
    expect(october.flat()).toEqual(
      newestFirst(stories.filter((s) => s.id.startsWith('oct'))).map((s) => s.id),
    );
    expect((await walk(storage.wall, { tenantId: A, limit: 5, month: '2026-09' })).flat()).toEqual(
      [],
    );
    await expectValidation(storage.wall.page({ tenantId: A, limit: 5, month: '2026-13' }));
  });

  it('searches text case-insensitively', async () => {
    const found = await walk(storage.wall, { tenantId: A, limit: 4, q: 'parka' });
    expect(found.flat()).toEqual(
      newestFirst(stories.filter((s) => s.title.includes('PARKA'))).map((s) => s.id),
    );
    expect((await walk(storage.wall, { tenantId: A, limit: 4, q: 'zebra' })).flat()).toEqual([]);
  });

  it('refuses malformed and tampered cursors', async () => {
    const page = await storage.wall.page({ tenantId: A, limit: 2 });
    const cursor = page.nextCursor!;
    const json = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as Record<string, unknown>;
    const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    for (const bad of [
      'not a cursor',
      'abc',
      forge({ ...json, v: 2 }),
      forge({ ...json, extra: 1 }),
      forge({ ...json, pk: `${A}|202613` }),
      forge({ ...json, after: "x' or PartitionKey ne '" }),
      forge([1]),
      'x'.repeat(2000),
    ]) {
      await expectValidation(storage.wall.page({ tenantId: A, limit: 2, cursor: bad }));
    }
    await expectValidation(storage.wall.page({ tenantId: A, limit: 2, cursor, month: '2026-08' }));
  });

  it("keeps tenants apart: another tenant's cursor is refused and its wall is its own", async () => {
    const ofA = await storage.wall.page({ tenantId: A, limit: 2 });
    await expectValidation(storage.wall.page({ tenantId: B, limit: 2, cursor: ofA.nextCursor! }));
    expect(await storage.wall.page({ tenantId: B, limit: 10 })).toEqual({
      items: [],
      nextCursor: null,
    });
    const [mine] = published(B, '2026-11', 1, 'b');
    await storage.wall.upsert(mine!);
    expect((await storage.wall.page({ tenantId: B, limit: 10 })).items).toEqual([mine]);
    expect((await walk(storage.wall, { tenantId: A, limit: 50 })).flat()).not.toContain(mine!.id);
  });

  it('upserts idempotently and removes (twice is fine)', async () => {
    const tenantId = 'tenant-upsert';
    const [story] = published(tenantId, '2026-11', 1, 'up');
    await storage.wall.upsert(story!);
    await storage.wall.upsert({ ...story!, voteCount: 7, revision: 2 });
    const page = await storage.wall.page({ tenantId, limit: 10 });
    expect(page.items.map((s) => s.voteCount)).toEqual([7]);
    await storage.wall.remove({ ...story!, status: 'archived', revision: 3 });
    await storage.wall.remove({ ...story!, status: 'archived', revision: 3 });
    expect((await storage.wall.page({ tenantId, limit: 10 })).items).toEqual([]);
  });

  it('rejects a bad page size', async () => {
    await expectValidation(storage.wall.page({ tenantId: A, limit: 0 }));
    await expectValidation(storage.wall.page({ tenantId: A, limit: 1.5 }));
  });
});

describe('TableWallIndex cost', () => {
  const tenantId = 'tenant-cost';
  const counter = createCallCounter();
  let counted: TableStorage;

  beforeAll(async () => {
    counted = await testStorage({
      additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
    });
    await Promise.all(
      [
        ...published(tenantId, '2026-10', 5, 'old'),
        ...published(tenantId, '2026-11', 70, 'new'),
      ].map((s) => counted.wall.upsert(s)),
    );
  });
  afterAll(async () => {
    await counted.dropTables();
  });

  it('reads a page of 30 with at most 2 calls and no more than 2 × 30 entities', async () => {
    counter.reset();
    const first = await counted.wall.page({ tenantId, limit: 30 });
    expect(first.items).toHaveLength(30);
    expect(counter.calls).toBeLessThanOrEqual(2);
    expect(counter.entitiesRead).toBeLessThanOrEqual(60);

    counter.reset();
    const second = await counted.wall.page({ tenantId, limit: 30, cursor: first.nextCursor! });
    expect(second.items).toHaveLength(30);
    expect(counter.calls).toBe(1);
    expect(counter.entitiesRead).toBe(30);

    // Crossing into an older month costs one point read of the month list.
    counter.reset();
    const third = await counted.wall.page({ tenantId, limit: 30, cursor: second.nextCursor! });
    expect(third.items.map((s) => s.id.slice(0, 3))).toEqual([
      ...Array<string>(10).fill('new'),
      ...Array<string>(5).fill('old'),
    ]);
    expect(third.nextCursor).toBeNull();
    expect(counter.calls).toBe(3);
  });

  it('bounds a text search to 500 entities per request and continues with a cursor', async () => {
    const tenant = 'tenant-scan';
    const many = published(tenant, '2026-11', 520, 'scan').map((s, i) => ({
      ...s,
      title: i === 0 ? 'The needle' : `Hay ${i}`,
    }));
    for (let i = 0; i < many.length; i += 100) {
      await Promise.all(many.slice(i, i + 100).map((s) => counted.wall.upsert(s)));
    }
    const first = await counted.wall.page({ tenantId: tenant, limit: 10, q: 'needle' });
    expect(first.items).toEqual([]);
    expect(first.nextCursor).not.toBeNull();
    const second = await counted.wall.page({
      tenantId: tenant,
      limit: 10,
      q: 'needle',
      cursor: first.nextCursor!,
    });
    expect(second.items.map((s) => s.title)).toEqual(['The needle']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('TableWallIndex counts', () => {
  const tenantId = 'tenant-counts';
  const counter = createCallCounter();
  let counted: TableStorage;
  const wall = published(tenantId, '2026-11', 40, 'counted');

  beforeAll(async () => {
    counted = await testStorage({
      additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
      wallRankCacheMs: 60_000,
    });
    await Promise.all(wall.map((s) => counted.wall.upsert(s)));
  });
  afterAll(async () => {
    await counted.dropTables();
  });

  const countCalls = async (query: Omit<Parameters<WallIndex['count']>[0], 'tenantId'> = {}) => {
    counter.reset();
    const { total } = await counted.wall.count({ tenantId, ...query });
    return { total, calls: counter.calls };
  };

  it('keeps a count while only votes change, and counts again when the stories or their filters do', async () => {
    expect((await countCalls()).total).toBe(40);
    expect((await countCalls({ team: 'Sales' })).total).toBe(20);
    expect((await countCalls()).calls).toBe(0);

    // A vote: the same story with one more vote, one revision on.
    const voted = wall[3]!;
    await counted.wall.upsert({
      ...voted,
      voteCount: voted.voteCount + 1,
      revision: voted.revision + 1,
    });
    expect(await countCalls()).toEqual({ total: 40, calls: 0 });
    expect(await countCalls({ team: 'Sales' })).toEqual({ total: 20, calls: 0 });

    // A correction that moves a story to another team changes what the team's count holds.
    await counted.wall.upsert({ ...voted, team: 'Sales', revision: voted.revision + 2 });
    expect((await countCalls({ team: 'Sales' })).total).toBe(21);

    // A story published anew is counted at once: the whole wall's count goes up by one without
    // reading the wall again (every opening of the tab asks for it); a filtered count is read again.
    const [fresh] = published(tenantId, '2026-11', 41, 'fresh').slice(40);
    expect((await countCalls({ team: 'Sales' })).total).toBe(21);
    expect((await countCalls()).total).toBe(40);
    await counted.wall.upsert(fresh!);
    expect(await countCalls()).toEqual({ total: 41, calls: 0 });
    expect((await countCalls({ team: 'Sales' })).calls).toBeGreaterThan(0);
    // Written again as it is (the outbox's repair): counted once, not twice.
    await counted.wall.upsert(fresh!);
    expect(await countCalls()).toEqual({ total: 41, calls: 0 });
    await counted.wall.remove({ ...fresh!, revision: fresh!.revision + 1 });
    expect((await countCalls()).total).toBe(40);
  });
});
