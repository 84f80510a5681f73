import {
  odata,
  type TableClient,
  type TableEntity,
  type TransactionAction,
} from '@azure/data-tables';
import type {
  OutboxKind,
  OutboxMessage,
  OutboxStore,
  PendingOutboxMessage,
} from '../domain/ports.js';
import { OUTBOX_KINDS } from '../domain/outboxRelay.js';
import { CorruptRowError, date, num, str, type Row } from './entityFields.js';
import { joinKey, keyPart, parseStoryPartition, prefixRange, storyPartition } from './keys.js';
import { guard, statusOf, toDomainError } from './tableErrors.js';

const MAX_ERROR_LENGTH = 1000;
/** Operations one entity-group transaction holds. */
const MAX_TRANSACTION = 100;
/** A given-up message's next attempt: the largest date Table Storage holds, so never due. */
const NEVER = new Date('9999-12-31T00:00:00.000Z');

/** The row of a new outbox message, written in the same transaction as its state change. */
export function outboxRow(partitionKey: string, message: OutboxMessage, seq: number): TableEntity {
  return {
    partitionKey,
    rowKey: outboxRowKey(message.id),
    id: message.id,
    kind: message.kind,
    payload: JSON.stringify(message.payload),
    createdAt: message.createdAt,
    // Messages of one commit share createdAt; seq keeps the order they were queued in.
    seq,
    attempts: 0,
    nextAttemptAt: message.createdAt,
  };
}

function outboxRowKey(id: string): string {
  return joinKey('outbox', keyPart(id, 'outbox id'));
}

/**
 * The outbox rows beside each story in table `<prefix>stories`. Every write is conditional on
 * the ETag the message was read at, so two workers never both own a message.
 */
export function createTableOutboxStore(client: TableClient): OutboxStore {
  const { from, to } = prefixRange('outbox');

  /** Counts a failed attempt; a lost race means another worker owns or finished the message. */
  async function recordFailure(
    message: PendingOutboxMessage,
    fields: Record<string, Date | boolean>,
    error: string,
    operation: string,
  ): Promise<void> {
    try {
      await client.updateEntity(
        {
          ...keysOf(message),
          ...fields,
          attempts: message.attempts + 1,
          lastError: error.slice(0, MAX_ERROR_LENGTH),
        },
        'Merge',
        { etag: message.etag },
      );
    } catch (failure) {
      if (!isLostRace(failure)) throw toDomainError(failure, operation);
    }
  }

  /** Whether `messages` fit one transaction: one story's partition, at most 100 of them. */
  const batchable = (messages: readonly PendingOutboxMessage[]) => {
    const first = messages[0];
    if (!first || messages.length > MAX_TRANSACTION) return false;
    const partition = storyPartition(first.ref);
    return messages.every((m) => storyPartition(m.ref) === partition);
  };

  const store: OutboxStore = {
    async pending(ref, now) {
      const filter = odata`PartitionKey eq ${storyPartition(ref)} and RowKey ge ${from} and RowKey lt ${to} and nextAttemptAt le ${now}`;
      return guard('outbox.pending', async () => {
        const rows: QueuedRow[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          rows.push(messageFromRow(row));
        }
        return inQueueOrder(rows);
      });
    },

    // A cross-partition query (a table scan with a filter): only for the background sweep that
    // recovers messages after a crash or an outage, never on a request path.
    async due(now, limit) {
      const filter = odata`RowKey ge ${from} and RowKey lt ${to} and nextAttemptAt le ${now}`;
      return guard('outbox.due', async () => {
        const messages: QueuedRow[] = [];
        const pages = client.listEntities<Row>({ queryOptions: { filter } }).byPage({
          maxPageSize: Math.min(Math.max(limit, 1), 1000),
        });
        for await (const page of pages) {
          for (const row of page) {
            if (messages.length < limit) messages.push(messageFromRow(row));
          }
          if (messages.length >= limit) break;
        }
        return inQueueOrder(messages);
      });
    },

    async claim(message, leaseUntil) {
      try {
        const response = await client.updateEntity(
          { ...keysOf(message), nextAttemptAt: leaseUntil },
          'Merge',
          { etag: message.etag },
        );
        if (!response.etag) throw new Error('The service returned no ETag for a claim.');
        return { ...message, nextAttemptAt: leaseUntil, etag: response.etag };
      } catch (error) {
        // 412: another worker claimed it first; 404: it is already done.
        if (isLostRace(error)) return null;
        throw toDomainError(error, 'outbox.claim');
      }
    },

    async complete(message) {
      const { partitionKey, rowKey } = keysOf(message);
      try {
        await client.deleteEntity(partitionKey, rowKey, { etag: message.etag });
      } catch (error) {
        // 404: done already. 412: our lease ran out and another worker holds the message; it
        // will run it again (handlers are idempotent) and delete it.
        if (!isLostRace(error)) throw toDomainError(error, 'outbox.complete');
      }
    },

    // One transaction instead of a claim per message: a relay run takes its story's due messages
    // at once. A lost race on any of them (412, 404) stores nothing; the caller then claims one
    // by one, and the others' claims decide as before.
    async claimAll(messages, leaseUntil) {
      if (!batchable(messages)) return null;
      const actions: TransactionAction[] = messages.map((message) => [
        'update',
        { ...keysOf(message), nextAttemptAt: leaseUntil },
        'Merge',
        { etag: message.etag },
      ]);
      try {
        const response = await client.submitTransaction(actions);
        const etags = response.subResponses.map((sub) => sub.etag);
        if (etags.length !== messages.length || etags.some((etag) => !etag)) return null;
        return messages.map((message, i) => ({
          ...message,
          nextAttemptAt: leaseUntil,
          etag: etags[i] ?? '',
        }));
      } catch (error) {
        if (isLostRace(error)) return null;
        throw toDomainError(error, 'outbox.claimAll');
      }
    },

    async completeAll(messages) {
      if (messages.length === 0) return;
      if (batchable(messages)) {
        // A delete in a transaction takes no ETag. These messages were carried out, so deleting
        // one another worker took meanwhile (our lease ran out) only spares it a rerun.
        const actions: TransactionAction[] = messages.map((message) => ['delete', keysOf(message)]);
        try {
          await client.submitTransaction(actions);
          return;
        } catch (error) {
          if (!isLostRace(error)) throw toDomainError(error, 'outbox.completeAll');
          // One of them is done or held by another worker: each on its own, as `complete` does.
        }
      }
      for (const message of messages) await store.complete(message);
    },

    async retryLater(message, nextAttemptAt, error) {
      await recordFailure(message, { nextAttemptAt }, error, 'outbox.retryLater');
    },

    async giveUp(message, error) {
      await recordFailure(message, { nextAttemptAt: NEVER, givenUp: true }, error, 'outbox.giveUp');
    },

    async enqueue(ref, message) {
      await guard('outbox.enqueue', () =>
        client.createEntity(outboxRow(storyPartition(ref), message, 0)),
      );
    },
  };
  return store;
}

