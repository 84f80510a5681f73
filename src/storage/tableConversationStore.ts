import type { TableClient } from '@azure/data-tables';
import type { ConversationStore } from '../domain/ports.js';
import { str, type Row } from './entityFields.js';
import { keyPart } from './keys.js';
import { guard, isNotFound, orIfNotFound, toDomainError } from './tableErrors.js';

/**
 * The bot's conversation reference per person, in table `<prefix>conversations`: PartitionKey
 * tenant id, RowKey user id, the reference as an opaque string (last writer wins: the newest
 * reference is the one that works).
 */
export function createTableConversationStore(client: TableClient): ConversationStore {
  return {
    async get(tenantId, userId) {
      const row = await orIfNotFound(
        'conversations.get',
        () => client.getEntity<Row>(keyPart(tenantId, 'tenantId'), keyPart(userId, 'userId')),
        null,
      );
      return row ? str(row, 'reference') : null;
    },

    async put(tenantId, userId, reference) {
      const entity = {
        partitionKey: keyPart(tenantId, 'tenantId'),
        rowKey: keyPart(userId, 'userId'),
        reference,
      };
      await guard('conversations.put', () => client.upsertEntity(entity, 'Replace'));
    },

    async remove(tenantId, userId) {
      try {
        await client.deleteEntity(keyPart(tenantId, 'tenantId'), keyPart(userId, 'userId'));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'conversations.remove');
      }
    },
  };
}
