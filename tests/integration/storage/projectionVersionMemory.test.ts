import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../../src/domain/index.js';
import { createCallCounter, type CallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage, uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory, pendingApproval } from '../../support/factories.js';

/**
 * Projection rows written on the version this instance last wrote or read
 * (`projectionVersionMemoryMs`), on real Azurite, with two instances over the same tables: a
 * write on a remembered ETag needs no read first, and whatever the other instance did meanwhile,
 * the newest revision of the story is what stays, exactly as with a read before every write.
 */

const tenantId = 'tenant-rowmemory';
const T0 = new Date(Date.UTC(2026, 10, 2, 9));
const T1 = new Date(Date.UTC(2026, 10, 3, 10));
const prefix = uniqueTablePrefix();
let n = 0;

interface Instance {
  readonly storage: TableStorage;
  readonly counter: CallCounter;
}
let a: Instance;
let b: Instance;

async function instance(): Promise<Instance> {
  const counter = createCallCounter();
  const storage = await testStorage({
    tablePrefix: prefix,
    projectionVersionMemoryMs: 60_000,
    wallRankCacheMs: 60_000,
    additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
  });
  return { storage, counter };
}

beforeAll(async () => {
  a = await instance();
  b = await instance();
  // The month is recorded by each instance once; the counts below are the rows' own.
  const seed = published();
  await a.storage.wall.upsert(seed);
  await b.storage.wall.upsert({ ...seed, revision: seed.revision + 1 });
});
afterAll(async () => {
  await a.storage.dropTables();
});

function story(overrides: Partial<Story> = {}): Story {
  return buildStory({ tenantId, id: `mem-${++n}`, createdAt: T0, updatedAt: T0, ...overrides });
}
const published = (overrides: Partial<Story> = {}) =>
  story({ status: 'published', publishedAt: T1, ...overrides });

/** The story's row on the wall as stored (read through a third view: no memory involved). */
async function onWall(id: string): Promise<Story | undefined> {
  const page = await a.storage.wall.page({ tenantId, limit: 100 });
  return page.items.find((s) => s.id === id);
}

/** Storage calls `work` made through `through`. */
async function callsOf(through: Instance, work: () => Promise<unknown>): Promise<number> {
  through.counter.reset();
  await work();
  return through.counter.calls;
}

