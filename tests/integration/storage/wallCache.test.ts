import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage, uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

const TTL_MS = 300;
const tenantId = 'tenant-cache';

function published(id: string, at: string): Story {
  const publishedAt = new Date(at);
  return buildStory({ tenantId, id, status: 'published', publishedAt, updatedAt: publishedAt });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const ids = (stories: readonly Story[]) => stories.map((s) => s.id);

describe('the wall cache (wallCacheMs)', () => {
  const counter = createCallCounter();
  /** The instance under test: cached, its storage calls counted. */
  let cached: TableStorage;
  /** Another instance on the same tables, without a cache. */
  let other: TableStorage;

  beforeAll(async () => {
    const tablePrefix = uniqueTablePrefix();
    other = await testStorage({ tablePrefix });
    cached = await testStorage({
      tablePrefix,
      wallCacheMs: TTL_MS,
      additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
    });
    await other.wall.upsert(published('oct-1', '2026-10-05T08:00:00Z'));
    await other.wall.upsert(published('nov-1', '2026-11-05T08:00:00Z'));
  });
  afterAll(async () => {
    await other.dropTables();
  });

  it('serves a repeated first page from memory, and a filtered one with the months cached', async () => {
    counter.reset();
    expect(ids((await cached.wall.page({ tenantId, limit: 30 })).items)).toEqual([
      'nov-1',
      'oct-1',
    ]);
    // The month list, then November's and October's queries.
    expect(counter.calls).toBe(3);

    counter.reset();
    await cached.wall.page({ tenantId, limit: 30 });
    expect(counter.calls).toBe(0);

    counter.reset();
    const sales = await cached.wall.page({ tenantId, limit: 30, team: 'Logistics' });
    expect(ids(sales.items)).toEqual(['nov-1', 'oct-1']);
    expect(counter.calls).toBe(2); // two month queries; the month list came from memory
  });

  it("shows this instance's own publish at once, also in a month it had not seen", async () => {
    await cached.wall.page({ tenantId, limit: 30 });
    await cached.wall.upsert(published('dec-1', '2026-12-01T08:00:00Z'));
    expect(ids((await cached.wall.page({ tenantId, limit: 30 })).items)).toEqual([
      'dec-1',
      'nov-1',
      'oct-1',
    ]);
  });

  it("shows another instance's publish once the time-to-live is over", async () => {
    await cached.wall.page({ tenantId, limit: 30 });
    await other.wall.upsert(published('jan-1', '2027-01-02T08:00:00Z'));
    expect(ids((await cached.wall.page({ tenantId, limit: 30 })).items)).not.toContain('jan-1');
    await sleep(TTL_MS + 50);
    expect(ids((await cached.wall.page({ tenantId, limit: 30 })).items)[0]).toBe('jan-1');
  });
});