function keysOf(message: PendingOutboxMessage): { partitionKey: string; rowKey: string } {
  return { partitionKey: storyPartition(message.ref), rowKey: outboxRowKey(message.id) };
}

function isLostRace(error: unknown): boolean {
  const status = statusOf(error);
  return status === 404 || status === 412;
}

interface QueuedRow {
  readonly message: PendingOutboxMessage;
  readonly seq: number;
}

/** Oldest first; messages of one commit in the order they were queued. */
function inQueueOrder(rows: QueuedRow[]): PendingOutboxMessage[] {
  return rows
    .sort((a, b) => a.message.createdAt.getTime() - b.message.createdAt.getTime() || a.seq - b.seq)
    .map((row) => row.message);
}

function messageFromRow(row: Row): QueuedRow {
  const ref = parseStoryPartition(str(row, 'partitionKey'));
  const kind = str(row, 'kind');
  if (!ref) throw new CorruptRowError('Outbox row outside a story partition.');
  if (!Object.hasOwn(OUTBOX_KINDS, kind)) throw new CorruptRowError('Unknown outbox kind.');
  const message: PendingOutboxMessage = {
    ref,
    id: str(row, 'id'),
    kind: kind as OutboxKind,
    createdAt: date(row, 'createdAt'),
    payload: parsePayload(str(row, 'payload')),
    attempts: num(row, 'attempts'),
    nextAttemptAt: date(row, 'nextAttemptAt'),
    etag: str(row, 'etag'),
  };
  return { message, seq: num(row, 'seq') };
}

function parsePayload(json: string): Record<string, string | number | boolean> {
  const parsed: unknown = JSON.parse(json);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new CorruptRowError('Outbox payload is not an object.');
  }
  const payload: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new CorruptRowError('Outbox payload has a value of an unsupported type.');
    }
    payload[key] = value;
  }
  return payload;
}