describe('the wall row written on the version this instance remembers', () => {
  it('a vote replaces the row this instance wrote without reading it first', async () => {
    const first = published({ revision: 1 });
    await a.storage.wall.upsert(first);
    const voted = { ...first, voteCount: 1, revision: 2 };
    expect(await callsOf(a, () => a.storage.wall.upsert(voted))).toBe(1);
    // The next vote too: the write's own ETag is remembered.
    const again = { ...voted, voteCount: 2, revision: 3 };
    expect(await callsOf(a, () => a.storage.wall.upsert(again))).toBe(1);
    expect(await onWall(first.id)).toEqual(again);
  });

  it('a story new on the wall is created without looking for its row first', async () => {
    const approved = published({ revision: 2 });
    expect(await callsOf(a, () => a.storage.wall.upsert(approved, { newOnWall: true }))).toBe(1);
    expect(await onWall(approved.id)).toEqual(approved);
  });

  it('"new on the wall" with a row there after all keeps the newer of the two', async () => {
    const approved = published({ revision: 2 });
    await b.storage.wall.upsert({ ...approved, voteCount: 3, revision: 4 });
    await a.storage.wall.upsert(approved, { newOnWall: true });
    expect(await onWall(approved.id)).toMatchObject({ voteCount: 3, revision: 4 });
    // A repeated run of an older change than the row's: the row's own revision is replaced.
    const other = published({ revision: 5 });
    await b.storage.wall.upsert({ ...other, revision: 3 });
    await a.storage.wall.upsert(other, { newOnWall: true });
    expect(await onWall(other.id)).toEqual(other);
  });

  it('a newer revision the other instance wrote since is replaced by a newer one only', async () => {
    const first = published({ revision: 1 });
    await a.storage.wall.upsert(first);
    await b.storage.wall.upsert({ ...first, voteCount: 5, revision: 5 });
    // Remembered as revision 1, stored as 5: revision 3 must not win. Its write on the
    // remembered ETag is refused, and the fresh read finds the newer row (two calls).
    expect(
      await callsOf(a, () => a.storage.wall.upsert({ ...first, voteCount: 3, revision: 3 })),
    ).toBe(2);
    expect(await onWall(first.id)).toMatchObject({ voteCount: 5, revision: 5 });
    // And revision 6 replaces 5, though its remembered ETag was refused.
    await a.storage.wall.upsert({ ...first, voteCount: 6, revision: 6 });
    expect(await onWall(first.id)).toMatchObject({ voteCount: 6, revision: 6 });
  });

  it('a row the other instance took off since is written again by a newer revision', async () => {
    const first = published({ revision: 1 });
    await a.storage.wall.upsert(first);
    await b.storage.wall.remove({ ...first, status: 'archived', revision: 2 });
    expect(await onWall(first.id)).toBeUndefined();
    // Restored: the remembered ETag names a row that is gone, and the write still lands.
    await a.storage.wall.upsert({ ...first, revision: 3 });
    expect(await onWall(first.id)).toEqual({ ...first, revision: 3 });
  });

  it('the same revision written by both instances at once is stored once, unchanged', async () => {
    const first = published({ revision: 1 });
    await Promise.all([a.storage.wall.upsert(first), b.storage.wall.upsert(first)]);
    const voted = { ...first, voteCount: 1, revision: 2 };
    const later = { ...first, voteCount: 2, revision: 3 };
    await Promise.all([a.storage.wall.upsert(later), b.storage.wall.upsert(voted)]);
    await Promise.all([a.storage.wall.upsert(voted), b.storage.wall.upsert(later)]);
    expect(await onWall(first.id)).toEqual(later);
  });

  it('keeps the counts of the wall through a vote and drops them for a changed column', async () => {
    const first = published({ revision: 1, team: 'Harbour' });
    await a.storage.wall.upsert(first);
    const before = await a.storage.wall.count({ tenantId, team: 'Harbour' });
    // A vote on the remembered row: no column a count reads changed; the count is not read again.
    await a.storage.wall.upsert({ ...first, voteCount: 1, revision: 2 });
    expect(await callsOf(a, () => a.storage.wall.count({ tenantId, team: 'Harbour' }))).toBe(0);
    // Moved to another team: the team's count is read again and no longer holds it.
    await a.storage.wall.upsert({ ...first, team: 'Quay', voteCount: 1, revision: 3 });
    const after = await a.storage.wall.count({ tenantId, team: 'Harbour' });
    expect(after.total).toBe(before.total - 1);
  });
});

describe('queue rows written on the version this instance remembers', () => {
  it('an approval takes the story out of the queue the submit put it in with one call', async () => {
    const pending = story({ approval: pendingApproval('approver-m1'), revision: 1 });
    await a.storage.approvals.put(pending, 'approver-m1');
    const decided = { ...pending, status: 'published' as const, revision: 2 };
    expect(await callsOf(a, () => a.storage.approvals.remove(decided, 'approver-m1'))).toBe(1);
    expect(await a.storage.approvals.list(tenantId, 'approver-m1', 10)).toEqual([]);
  });

  it('a removal does not take out a newer snapshot the other instance put since', async () => {
    const pending = story({ approval: pendingApproval('approver-m2'), revision: 1 });
    await a.storage.approvals.put(pending, 'approver-m2');
    const resubmitted = { ...pending, title: 'Resubmitted', revision: 3 };
    await b.storage.approvals.put(resubmitted, 'approver-m2');
    await a.storage.approvals.remove({ ...pending, revision: 2 }, 'approver-m2');
    expect(await a.storage.approvals.list(tenantId, 'approver-m2', 10)).toEqual([resubmitted]);
  });

  it("the author's own list is replaced without a read after this instance's write", async () => {
    const pending = story({ revision: 1 });
    await a.storage.authors.put(pending);
    const decided = { ...pending, status: 'published' as const, publishedAt: T1, revision: 2 };
    expect(await callsOf(a, () => a.storage.authors.put(decided))).toBe(1);
    const page = await b.storage.authors.list(tenantId, pending.authorId, { limit: 100 });
    expect(page.items.find((s) => s.id === pending.id)).toEqual(decided);
  });

  it("the author's list keeps the newer snapshot the other instance wrote since", async () => {
    const pending = story({ revision: 1 });
    await a.storage.authors.put(pending);
    const newer = { ...pending, title: 'Edited elsewhere', revision: 4 };
    await b.storage.authors.put(newer);
    await a.storage.authors.put({ ...pending, revision: 2 });
    const page = await a.storage.authors.list(tenantId, pending.authorId, { limit: 100 });
    expect(page.items.find((s) => s.id === pending.id)).toEqual(newer);
  });
});
