import { pendingApproval } from '../../support/factories.js';
import { TableClient } from '@azure/data-tables';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Story } from '../../../src/domain/index.js';
import { createCallCounter } from '../../../src/storage/callCounter.js';
import { storyColumns } from '../../../src/storage/storyColumns.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage, uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

/**
 * The wall and the approval queues keep the newest revision of a story whatever the order in
 * which projection writes land (inline after a commit, or later from the outbox).
 */

const tenantId = 'tenant-rev';
const T0 = new Date(Date.UTC(2026, 10, 2, 9));
const T1 = new Date(Date.UTC(2026, 10, 3, 10));
const counter = createCallCounter();
const prefix = uniqueTablePrefix();
let storage: TableStorage;
let n = 0;

beforeAll(async () => {
  storage = await testStorage({
    tablePrefix: prefix,
    additionalPolicies: [{ policy: counter.policy, position: 'perRetry' }],
  });
});
afterAll(async () => {
  await storage.dropTables();
});

function story(overrides: Partial<Story> = {}): Story {
  return buildStory({ tenantId, id: `rev-${++n}`, createdAt: T0, updatedAt: T0, ...overrides });
}
const published = (overrides: Partial<Story> = {}) =>
  story({ status: 'published', publishedAt: T1, ...overrides });

async function onWall(id: string): Promise<Story | undefined> {
  const page = await storage.wall.page({ tenantId, limit: 100 });
  return page.items.find((s) => s.id === id);
}
async function inQueue(approverId: string, id: string): Promise<Story | undefined> {
  return (await storage.approvals.list(tenantId, approverId, 100)).find((s) => s.id === id);
}

describe('wall projection order', () => {
  it('keeps revision 2 when revision 1 is written after it', async () => {
    const first = published({ voteCount: 1, revision: 1 });
    const second = { ...first, voteCount: 2, revision: 2 };
    await storage.wall.upsert(second);
    await storage.wall.upsert(first);
    expect(await onWall(first.id)).toEqual(second);
  });

  it('does not let an older removal take a newer snapshot off', async () => {
    const held = published({ revision: 3 });
    await storage.wall.upsert(held);
    await storage.wall.remove({ ...held, status: 'archived', revision: 2 });
    expect(await onWall(held.id)).toEqual(held);
    await storage.wall.remove({ ...held, status: 'archived', revision: 4 });
    expect(await onWall(held.id)).toBeUndefined();
  });

  it('settles concurrent writes of many revisions on the newest', async () => {
    const base = published();
    const revisions = [5, 2, 8, 1, 7, 3, 6, 4];
    await Promise.all(
      revisions.map((revision) => storage.wall.upsert({ ...base, voteCount: revision, revision })),
    );
    expect(await onWall(base.id)).toMatchObject({ revision: 8, voteCount: 8 });
  });

  it('reads a row written before revisions as revision 0 and replaces it', async () => {
    const legacy = published({ voteCount: 4 });
    const { revision: _revision, ...columns } = storyColumns(legacy);
    // The wall's keys for T1 (see ADR 0003): the month partition, inverted time + story id.
    const partitionKey = `${tenantId}|202611`;
    const rowKey = `${String(9_999_999_999_999 - T1.getTime()).padStart(13, '0')}|${legacy.id}`;
    const raw = TableClient.fromConnectionString(
      inject('azurite').connectionString,
      `${prefix}wall`,
      { allowInsecureConnection: true },
    );
    await raw.createEntity({ partitionKey, rowKey, ...columns });
    await storage.wall.upsert(published({ id: 'rev-seed-month' })); // records the month
    expect(await onWall(legacy.id)).toEqual({ ...legacy, revision: 0 });

    const voted = { ...legacy, voteCount: 5, revision: 1 };
    await storage.wall.upsert(voted);
    expect(await onWall(legacy.id)).toEqual(voted);
  });

  it('costs a point read and one write per change, and only the read when skipped', async () => {
    const first = published({ revision: 1 });
    await storage.wall.upsert(first); // the month is recorded by now
    counter.reset();
    await storage.wall.upsert({ ...first, voteCount: 1, revision: 2 });
    expect(counter.calls).toBe(2);
    counter.reset();
    await storage.wall.upsert(first);
    expect(counter.calls).toBe(1);
  });
});

describe('approval queue projection order', () => {
  it('keeps revision 2 when revision 1 is written after it', async () => {
    const first = story({
      approval: pendingApproval('approver-r1'),
      revision: 1,
    });
    const second = { ...first, title: 'Edited', revision: 2 };
    await storage.approvals.put(second, approverOf(second));
    await storage.approvals.put(first, approverOf(first));
    expect(await inQueue('approver-r1', first.id)).toEqual(second);
  });

  it('keeps a resubmitted story when the older removal lands after it', async () => {
    const changes = story({
      approval: pendingApproval('approver-r2'),
      status: 'changes_requested',
      revision: 2,
    });
    const resubmitted = { ...changes, status: 'pending' as const, revision: 3 };
    await storage.approvals.put(resubmitted, approverOf(resubmitted));
    await storage.approvals.remove(changes, approverOf(changes));
    expect(await inQueue('approver-r2', changes.id)).toEqual(resubmitted);
  });

  it('settles concurrent puts on the newest revision', async () => {
    const base = story({ approval: pendingApproval('approver-r3') });
    await Promise.all(
      [4, 1, 6, 3, 5, 2].map((revision) =>
        storage.approvals.put({ ...base, revision }, approverOf({ ...base, revision })),
      ),
    );
    expect(await inQueue('approver-r3', base.id)).toMatchObject({ revision: 6 });
  });
});

/** The approver a test story waits for. */
function approverOf(story: Story): string {
  return story.approval.asked[0] ?? '';
}
