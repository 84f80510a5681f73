import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type {
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEvent,
  WebhookRecord,
  WebhookStore,
} from '../domain/webhooks.js';
import {
  CorruptRowError,
  bool,
  date,
  num,
  opt,
  optDate,
  optNum,
  optStr,
  str,
} from './entityFields.js';
import type { Row } from './entityFields.js';
import { invertedTime, joinKey, keyPart } from './keys.js';
import { deletePartition } from './partitionDelete.js';
import { guard, isNotFound, orIfNotFound, statusOf, toDomainError } from './tableErrors.js';

const STATUSES: Readonly<Record<WebhookDeliveryStatus, true>> = {
  pending: true,
  delivered: true,
  failed: true,
  refused: true,
  skipped: true,
};
const MAX_ERROR_LENGTH = 500;

/**
 * Webhooks in table `<prefix>settings`: a tenant's subscriptions in partition `<tenant>|webhooks`
 * (RowKey = the webhook's id; a tenant holds a few, `LIMITS.webhooks`), and each webhook's
 * delivery log in a partition of its own, `<tenant>|webhook|<id>`, RowKey = inverted event time
 * and the delivery id, so the log reads newest first and one delivery is a point read. Removing a
 * webhook deletes its log's partition. The signing secret is stored as issued: signing needs it.
 */
export function createTableWebhookStore(client: TableClient): WebhookStore {
  const hooks = (tenantId: string) => joinKey(keyPart(tenantId, 'tenantId'), 'webhooks');
  const log = (tenantId: string, webhookId: string) =>
    joinKey(keyPart(tenantId, 'tenantId'), 'webhook', keyPart(webhookId, 'webhookId'));
  const deliveryKey = (createdAt: Date, id: string) =>
    joinKey(invertedTime(createdAt), keyPart(id, 'deliveryId'));

  return {
    async list(tenantId) {
      const filter = odata`PartitionKey eq ${hooks(tenantId)}`;
      return guard('webhooks.list', async () => {
        const found: WebhookRecord[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          found.push(webhookFromRow(tenantId, row));
        }
        return found.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
      });
    },

    async get(tenantId, id) {
      const row = await orIfNotFound(
        'webhooks.get',
        () => client.getEntity<Row>(hooks(tenantId), keyPart(id, 'webhookId')),
        null,
      );
      return row ? webhookFromRow(tenantId, row) : null;
    },

    async create(record) {
      try {
        await client.createEntity({
          partitionKey: hooks(record.tenantId),
          rowKey: keyPart(record.id, 'webhookId'),
          url: record.url,
          events: JSON.stringify(record.events),
          ...opt('description', record.description),
          secret: record.secret,
          paused: record.paused,
          createdAt: record.createdAt,
          createdBy: record.createdBy,
        });
      } catch (error) {
        if (statusOf(error) === 409) throw new DomainError('conflict', 'That webhook id is taken.');
        throw toDomainError(error, 'webhooks.create');
      }
    },

    async setPaused(tenantId, id, paused) {
      try {
        // If-Match *: changes a webhook that exists, never brings back a removed one.
        await client.updateEntity(
          { partitionKey: hooks(tenantId), rowKey: keyPart(id, 'webhookId'), paused },
          'Merge',
          { etag: '*' },
        );
      } catch (error) {
        if (isNotFound(error)) return null;
        throw toDomainError(error, 'webhooks.setPaused');
      }
      return this.get(tenantId, id);
    },

    async remove(tenantId, id) {
      let removed = true;
      try {
        await client.deleteEntity(hooks(tenantId), keyPart(id, 'webhookId'));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'webhooks.remove');
        removed = false;
      }
      // The log goes with the webhook (also when an earlier removal stopped half-way).
      await deletePartition(client, 'webhooks.removeLog', log(tenantId, id));
      return removed;
    },

    async delivery(tenantId, webhookId, createdAt, id) {
      const row = await orIfNotFound(
        'webhooks.delivery',
        () => client.getEntity<Row>(log(tenantId, webhookId), deliveryKey(createdAt, id)),
        null,
      );
      return row
        ? { value: deliveryFromRow(tenantId, webhookId, row), etag: str(row, 'etag') }
        : null;
    },

    async putDelivery(delivery, etag) {
      const entity = {
        partitionKey: log(delivery.tenantId, delivery.webhookId),
        rowKey: deliveryKey(delivery.createdAt, delivery.id),
        id: delivery.id,
        event: delivery.event,
        storyId: delivery.storyId,
        status: delivery.status,
        attempts: delivery.attempts,
        createdAt: delivery.createdAt,
        ...opt('lastAttemptAt', delivery.lastAttemptAt),
        ...opt('lastStatus', delivery.lastStatus),
        ...opt('lastError', delivery.lastError?.slice(0, MAX_ERROR_LENGTH)),
        ...opt('nextAttemptAt', delivery.nextAttemptAt),
      };
      // Created when none was read, otherwise replaced on the version read (Replace drops the
      // columns a state no longer has): a 409 or 412 becomes DomainError('conflict').
      await guard('webhooks.putDelivery', () =>
        etag === null
          ? client.createEntity(entity)
          : client.updateEntity(entity, 'Replace', { etag }),
      );
    },

    async deliveries(tenantId, webhookId, limit) {
      const filter = odata`PartitionKey eq ${log(tenantId, webhookId)}`;
      return guard('webhooks.deliveries', async () => {
        const found: WebhookDelivery[] = [];
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: limit });
        for await (const page of pages) {
          for (const row of page) {
            if (found.length < limit) found.push(deliveryFromRow(tenantId, webhookId, row));
          }
          if (found.length >= limit) break;
        }
        return found;
      });
    },
  };
}

function webhookFromRow(tenantId: string, row: Row): WebhookRecord {
  const events = JSON.parse(str(row, 'events')) as unknown;
  if (!Array.isArray(events) || !events.every((e) => typeof e === 'string')) {
    throw new CorruptRowError('Column events is not a list of names.');
  }
  const description = optStr(row, 'description');
  return {
    tenantId,
    id: str(row, 'rowKey'),
    url: str(row, 'url'),
    events: events as WebhookEvent[],
    ...(description !== undefined ? { description } : {}),
    secret: str(row, 'secret'),
    paused: bool(row, 'paused'),
    createdAt: date(row, 'createdAt'),
    createdBy: str(row, 'createdBy'),
  };
}

function deliveryFromRow(tenantId: string, webhookId: string, row: Row): WebhookDelivery {
  const status = str(row, 'status');
  if (!(status in STATUSES)) throw new CorruptRowError('Column status is not a delivery status.');
  const lastAttemptAt = optDate(row, 'lastAttemptAt');
  const lastStatus = optNum(row, 'lastStatus');
  const lastError = optStr(row, 'lastError');
  const nextAttemptAt = optDate(row, 'nextAttemptAt');
  return {
    tenantId,
    webhookId,
    id: str(row, 'id'),
    event: str(row, 'event') as WebhookEvent,
    storyId: str(row, 'storyId'),
    status: status as WebhookDeliveryStatus,
    attempts: num(row, 'attempts'),
    createdAt: date(row, 'createdAt'),
    ...(lastAttemptAt ? { lastAttemptAt } : {}),
    ...(lastStatus !== undefined ? { lastStatus } : {}),
    ...(lastError !== undefined ? { lastError } : {}),
    ...(nextAttemptAt ? { nextAttemptAt } : {}),
  };
}
