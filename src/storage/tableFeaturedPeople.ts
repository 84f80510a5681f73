import { odata, type TableClient } from '@azure/data-tables';
import type { FeaturedPeopleIndex } from '../domain/ports.js';
import type { Row } from './entityFields.js';
import { joinKey, keyPart } from './keys.js';
import { guard, isNotFound, toDomainError } from './tableErrors.js';

/**
 * The featured people of each tenant in table `<prefix>queues` (beside the approval queues; the
 * partitions cannot meet): PartitionKey `<tenant>|featuredPeople`, RowKey = person id, a boolean
 * column each for `featured` and `declined`. A write is a Merge upsert, so it is idempotent and
 * the two marks add up; "who not to suggest" is one partition read of keys only.
 */
export function createTableFeaturedPeople(client: TableClient): FeaturedPeopleIndex {
  const partition = (tenantId: string) => joinKey(keyPart(tenantId, 'tenantId'), 'featuredPeople');
  const mark = async (tenantId: string, personId: string, column: 'featured' | 'declined') => {
    const entity = {
      partitionKey: partition(tenantId),
      rowKey: keyPart(personId, 'personId'),
      [column]: true,
    };
    await guard(`featuredPeople.${column}`, () => client.upsertEntity(entity, 'Merge'));
  };
  return {
    async markFeatured(tenantId, personIds) {
      // At most `LIMITS.featured` people per story: written side by side.
      await Promise.all([...new Set(personIds)].map((id) => mark(tenantId, id, 'featured')));
    },

    async markDeclined(tenantId, personId) {
      await mark(tenantId, personId, 'declined');
    },

    async list(tenantId, limit) {
      const wanted = Math.max(0, Math.floor(limit));
      const filter = odata`PartitionKey eq ${partition(tenantId)}`;
      return guard('featuredPeople.list', async () => {
        const ids: string[] = [];
        if (wanted === 0) return ids;
        const pages = client
          .listEntities<Row>({ queryOptions: { filter, select: ['RowKey'] } })
          .byPage({ maxPageSize: Math.min(wanted, 1000) });
        for await (const page of pages) {
          for (const row of page) if (ids.length < wanted) ids.push(String(row.rowKey));
          if (ids.length >= wanted) break;
        }
        return ids;
      });
    },

    async remove(tenantId, personId) {
      try {
        await client.deleteEntity(partition(tenantId), keyPart(personId, 'personId'));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'featuredPeople.remove');
      }
    },
  };
}
