import { odata, type TableClient } from '@azure/data-tables';
import { z } from 'zod';
import {
  ERASURE_KINDS,
  type ErasureKind,
  type ErasureRecord,
  type ErasureRegister,
} from '../domain/erasurePorts.js';
import { date, str, type Row } from './entityFields.js';
import { joinKey, keyPart } from './keys.js';
import { parseJsonColumn } from './approvalColumn.js';
import { guard, orIfNotFound } from './tableErrors.js';

/**
 * The erasure register in table `<prefix>schedule` (background work, beside the scheduler's
 * `due` partition): one partition, `erasure`, RowKey `<tenant>|<person>`, so a person's record is
 * a point read and the unfinished ones of every tenant are one partition query. Columns: the
 * status, when it last moved on, and the receipt as JSON (ids and counts; no names, no texts).
 * Written with a create or an If-Match replace, never last-writer-wins.
 */
const PARTITION = 'erasure';

// A kind added after a receipt was written (`learned`) reads as nothing erased of it.
const entry = z
  .object({ count: z.number(), ids: z.array(z.string()) })
  .default({ count: 0, ids: [] });
const receiptSchema = z.object({
  personId: z.string(),
  pseudonymId: z.string(),
  requestedBy: z.string(),
  requestedAt: z.iso.datetime().transform((value) => new Date(value)),
  completedAt: z.iso
    .datetime()
    .transform((value) => new Date(value))
    .optional(),
  erased: z.object(
    Object.fromEntries(ERASURE_KINDS.map((kind) => [kind, entry])) as Record<
      ErasureKind,
      typeof entry
    >,
  ),
  legacySearch: z.object({ scanned: z.number(), complete: z.boolean() }),
});

export function createTableErasureRegister(client: TableClient): ErasureRegister {
  const rowKey = (tenantId: string, personId: string) =>
    joinKey(keyPart(tenantId, 'tenantId'), keyPart(personId, 'personId'));
  return {
    async get(tenantId, personId) {
      const row = await orIfNotFound(
        'erasures.get',
        () => client.getEntity<Row>(PARTITION, rowKey(tenantId, personId)),
        null,
      );
      return row ? { value: recordFromRow(row), etag: row.etag } : null;
    },

    async put(record, etag) {
      const entity = {
        partitionKey: PARTITION,
        rowKey: rowKey(record.tenantId, record.receipt.personId),
        tenantId: record.tenantId,
        status: record.status,
        updatedAt: record.updatedAt,
        receipt: JSON.stringify(record.receipt),
      };
      // A create meets an existing record with 409, a replace a changed one with 412: both are
      // DomainError('conflict').
      const response = await guard('erasures.put', () =>
        etag === null
          ? client.createEntity(entity)
          : client.updateEntity(entity, 'Replace', { etag }),
      );
      return response.etag ?? '';
    },

    async unfinished(before, limit) {
      const filter = odata`PartitionKey eq ${PARTITION} and status eq ${'running'} and updatedAt lt ${before}`;
      return guard('erasures.unfinished', async () => {
        const found: ErasureRecord[] = [];
        const pages = client
          .listEntities<Row>({ queryOptions: { filter } })
          .byPage({ maxPageSize: Math.min(Math.max(limit, 1), 1000) });
        for await (const page of pages) {
          for (const row of page) if (found.length < limit) found.push(recordFromRow(row));
          if (found.length >= limit) break;
        }
        return found;
      });
    },
  };
}

function recordFromRow(row: Row): ErasureRecord {
  const status = str(row, 'status') === 'done' ? 'done' : 'running';
  const receipt = parseJsonColumn(str(row, 'receipt'), receiptSchema, 'erasure receipt') as z.infer<
    typeof receiptSchema
  >;
  return {
    tenantId: str(row, 'tenantId'),
    status,
    updatedAt: date(row, 'updatedAt'),
    receipt: {
      personId: receipt.personId,
      pseudonymId: receipt.pseudonymId,
      requestedBy: receipt.requestedBy,
      requestedAt: receipt.requestedAt,
      ...(receipt.completedAt ? { completedAt: receipt.completedAt } : {}),
      erased: receipt.erased,
      legacySearch: receipt.legacySearch,
    },
  };
}
