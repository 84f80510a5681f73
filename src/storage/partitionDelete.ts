import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { Row } from './entityFields.js';
import { guard, isNotFound, toDomainError } from './tableErrors.js';

/** An entity-group transaction holds at most 100 operations. */
const BATCH = 100;
/** Listings of what is left before giving up (rows written meanwhile keep it going). */
const MAX_ROUNDS = 20;

/**
 * Deletes every row of one partition (erasure): lists their keys, deletes them a transaction of
 * up to 100 at a time, and lists again until nothing is left. A batch that meets a row deleted
 * meanwhile (404) is deleted row by row instead; absent rows are fine, so it is idempotent.
 */
export async function deletePartition(
  client: TableClient,
  operation: string,
  partitionKey: string,
): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const keys = await guard(operation, async () => {
      const found: string[] = [];
      const rows = client.listEntities<Row>({
        queryOptions: { filter: odata`PartitionKey eq ${partitionKey}`, select: ['RowKey'] },
      });
      for await (const row of rows) found.push(String(row.rowKey));
      return found;
    });
    if (keys.length === 0) return;
    for (let start = 0; start < keys.length; start += BATCH) {
      const batch = keys.slice(start, start + BATCH);
      const actions: TransactionAction[] = batch.map((rowKey) => [
        'delete',
        { partitionKey, rowKey },
      ]);
      try {
        await client.submitTransaction(actions);
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, operation);
        for (const rowKey of batch) {
          try {
            await client.deleteEntity(partitionKey, rowKey);
          } catch (single) {
            if (!isNotFound(single)) throw toDomainError(single, operation);
          }
        }
      }
    }
  }
  throw new DomainError('unavailable', `Rows keep appearing in a partition (${operation}).`);
}
