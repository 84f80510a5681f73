import { odata, type TableClient } from '@azure/data-tables';
import type { Delegation, DelegationStore } from '../domain/ports.js';
import { date, str, type Row } from './entityFields.js';
import { joinKey, keyPart, prefixRange } from './keys.js';
import { guard, isNotFound, orIfNotFound, toDomainError } from './tableErrors.js';

/**
 * Delegations beside the tenant's settings in table `<prefix>settings`: PartitionKey tenant id,
 * RowKey `delegation|<userId>`, so a person's one delegation is a point read and a tenant's list
 * one range query. What the person (or an admin) said last wins.
 */
export function createTableDelegationStore(client: TableClient): DelegationStore {
  const keys = (tenantId: string, userId: string) => ({
    partitionKey: keyPart(tenantId, 'tenantId'),
    rowKey: joinKey('delegation', keyPart(userId, 'userId')),
  });
  return {
    async get(tenantId, userId) {
      const { partitionKey, rowKey } = keys(tenantId, userId);
      const row = await orIfNotFound(
        'delegations.get',
        () => client.getEntity<Row>(partitionKey, rowKey),
        null,
      );
      return row ? delegationFromRow(row) : null;
    },

    async list(tenantId) {
      const { from, to } = prefixRange('delegation');
      const partitionKey = keyPart(tenantId, 'tenantId');
      const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${from} and RowKey lt ${to}`;
      return guard('delegations.list', async () => {
        const found: Delegation[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          found.push(delegationFromRow(row));
        }
        return found;
      });
    },

    async put(delegation) {
      const entity = {
        ...keys(delegation.tenantId, delegation.userId),
        tenantId: delegation.tenantId,
        userId: delegation.userId,
        delegateId: delegation.delegateId,
        from: delegation.from,
        until: delegation.until,
        setBy: delegation.setBy,
      };
      await guard('delegations.put', () => client.upsertEntity(entity, 'Replace'));
    },

    async remove(tenantId, userId) {
      const { partitionKey, rowKey } = keys(tenantId, userId);
      try {
        await client.deleteEntity(partitionKey, rowKey);
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'delegations.remove');
      }
    },
  };
}

function delegationFromRow(row: Row): Delegation {
  return {
    tenantId: str(row, 'tenantId'),
    userId: str(row, 'userId'),
    delegateId: str(row, 'delegateId'),
    from: date(row, 'from'),
    until: date(row, 'until'),
    setBy: str(row, 'setBy'),
  };
}
