import { odata, type TableClient } from '@azure/data-tables';
import type { ClosedEntry, ClosedIndex } from '../domain/ports.js';
import { date, str, type Row } from './entityFields.js';
import { joinKey, keyPart, sortableTime } from './keys.js';
import { guard, isNotFound, statusOf, toDomainError } from './tableErrors.js';

/**
 * The closed (rejected and withdrawn) stories of each tenant in table `<prefix>queues` (beside
 * the approval queues; the partitions cannot meet): PartitionKey `<tenant>|closed`, RowKey =
 * closing time (sortable) + story id, so "closed before the cutoff" is one range read, oldest
 * first. A story closes once (both states are final), so it has one row; a later change of a
 * closed story (an erasure's pseudonym) may add a second, later one, which the retention run
 * finds gone and drops.
 */
export function createTableClosedIndex(client: TableClient): ClosedIndex {
  return {
    async put(story) {
      const closedAt = story.updatedAt;
      const entity = {
        ...closedKeys({ ref: { tenantId: story.tenantId, storyId: story.id }, closedAt }),
        storyId: story.id,
        closedAt,
      };
      try {
        await client.createEntity(entity);
      } catch (error) {
        // Recorded already (the projection ran again): fine.
        if (statusOf(error) !== 409) throw toDomainError(error, 'closed.put');
      }
    },

    async closedBefore(tenantId, cutoff, limit) {
      const partitionKey = closedPartition(tenantId);
      const wanted = Math.max(0, Math.floor(limit));
      // Up to the cutoff's millisecond: RowKeys of later times sort after `upTo`.
      const upTo = `${sortableTime(cutoff)}~`;
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey lt ${upTo}`;
      return guard('closed.closedBefore', async () => {
        const entries: ClosedEntry[] = [];
        if (wanted === 0) return entries;
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: Math.min(wanted, 1000) });
        for await (const page of pages) {
          for (const row of page) {
            if (entries.length < wanted) {
              entries.push({
                ref: { tenantId, storyId: str(row, 'storyId') },
                closedAt: date(row, 'closedAt'),
              });
            }
          }
          if (entries.length >= wanted) break;
        }
        return entries;
      });
    },

    async remove(entry) {
      const { partitionKey, rowKey } = closedKeys(entry);
      try {
        await client.deleteEntity(partitionKey, rowKey);
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'closed.remove');
      }
    },
  };
}

function closedPartition(tenantId: string): string {
  return joinKey(keyPart(tenantId, 'tenantId'), 'closed');
}

function closedKeys(entry: ClosedEntry): { partitionKey: string; rowKey: string } {
  return {
    partitionKey: closedPartition(entry.ref.tenantId),
    rowKey: joinKey(sortableTime(entry.closedAt), keyPart(entry.ref.storyId, 'storyId')),
  };
}
