import { odata, type TableClient } from '@azure/data-tables';
import type { Story } from '../domain/story.js';
import type { Row } from './entityFields.js';
import { revisionOf, storyFromRow } from './storyColumns.js';
import { guard, orIfNotFound, statusOf, toDomainError } from './tableErrors.js';

/**
 * Rounds of read-then-write before a projection write gives up with a conflict (the outbox
 * retries it). A lost round means another writer got through, so a dozen racing writers settle.
 */
const MAX_ROUNDS = 12;

/** Where one story snapshot lives in a projection table. */
export interface ProjectionKeys {
  readonly partitionKey: string;
  readonly rowKey: string;
}

/**
 * Writes a story snapshot unless the row already holds the same or a newer revision: a point
 * read, then a Replace on the ETag read (or a create when absent). Projection writes run inline
 * after a commit and again from the outbox, in no particular order; comparing revisions makes
 * the newest snapshot win whatever the order, where a blind upsert lets the slowest one win.
 */
export async function writeIfNewer(
  client: TableClient,
  operation: string,
  keys: ProjectionKeys,
  columns: Record<string, unknown>,
  revision: number,
  options: { readonly wholeRow?: boolean } = {},
): Promise<WriteOutcome> {
  const entity = { ...columns, partitionKey: keys.partitionKey, rowKey: keys.rowKey };
  let outcome: WriteOutcome = { written: false, before: null };
  await decideAgainOnRace(operation, async () => {
    const held = await heldRevision(client, operation, keys, options.wholeRow === true);
    if (held && held.revision >= revision) {
      outcome = { written: false, before: held.row };
      return;
    }
    if (held) await client.updateEntity(entity, 'Replace', { etag: held.etag });
    else await client.createEntity(entity);
    outcome = { written: true, before: held?.row ?? null };
  });
  return outcome;
}

/** What `writeIfNewer` did: whether it wrote, and the row it replaced (null when it created). */
export interface WriteOutcome {
  readonly written: boolean;
  /** With `wholeRow`, every column; else the revision only. */
  readonly before: Row | null;
}

/**
 * Deletes a story snapshot unless the row holds a newer revision than `revision` (a slow removal
 * must not take out a later snapshot, e.g. of a resubmitted story). Absent is fine: idempotent.
 */
export async function removeUnlessNewer(
  client: TableClient,
  operation: string,
  keys: ProjectionKeys,
  revision: number,
): Promise<void> {
  await decideAgainOnRace(operation, async () => {
    const held = await heldRevision(client, operation, keys);
    if (!held || held.revision > revision) return;
    await client.deleteEntity(keys.partitionKey, keys.rowKey, { etag: held.etag });
  });
}

/**
 * The revision and ETag of the row at `keys`, reading that column only (every column with
 * `wholeRow`); null when absent.
 */
async function heldRevision(
  client: TableClient,
  operation: string,
  keys: ProjectionKeys,
  wholeRow = false,
): Promise<{ revision: number; etag: string; row: Row } | null> {
  const row = await orIfNotFound(
    operation,
    () =>
      client.getEntity<Row>(
        keys.partitionKey,
        keys.rowKey,
        wholeRow ? {} : { queryOptions: { select: ['revision'] } },
      ),
    null,
  );
  return row ? { revision: revisionOf(row), etag: row.etag, row } : null;
}

/**
 * Runs a read-decide-write step again when the row changed between the read and the write:
 * 412 (replaced or deleted since; the ETag no longer matches), 409 (created since) or 404
 * (deleted since). Other failures, and a race lost too often, are translated as usual.
 */
async function decideAgainOnRace(operation: string, step: () => Promise<void>): Promise<void> {
  for (let round = 1; ; round++) {
    try {
      await step();
      return;
    } catch (error) {
      const status = statusOf(error);
      const lostRace = status === 412 || status === 409 || status === 404;
      if (!lostRace || round >= MAX_ROUNDS) throw toDomainError(error, operation);
    }
  }
}

/**
 * The first `limit` story snapshots of one projection partition (a queue), in RowKey order;
 * `operation` names the read in a storage error.
 */
export async function listSnapshots(
  client: TableClient,
  partitionKey: string,
  limit: number,
  operation: string,
): Promise<Story[]> {
  const wanted = Math.max(0, Math.floor(limit));
  return guard(operation, async () => {
    const stories: Story[] = [];
    if (wanted === 0) return stories;
    const pages = client
      .listEntities<Row>({ queryOptions: { filter: odata`PartitionKey eq ${partitionKey}` } })
      .byPage({ maxPageSize: Math.min(wanted, 1000) });
    for await (const page of pages) {
      for (const row of page) if (stories.length < wanted) stories.push(storyFromRow(row));
      if (stories.length >= wanted) break;
    }
    return stories;
  });
}
