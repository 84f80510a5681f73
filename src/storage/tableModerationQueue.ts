import { odata, type TableClient } from '@azure/data-tables';
import type { ModerationQueue } from '../domain/ports.js';
import type { Story } from '../domain/story.js';
import type { Row } from './entityFields.js';
import { joinKey, keyPart } from './keys.js';
import { removeUnlessNewer, writeIfNewer } from './projectionWrites.js';
import { reportsColumn, storyColumns, storyFromRow } from './storyColumns.js';
import { guard } from './tableErrors.js';

/**
 * The stories that need an editor, in table `<prefix>queues` (beside the approval queues and the
 * authors' lists; the partitions cannot meet): PartitionKey `<tenant>|moderation`, RowKey = the
 * story id, so a story has one row whatever happens to it and `remove` finds it. Each row is the
 * story's snapshot with its open reports, so the queue is one partition query. The partition
 * holds only stories with open reports and hidden ones, so it stays small; the order (the latest
 * report first) is the use case's.
 */
export function createTableModerationQueue(client: TableClient): ModerationQueue {
  return {
    async put(story) {
      // A projection, ordered by revision: idempotent, and the outbox repeats it after a failure.
      await writeIfNewer(
        client,
        'moderation.put',
        moderationKeys(story),
        { ...storyColumns(story), ...reportsColumn(story) },
        story.revision,
      );
    },

    async remove(story) {
      await removeUnlessNewer(client, 'moderation.remove', moderationKeys(story), story.revision);
    },

    async list(tenantId, limit) {
      const filter = odata`PartitionKey eq ${moderationPartition(tenantId)}`;
      const wanted = Math.max(0, Math.floor(limit));
      return guard('moderation.list', async () => {
        const stories: Story[] = [];
        if (wanted === 0) return stories;
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: Math.min(wanted, 1000) });
        for await (const page of pages) {
          for (const row of page) if (stories.length < wanted) stories.push(storyFromRow(row));
          if (stories.length >= wanted) break;
        }
        return stories;
      });
    },
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
