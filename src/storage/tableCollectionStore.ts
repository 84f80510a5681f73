import { odata, type TableClient } from '@azure/data-tables';
import type { Collection } from '../domain/collections.js';
import type { CollectionStore } from '../domain/ports.js';
import { CorruptRowError, date, num, str, type Row } from './entityFields.js';
import { joinKey, keyPart } from './keys.js';
import { guard, orIfNotFound } from './tableErrors.js';

/**
 * The training collections in table `<prefix>settings`, partition `<tenant>|collections`, RowKey =
 * the collection's id: the list is one partition query, a collection a point read. The story ids
 * are one JSON column (`storyIds`, in order), so a reorder is one conditional write of one row.
 */
export function createTableCollectionStore(client: TableClient): CollectionStore {
  const partition = (tenantId: string) => joinKey(keyPart(tenantId, 'tenantId'), 'collections');
  const entity = (collection: Collection) => ({
    partitionKey: partition(collection.tenantId),
    rowKey: keyPart(collection.id, 'collectionId'),
    title: collection.title,
    description: collection.description,
    storyIds: JSON.stringify(collection.storyIds),
    createdAt: collection.createdAt,
    updatedAt: collection.updatedAt,
    version: collection.version,
  });

  return {
    async get(tenantId, id) {
      const row = await orIfNotFound(
        'collections.get',
        () => client.getEntity<Row>(partition(tenantId), keyPart(id, 'collectionId')),
        null,
      );
      if (!row) return null;
      return { value: collectionFromRow(tenantId, row), etag: str(row, 'etag') };
    },

    async list(tenantId, limit) {
      return guard('collections.list', async () => {
        const pages = client
          .listEntities<Row>({
            queryOptions: { filter: odata`PartitionKey eq ${partition(tenantId)}` },
          })
          .byPage({ maxPageSize: Math.min(limit, 1000) });
        const collections: Collection[] = [];
        for await (const page of pages) {
          for (const row of page) {
            if (collections.length < limit) collections.push(collectionFromRow(tenantId, row));
          }
          if (collections.length >= limit) break;
        }
        return collections;
      });
    },

    async create(collection) {
      // A create, never an upsert: an id taken already is a 409, DomainError('conflict').
      await guard('collections.create', () => client.createEntity(entity(collection)));
    },

    async replace(collection, etag) {
      // If-Match on the ETag read (never '*'): a save that lost a race is a 412, a conflict.
      await guard('collections.replace', () =>
        client.updateEntity(entity(collection), 'Replace', { etag }),
      );
    },

    async delete(tenantId, id, etag) {
      await guard('collections.delete', () =>
        client.deleteEntity(partition(tenantId), keyPart(id, 'collectionId'), { etag }),
      );
    },
  };
}

function collectionFromRow(tenantId: string, row: Row): Collection {
  return {
    tenantId,
    id: str(row, 'rowKey'),
    title: str(row, 'title'),
    // Table Storage keeps an empty string; read it back as one.
    description: typeof row['description'] === 'string' ? row['description'] : '',
    storyIds: storyIdsOf(str(row, 'storyIds')),
    createdAt: date(row, 'createdAt'),
    updatedAt: date(row, 'updatedAt'),
    version: num(row, 'version'),
  };
}

function storyIdsOf(json: string): string[] {
  const parsed: unknown = JSON.parse(json);
  if (!Array.isArray(parsed) || !parsed.every((id): id is string => typeof id === 'string')) {
    throw new CorruptRowError('Column storyIds is not a list of ids.');
  }
  return parsed;
}
