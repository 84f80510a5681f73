import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leaveFormerQueue, repairProjections } from '../../../src/domain/index.js';
import type { TableStorage } from '../../../src/storage/tableStorage.js';
import { testStorage } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

let storage: TableStorage;

beforeAll(async () => {
  storage = await testStorage();
});
afterAll(async () => {
  await storage.dropTables();
});

/** A queue row is keyed by approver: a reassignment must remove the former approver's row. */
describe('reassignment and the approval queues', () => {
  const tenantId = 'tenant-r';
  const createdAt = new Date(Date.UTC(2026, 10, 3, 9));
  const ids = (approverId: string) =>
    storage.approvals.list(tenantId, approverId, 10).then((list) => list.map((s) => s.id));

  it('the repair moves the row to the new approver’s partition and removes the old one', async () => {
    const story = buildStory({ tenantId, id: 'r1', createdAt, approverId: 'a', status: 'pending' });
    await storage.approvals.put(story);
    const reassigned = { ...story, approverId: 'b', revision: story.revision + 1 };
    const payload = { formerApproverId: 'a', formerRevision: reassigned.revision };
    await repairProjections(storage, reassigned, payload);
    await repairProjections(storage, reassigned, payload); // idempotent
    expect(await ids('a')).toEqual([]);
    expect(await ids('b')).toEqual(['r1']);
  });

  it('a late removal keeps a newer row of a story that came back to that approver', async () => {
    const story = buildStory({ tenantId, id: 'r2', createdAt, approverId: 'a', status: 'pending' });
    const back = { ...story, revision: story.revision + 2 };
    await storage.approvals.put(back);
    await leaveFormerQueue(storage, back, { approverId: 'a', revision: story.revision + 1 });
    expect(await ids('a')).toEqual(['r2']);
  });
});
