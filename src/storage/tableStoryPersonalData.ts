import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { LegacyInvolvement, StoryPersonalData } from '../domain/erasurePorts.js';
import { type Row } from './entityFields.js';
import { keyPart, prefixRange, storyPartition } from './keys.js';
import { deletePartition } from './partitionDelete.js';
import { guard, isNotFound, statusOf, toDomainError } from './tableErrors.js';
import { outboxRow } from './tableOutboxStore.js';
import {
  auditColumns,
  auditFromRow,
  isTombstone,
  reactionKey,
  STORY_ROW,
  TOMBSTONE_COLUMN,
} from './tableStoryRepository.js';

/** Columns the legacy query reads of a story row: where a person can be named. */
const NAMING_COLUMNS = ['featured', 'approval', 'reports'] as const;

/**
 * What erasure and export need of the story partitions in table `<prefix>stories`, beside
 * `createTableStoryRepository` (see the ADR on table keys):
 *
 * - a story is "deleted" by replacing its row, on the ETag read, with a tombstone (`erased`) in
 *   one transaction with the outbox rows that delete its posted cards and then purge the
 *   partition — a transaction cannot delete a row conditionally, and the tombstone reads as not
 *   found (`StoryRepository.get`) until the purge takes it with everything else;
 * - history rows are replaced in place, keeping their keys and so their order;
 * - data from before the person index is found by one query over the tenant's story partitions
 *   (a PartitionKey range: the service reads that tenant's rows only), bounded by `maxRows`.
 */
export function createTableStoryPersonalData(client: TableClient): StoryPersonalData {
  const audit = prefixRange('audit');

  async function submit(actions: TransactionAction[], operation: string) {
    try {
      return await client.submitTransaction(actions);
    } catch (error) {
      // 412: the story changed since it was read; 404: a row the transaction needs is gone.
      const status = statusOf(error);
      if (status === 412 || status === 404) {
        throw new DomainError('conflict', `The story changed meanwhile (${operation}).`, {
          status,
        });
      }
      throw toDomainError(error, operation);
    }
  }

  return {
    async deleteStory(ref, etag, outbox) {
      const partitionKey = storyPartition(ref);
      const actions: TransactionAction[] = [
        [
          'update',
          { partitionKey, rowKey: STORY_ROW, [TOMBSTONE_COLUMN]: true },
          'Replace',
          { etag },
        ],
        ...outbox.map((message, seq): TransactionAction => [
          'create',
          outboxRow(partitionKey, message, seq),
        ]),
      ];
      await submit(actions, 'personalData.deleteStory');
    },

    async auditRows(ref) {
      const filter = odata`PartitionKey eq ${storyPartition(ref)} and RowKey ge ${audit.from} and RowKey lt ${audit.to}`;
      return guard('personalData.auditRows', async () => {
        const rows = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          rows.push({ key: String(row.rowKey), event: auditFromRow(row) });
        }
        return rows;
      });
    },

    async replaceAudit(ref, rows) {
      const partitionKey = storyPartition(ref);
      for (const { key, event } of rows) {
        if (!key.startsWith(audit.from)) throw new DomainError('validation', 'Not a history row.');
        // History rows are written once and never changed but here, so the last writer may win;
        // a row purged meanwhile (404) stays purged.
        try {
          await client.updateEntity(
            { partitionKey, rowKey: key, ...auditColumns(event) },
            'Replace',
          );
        } catch (error) {
          if (!isNotFound(error)) throw toDomainError(error, 'personalData.replaceAudit');
        }
      }
    },

    async purge(ref) {
      await deletePartition(client, 'personalData.purge', storyPartition(ref));
    },

    async legacyInvolvement(tenantId, personId, maxRows): Promise<LegacyInvolvement> {
      const tenant = prefixRange(keyPart(tenantId, 'tenantId'));
      // Reactions of other kinds than votes came after the person index: all of them are in it.
      const vote = reactionKey('vote', personId);
      const filter = [
        odata`PartitionKey ge ${tenant.from} and PartitionKey lt ${tenant.to}`,
        odata`(RowKey eq ${vote} or RowKey eq ${STORY_ROW} or actorId eq ${personId})`,
      ].join(' and ');
      return guard('personalData.legacyInvolvement', async () => {
        const votes = new Set<string>();
        const named = new Set<string>();
        let scanned = 0;
        let complete = true;
        const pages = client
          .listEntities<Row>({
            queryOptions: {
              filter,
              select: ['PartitionKey', 'RowKey', 'decidedBy', TOMBSTONE_COLUMN, ...NAMING_COLUMNS],
            },
          })
          .byPage({ maxPageSize: Math.min(1000, Math.max(1, maxRows)) });
        read: for await (const page of pages) {
          for (const row of page) {
            if (scanned >= maxRows) {
              complete = false;
              break read;
            }
            scanned++;
            const storyId = String(row.partitionKey).slice(tenant.from.length);
            const rowKey = String(row.rowKey);
            if (rowKey === vote) votes.add(storyId);
            else if (rowKey !== STORY_ROW) named.add(storyId);
            else if (!isTombstone(row) && namesIn(row, personId)) named.add(storyId);
          }
          if (scanned >= maxRows && page.continuationToken !== undefined) {
            complete = false;
            break;
          }
        }
        return { votes: [...votes], stories: [...named], scanned, complete };
      });
    },
  };
}

/**
 * Whether a story row names the person outside its author: the JSON columns are searched for the
 * id as it is written there (a quoted string), the decider compared. A candidate only.
 */
function namesIn(row: Row, personId: string): boolean {
  if (row['decidedBy'] === personId) return true;
  const quoted = JSON.stringify(personId);
  return NAMING_COLUMNS.some((name) => {
    const value = row[name];
    return typeof value === 'string' && value.includes(quoted);
  });
}
