import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '../../../src/domain/index.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

/**
 * The index of closed stories (`<tenant>|closed` in the queues table) that the retention setting
 * reads, and the removal of a story from its author's list, against a real Azurite.
 */
let storage: TableStorage;

beforeAll(async () => {
  storage = await testStorage();
});
afterAll(async () => {
  await storage.dropTables();
});

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-06-01T08:00:00.000Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

function closed(tenantId: string, id: string, days: number): Story {
  return buildStory({ tenantId, id, status: 'rejected', updatedAt: at(days) });
}

describe('the closed index', () => {
  it('lists what closed up to the cutoff, oldest first, and forgets an entry', async () => {
    const tenantId = 'tenant-closed-a';
    for (const [id, days] of [
      ['s-3', 3],
      ['s-1', 1],
      ['s-2', 2],
      ['s-9', 9],
    ] as const) {
      await storage.closed.put(closed(tenantId, id, days));
    }
    // Another tenant's entry is never listed.
    await storage.closed.put(closed('tenant-closed-b', 's-0', 0));
    // Recording it again changes nothing.
    await storage.closed.put(closed(tenantId, 's-1', 1));

    const upTo2 = await storage.closed.closedBefore(tenantId, at(2), 10);
    expect(upTo2.map((e) => [e.ref.storyId, e.closedAt.toISOString()])).toEqual([
      ['s-1', at(1).toISOString()],
      ['s-2', at(2).toISOString()],
    ]);
    expect(upTo2[0]?.ref.tenantId).toBe(tenantId);
    expect(
      (await storage.closed.closedBefore(tenantId, at(100), 2)).map((e) => e.ref.storyId),
    ).toEqual(['s-1', 's-2']);
    expect(await storage.closed.closedBefore(tenantId, at(100), 0)).toEqual([]);

    await storage.closed.remove(upTo2[0]!);
    await storage.closed.remove(upTo2[0]!);
    expect(
      (await storage.closed.closedBefore(tenantId, at(100), 10)).map((e) => e.ref.storyId),
    ).toEqual(['s-2', 's-3', 's-9']);
  });
});

describe('the author index', () => {
  it('takes one story off its author’s list unless it holds a newer revision', async () => {
    const tenantId = 'tenant-closed-authors';
    const base = { tenantId, authorId: 'author-1' };
    const keep = buildStory({ ...base, id: 'keep', revision: 1 });
    const gone = buildStory({ ...base, id: 'gone', revision: 3, createdAt: at(1) });
    await storage.authors.put(keep);
    await storage.authors.put(gone);
    // An older snapshot's removal loses to the newer row.
    await storage.authors.remove({ ...gone, revision: 2 });
    const list = async () =>
      (await storage.authors.list(tenantId, 'author-1', { limit: 10 })).items.map((s) => s.id);
    expect((await list()).sort()).toEqual(['gone', 'keep']);
    await storage.authors.remove({ ...gone, revision: Number.MAX_SAFE_INTEGER });
    expect(await list()).toEqual(['keep']);
    // Absent is fine.
    await storage.authors.remove({ ...gone, revision: Number.MAX_SAFE_INTEGER });
  });
});
