import { odata, type TableClient } from '@azure/data-tables';
import type { DueEntry, DueIndex } from '../domain/ports.js';
import { date, optDate, str, type Row } from './entityFields.js';
import { joinKey, keyPart, parseStoryPartition, sortableTime, storyPartition } from './keys.js';
import { guard, isNotFound, statusOf, toDomainError } from './tableErrors.js';

/**
 * The scheduler's time index in table `<prefix>schedule`: one partition, `due`, RowKey = due time
 * (sortable) + the story's partition key, so "what is due by now" is one range query over that
 * partition, oldest first, never a scan of the stories. One partition serves about 2,000
 * operations a second; a tenant of thousands writes a handful per story. Any instance may read
 * it; `claim` is a conditional write (If-Match) that lets exactly one of them act, for a lease.
 */
const PARTITION = 'due';

export function createTableDueIndex(client: TableClient): DueIndex {
  return {
    async put(ref, at) {
      const entity = {
        partitionKey: PARTITION,
        rowKey: joinKey(sortableTime(at), storyPartition(ref)),
        tenantId: keyPart(ref.tenantId, 'tenantId'),
        storyId: keyPart(ref.storyId, 'storyId'),
        at,
      };
      // Recording the same work again must not undo a claim (an upsert would drop `leaseUntil`):
      // a create that finds the row there is a repeat, which is fine.
      try {
        await client.createEntity(entity);
      } catch (error) {
        if (statusOf(error) !== 409) throw toDomainError(error, 'due.put');
      }
    },

    async due(now, limit) {
      // Up to the current millisecond: RowKeys of later times sort after `upTo`.
      const upTo = `${sortableTime(now)}~`;
      const filter = odata`PartitionKey eq ${PARTITION} and RowKey lt ${upTo}`;
      return guard('due.due', async () => {
        const entries: DueEntry[] = [];
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: Math.min(1000, Math.max(1, limit * 2)) });
        for await (const page of pages) {
          for (const row of page) {
            const leaseUntil = optDate(row, 'leaseUntil');
            // Held by an instance that has not finished: not this instance's to take.
            if (leaseUntil && leaseUntil.getTime() > now.getTime()) continue;
            const entry = entryOf(row);
            if (entry) entries.push(entry);
            if (entries.length >= limit) return entries;
          }
        }
        return entries;
      });
    },

    async claim(entry, leaseUntil) {
      const rowKey = joinKey(sortableTime(entry.at), storyPartition(entry.ref));
      try {
        const response = await client.updateEntity(
          { partitionKey: PARTITION, rowKey, leaseUntil },
          'Merge',
          { etag: entry.etag },
        );
        return { ...entry, etag: response.etag ?? entry.etag };
      } catch (error) {
        const status = statusOf(error);
        if (status === 412 || status === 404) return null;
        throw toDomainError(error, 'due.claim');
      }
    },

    async done(entry) {
      const rowKey = joinKey(sortableTime(entry.at), storyPartition(entry.ref));
      try {
        await client.deleteEntity(PARTITION, rowKey, { etag: entry.etag });
      } catch (error) {
        // Gone already, or re-claimed after this instance's lease ran out: not ours to delete.
        if (isNotFound(error) || statusOf(error) === 412) return;
        throw toDomainError(error, 'due.done');
      }
    },
  };
}

function entryOf(row: Row): DueEntry | null {
  const ref = parseStoryPartition(`${str(row, 'tenantId')}|${str(row, 'storyId')}`);
  return ref ? { ref, at: date(row, 'at'), etag: str(row, 'etag') } : null;
}
