import { odata, type TableClient } from '@azure/data-tables';
import type { Story } from '../domain/story.js';
import type { Row } from './entityFields.js';
import type { RowKeys, RowVersionMemory } from './rowVersionMemory.js';
import { revisionOf, storyFromRow } from './storyColumns.js';
import { guard, orIfNotFound, statusOf, toDomainError } from './tableErrors.js';

/**
 * Rounds of read-then-write before a projection write gives up with a conflict (the outbox
 * retries it). A lost round means another writer got through, so a dozen racing writers settle.
 */
const MAX_ROUNDS = 12;

/** Where one story snapshot lives in a projection table. */
export type ProjectionKeys = RowKeys;

/** The options of a table adapter whose rows are story snapshots written by revision. */
export interface ProjectionTableOptions {
  /**
   * How long the version of a row this adapter wrote or read is offered to the row's next write
   * or removal, which then goes to storage on that ETag without reading the row first; 0 (the
   * default) reads before every write. See `createRowVersionMemory`.
   */
  readonly versionMemoryMs?: number;
}

/** How `writeIfNewer` may spare itself the read before its write. */
export interface WriteOptions {
  /** Every column of the row replaced is wanted in `before` (else its revision only). */
  readonly wholeRow?: boolean;
  /**
   * The versions of rows this adapter wrote or read lately: a row remembered at an older
   * revision is replaced on its ETag without a read, one remembered as absent is created.
   */
  readonly memory?: RowVersionMemory | undefined;
  /**
   * The caller knows no earlier revision of the story had a row at these keys: it is created
   * without a look first (when nothing is remembered of it).
   */
  readonly likelyAbsent?: boolean;
}

/**
 * Writes a story snapshot unless the row already holds the same or a newer revision: a point
 * read, then a Replace on the ETag read (or a create when absent). Projection writes run inline
 * after a commit and again from the outbox, in no particular order; comparing revisions makes
 * the newest snapshot win whatever the order, where a blind upsert lets the slowest one win.
 *
 * With `memory`, the first try skips the read when the row's version is known: a row remembered
 * at an older revision is replaced on the remembered ETag, one remembered (or, by the caller,
 * known) to be absent is created. Both writes are conditional, so storage refuses them once
 * anyone changed the row since (412, 404, 409); the step is then judged again on a fresh read, as
 * without memory. A remembered revision as new as this one is not trusted to skip the write: the
 * row is read.
 */
export async function writeIfNewer(
  client: TableClient,
  operation: string,
  keys: ProjectionKeys,
  columns: Record<string, unknown>,
  revision: number,
  options: WriteOptions = {},
): Promise<WriteOutcome> {
  const entity = { ...columns, partitionKey: keys.partitionKey, rowKey: keys.rowKey };
  const wholeRow = options.wholeRow === true;
  const memory = options.memory;
  let outcome: WriteOutcome = { written: false, before: null };
  const written = (etag: string | undefined) => {
    if (etag) memory?.remember(keys, { etag, revision, row: columns, whole: true });
    else memory?.forget(keys);
  };
  await decideAgainOnRace(operation, memory, keys, async (round) => {
    const known =
      round === 1
        ? (memory?.recall(keys) ?? (options.likelyAbsent ? 'absent' : undefined))
        : undefined;
    if (known === 'absent') {
      written((await client.createEntity(entity)).etag);
      outcome = { written: true, before: null };
      return;
    }
    if (known && known.revision < revision && (known.whole || !wholeRow)) {
      written((await client.updateEntity(entity, 'Replace', { etag: known.etag })).etag);
      outcome = { written: true, before: known.row };
      return;
    }
    const held = await heldRevision(client, operation, keys, wholeRow);
    memory?.remember(keys, held ? { ...held, whole: wholeRow } : 'absent');
    if (held && held.revision >= revision) {
      outcome = { written: false, before: held.row };
      return;
    }
    if (held) written((await client.updateEntity(entity, 'Replace', { etag: held.etag })).etag);
    else written((await client.createEntity(entity)).etag);
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
 * With `memory`, a row remembered at this revision or an older one is deleted on the remembered
 * ETag without a read first; refused, it is judged again on a fresh read.
 */
export async function removeUnlessNewer(
  client: TableClient,
  operation: string,
  keys: ProjectionKeys,
  revision: number,
  memory?: RowVersionMemory,
): Promise<void> {
  await decideAgainOnRace(operation, memory, keys, async (round) => {
    const known = round === 1 ? memory?.recall(keys) : undefined;
    let etag: string;
    if (known && known !== 'absent' && known.revision <= revision) etag = known.etag;
    else {
      const held = await heldRevision(client, operation, keys);
      memory?.remember(keys, held ? { ...held, whole: false } : 'absent');
      if (!held || held.revision > revision) return;
      etag = held.etag;
    }
    await client.deleteEntity(keys.partitionKey, keys.rowKey, { etag });
    memory?.remember(keys, 'absent');
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
 * (deleted since). Other failures, and a race lost too often, are translated as usual. The step
 * is told its round: only the first may act on a remembered version. Any failure forgets the
 * row's version, since what storage holds is then unknown here.
 */
async function decideAgainOnRace(
  operation: string,
  memory: RowVersionMemory | undefined,
  keys: ProjectionKeys,
  step: (round: number) => Promise<void>,
): Promise<void> {
  for (let round = 1; ; round++) {
    try {
      await step(round);
      return;
    } catch (error) {
      memory?.forget(keys);
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
