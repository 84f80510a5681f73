import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { ApiKeyRecord, ApiKeyStore } from '../domain/ports.js';
import { date, optDate, str, type Row } from './entityFields.js';
import { keyPart } from './keys.js';
import { guard, isNotFound, orIfNotFound, statusOf, toDomainError } from './tableErrors.js';

/**
 * API keys in table `<prefix>settings`, one partition `~apikeys` across tenants (a presented key
 * names only its id), RowKey = the key's id: a request with a key is one point read, so a revoked
 * key is refused at once on every instance. A tenant's list is a query of that partition by
 * tenant; a tenant holds a few keys (`LIMITS.apiKeys`). Only the SHA-256 of a secret is stored.
 */
const PARTITION = '~apikeys';

export function createTableApiKeyStore(client: TableClient): ApiKeyStore {
  return {
    async get(id) {
      const row = await orIfNotFound(
        'apiKeys.get',
        () => client.getEntity<Row>(PARTITION, keyPart(id, 'id')),
        null,
      );
      return row ? keyFromRow(row) : null;
    },

    async list(tenantId) {
      const filter = odata`PartitionKey eq ${PARTITION} and tenantId eq ${tenantId}`;
      return guard('apiKeys.list', async () => {
        const keys: ApiKeyRecord[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          keys.push(keyFromRow(row));
        }
        return keys;
      });
    },

    async create(key) {
      try {
        await client.createEntity({
          partitionKey: PARTITION,
          rowKey: keyPart(key.id, 'id'),
          tenantId: key.tenantId,
          name: key.name,
          scopes: JSON.stringify(key.scopes),
          hash: key.hash,
          createdAt: key.createdAt,
          createdBy: key.createdBy,
        });
      } catch (error) {
        if (statusOf(error) === 409) throw new DomainError('conflict', 'That key id is taken.');
        throw toDomainError(error, 'apiKeys.create');
      }
    },

    async remove(tenantId, id) {
      const found = await this.get(id);
      if (!found || found.tenantId !== tenantId) return false;
      try {
        await client.deleteEntity(PARTITION, keyPart(id, 'id'));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'apiKeys.remove');
      }
      return true;
    },

    async touch(id, at) {
      try {
        // Merge with If-Match *: updates a key that exists, never brings back a deleted one.
        await client.updateEntity(
          { partitionKey: PARTITION, rowKey: keyPart(id, 'id'), lastUsedAt: at },
          'Merge',
          { etag: '*' },
        );
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'apiKeys.touch');
      }
    },
  };
}

function keyFromRow(row: Row): ApiKeyRecord {
  const scopes: unknown = JSON.parse(str(row, 'scopes'));
  const lastUsedAt = optDate(row, 'lastUsedAt');
  return {
    tenantId: str(row, 'tenantId'),
    id: str(row, 'rowKey'),
    name: str(row, 'name'),
    scopes: Array.isArray(scopes) ? scopes.filter((s): s is string => typeof s === 'string') : [],
    hash: str(row, 'hash'),
    createdAt: date(row, 'createdAt'),
    createdBy: str(row, 'createdBy'),
    ...(lastUsedAt ? { lastUsedAt } : {}),
  };
}
