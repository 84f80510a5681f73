import type { TableClient } from '@azure/data-tables';
import type { ModerationQueue } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import { joinKey, keyPart } from './keys.js';
import {
  listSnapshots,
  removeUnlessNewer,
  writeIfNewer,
  type ProjectionTableOptions,
} from './projectionWrites.js';
import { createRowVersionMemory } from './rowVersionMemory.js';
import { reportsColumn, storyColumns } from './storyColumns.js';

/**
 * The stories that need an editor, in table `<prefix>queues` (beside the approval queues and the
 * authors' lists; the partitions cannot meet): PartitionKey `<tenant>|moderation`, RowKey = the
 * story id, so a story has one row whatever happens to it and `remove` finds it. Each row is the
 * story's snapshot with its open reports, so the queue is one partition query. The partition
 * holds only stories with open reports and hidden ones, so it stays small; the order (the latest
 * report first) is the use case's.
 */
export function createTableModerationQueue(
  client: TableClient,
  options: ProjectionTableOptions = {},
): ModerationQueue {
  const versions = createRowVersionMemory({ ttlMs: options.versionMemoryMs ?? 0 });
  return {
    async put(story) {
      // A projection, ordered by revision: idempotent, and the outbox repeats it after a failure.
      await writeIfNewer(
        client,
        'moderation.put',
        moderationKeys(story),
        { ...storyColumns(story), ...reportsColumn(story) },
        story.revision,
        { memory: versions },
      );
    },

    async remove(story) {
      await removeUnlessNewer(
        client,
        'moderation.remove',
        moderationKeys(story),
        story.revision,
        versions,
      );
    },

    list: (tenantId, limit) =>
      listSnapshots(client, moderationPartition(tenantId), limit, 'moderation.list'),
  };
}

function moderationPartition(tenantId: string): string {
  return joinKey(keyPart(tenantId, 'tenantId'), 'moderation');
}

function moderationKeys(story: Story): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: moderationPartition(story.tenantId),
    rowKey: keyPart(story.id, 'storyId'),
  };
}
