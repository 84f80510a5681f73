import type { TableClient } from '@azure/data-tables';
import type { Row } from './entityFields.js';
import { teamKey } from '../domain/teams.js';
import { guard, orIfNotFound, statusOf } from './tableErrors.js';

/** The row that says every wall row holds `teamKey`; its presence makes the backfill a point read. */
const MARKER = { partitionKey: '~migrations', rowKey: 'wallTeamKeys' } as const;

/**
 * Gives every wall row written before the `teamKey` column existed its `teamKey`, so the team
 * filter — one partition query on `teamKey` — finds those stories whatever case it is typed in.
 * Runs once per store: one pass over the wall table (reading two columns), a Merge of `teamKey`
 * on each row that lacks it (If-Match, so a row rewritten meanwhile, which then holds `teamKey`,
 * is left alone), then the marker row. Idempotent: instances that run it at once do the same
 * writes. Returns how many rows were given a key.
 */
export async function backfillWallTeamKeys(client: TableClient): Promise<number> {
  const done = await orIfNotFound(
    'wall.teamKeys',
    () => client.getEntity<Row>(MARKER.partitionKey, MARKER.rowKey),
    null,
  );
  if (done) return 0;
  let keyed = 0;
  await guard('wall.teamKeys', async () => {
    const rows = client.listEntities<Row>({
      queryOptions: { select: ['PartitionKey', 'RowKey', 'team', 'teamKey'] },
    });
    for await (const row of rows) {
      if (typeof row.team !== 'string' || typeof row.teamKey === 'string') continue;
      try {
        await client.updateEntity(
          {
            partitionKey: String(row.partitionKey),
            rowKey: String(row.rowKey),
            teamKey: teamKey(row.team),
          },
          'Merge',
          { etag: row.etag },
        );
        keyed++;
      } catch (error) {
        // Rewritten (with its key) or removed since it was read: nothing left to do for it.
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
      }
    }
    await client.upsertEntity({ ...MARKER, keyedRows: keyed }, 'Replace');
  });
  return keyed;
}
