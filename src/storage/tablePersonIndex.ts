import { odata, type TableClient } from '@azure/data-tables';
import type { IndexedStory, Involvement, PersonIndex } from '../domain/erasurePorts.js';
import type { Row } from './entityFields.js';
import { joinKey, keyPart } from './keys.js';
import { deletePartition } from './partitionDelete.js';
import { guard } from './tableErrors.js';

const INVOLVEMENTS: readonly Involvement[] = ['voted', 'learned', 'featured', 'asked', 'acted'];

/**
 * The person index in table `<prefix>queues` (beside the approval queues and the authors' lists;
 * the partitions cannot meet): PartitionKey `<tenant>|person|<personId>`, RowKey = story id, a
 * boolean column per involvement. A write is a Merge upsert (idempotent, and two writers add
 * their columns), so a person's stories are one partition query and erasure drops the partition.
 */
export function createTablePersonIndex(client: TableClient): PersonIndex {
  const partition = (tenantId: string, personId: string) =>
    joinKey(keyPart(tenantId, 'tenantId'), 'person', keyPart(personId, 'personId'));
  return {
    async add(tenantId, personId, storyId, involvements) {
      if (involvements.length === 0) return;
      const entity = {
        partitionKey: partition(tenantId, personId),
        rowKey: keyPart(storyId, 'storyId'),
        ...Object.fromEntries(involvements.map((kind) => [kind, true])),
      };
      await guard('personIndex.add', () => client.upsertEntity(entity, 'Merge'));
    },

    list,
    // Storage itself is never behind; `cachePersonIndex` is what answers from memory.
    listForView: list,

    async drop(tenantId, personId) {
      await deletePartition(client, 'personIndex.drop', partition(tenantId, personId));
    },
  };

  async function list(
    tenantId: string,
    personId: string,
    only?: readonly Involvement[],
  ): Promise<IndexedStory[]> {
    const inPartition = odata`PartitionKey eq ${partition(tenantId, personId)}`;
    // Column names from the fixed list, never from input; `true` as the index writes it.
    const kinds = only?.filter((kind) => INVOLVEMENTS.includes(kind));
    if (kinds?.length === 0) return [];
    const filter = kinds
      ? `${inPartition} and (${kinds.map((kind) => `${kind} eq true`).join(' or ')})`
      : inPartition;
    return guard('personIndex.list', async () => {
      const found: IndexedStory[] = [];
      for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
        found.push({
          storyId: String(row.rowKey),
          involvements: INVOLVEMENTS.filter((kind) => row[kind] === true),
        });
      }
      return found;
    });
  }
}
