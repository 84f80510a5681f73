import type { TableClient } from '@azure/data-tables';
import type { ApprovalQueue } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { joinKey, keyPart, sortableTime } from './keys.js';
import {
  listSnapshots,
  removeUnlessNewer,
  writeIfNewer,
  type ProjectionTableOptions,
} from './projectionWrites.js';
import { createRowVersionMemory } from './rowVersionMemory.js';
import { storyColumns } from './storyColumns.js';

/**
 * Pending stories per approver in table `<prefix>queues`: PartitionKey
 * `<tenant>|approver|<approverId>`, RowKey = created time + story id (oldest first), each row a
 * story snapshot. `createdAt` never changes, so `remove(story, approverId)` finds the row.
 */
export function createTableApprovalQueue(
  client: TableClient,
  options: ProjectionTableOptions = {},
): ApprovalQueue {
  const versions = createRowVersionMemory({ ttlMs: options.versionMemoryMs ?? 0 });
  return {
    async put(story, approverId) {
      // A projection, ordered by revision: idempotent, and the outbox repeats it after a failure.
      await writeIfNewer(
        client,
        'approvals.put',
        queueKeys(story, approverId),
        storyColumns(story),
        story.revision,
        { memory: versions },
      );
    },

    async remove(story, approverId) {
      await removeUnlessNewer(
        client,
        'approvals.remove',
        queueKeys(story, approverId),
        story.revision,
        versions,
      );
    },

    list,
    // Storage itself is never behind; `cacheApprovalQueue` is what answers from memory.
    listForView: list,
  };

  function list(tenantId: string, approverId: string, limit: number): Promise<Story[]> {
    return listSnapshots(client, approverPartition(tenantId, approverId), limit, 'approvals.list');
  }
}

function approverPartition(tenantId: string, approverId: string): string {
  return joinKey(keyPart(tenantId, 'tenantId'), 'approver', keyPart(approverId, 'approverId'));
}

function queueKeys(story: Story, approverId: string): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: approverPartition(story.tenantId, approverId),
    rowKey: joinKey(sortableTime(story.createdAt), keyPart(story.id, 'storyId')),
  };
}
