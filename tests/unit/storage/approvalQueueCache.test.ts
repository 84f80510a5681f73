import { describe, expect, it } from 'vitest';
import type { ApprovalQueue, Story } from '../../../src/domain/index.js';
import { ALL_PENDING_QUEUE } from '../../../src/domain/projections.js';
import { cacheApprovalQueue } from '../../../src/storage/approvalQueueCache.js';
import { buildStory, pendingApproval } from '../../support/factories.js';
import { fakeApprovals } from '../../support/fakes.js';

const tenantId = 'tenant-a';

/** A story waiting for `approverId`, in their queue and the tenant's queue of every pending one. */
async function route(queue: ApprovalQueue, id: string, approverId: string): Promise<Story> {
  const story = buildStory({ tenantId, id, approval: pendingApproval(approverId, 'Approver') });
  await queue.put(story, approverId);
  await queue.put(story, ALL_PENDING_QUEUE);
  return story;
}

function setUp(maxPending?: number) {
  let clock = 0;
  const inner = fakeApprovals();
  const reads: string[] = [];
  const counted: ApprovalQueue = {
    ...inner,
    list: (tenant, approverId, limit) => {
      reads.push(approverId);
      return inner.list(tenant, approverId, limit);
    },
  };
  const queue = cacheApprovalQueue(counted, {
    ttlMs: 2_000,
    now: () => clock,
    ...(maxPending ? { maxPending } : {}),
  });
  return { inner, queue, reads, advance: (ms: number) => (clock += ms) };
}

describe('cacheApprovalQueue', () => {
  it('answers everyone nothing waits for from one read of the pending stories', async () => {
    const { inner, queue, reads } = setUp();
    await route(inner, 's1', 'manager-1');
    const people = Array.from({ length: 30 }, (_, i) => `colleague-${i}`);
    const answers = await Promise.all(people.map((p) => queue.listForView(tenantId, p, 50)));
    expect(answers.every((items) => items.length === 0)).toBe(true);
    expect(reads).toEqual([ALL_PENDING_QUEUE]);
  });

  it('reads the queue of someone a story waits for, as stored', async () => {
    const { inner, queue, reads } = setUp();
    await route(inner, 's1', 'manager-1');
    const items = await queue.listForView(tenantId, 'manager-1', 50);
    expect(items.map((s) => s.id)).toEqual(['s1']);
    expect(reads).toEqual([ALL_PENDING_QUEUE, 'manager-1']);
  });

  it('shows a story routed through this instance at once', async () => {
    const { queue } = setUp();
    expect(await queue.listForView(tenantId, 'manager-1', 50)).toEqual([]);
    await route(queue, 's1', 'manager-1');
    const items = await queue.listForView(tenantId, 'manager-1', 50);
    expect(items.map((s) => s.id)).toEqual(['s1']);
  });

  it('shows a story routed through another instance within the time-to-live', async () => {
    const { inner, queue, advance } = setUp();
    expect(await queue.listForView(tenantId, 'manager-1', 50)).toEqual([]);
    await route(inner, 's1', 'manager-1');
    advance(1_999);
    expect(await queue.listForView(tenantId, 'manager-1', 50)).toEqual([]);
    advance(1);
    expect((await queue.listForView(tenantId, 'manager-1', 50)).map((s) => s.id)).toEqual(['s1']);
  });

  it('reads every queue when the tenant has more pending stories than it lists', async () => {
    const { inner, queue, reads } = setUp(2);
    for (const id of ['s1', 's2', 's3']) await route(inner, id, 'manager-1');
    expect(await queue.listForView(tenantId, 'colleague-1', 50)).toEqual([]);
    expect(reads).toEqual([ALL_PENDING_QUEUE, 'colleague-1']);
  });

  it('always reads storage for `list` (erasure and export see every row)', async () => {
    const { inner, queue, reads } = setUp();
    await queue.listForView(tenantId, 'manager-1', 50);
    await route(inner, 's1', 'manager-1');
    expect((await queue.list(tenantId, 'manager-1', 50)).map((s) => s.id)).toEqual(['s1']);
    expect(reads).toEqual([ALL_PENDING_QUEUE, 'manager-1']);
  });
});
