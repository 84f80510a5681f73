import { odata, type TableClient } from '@azure/data-tables';
import { DomainError } from '../domain/errors.js';
import type { Award, AwardStore } from '../domain/ports.js';
import { date, optStr, str, type Row } from './entityFields.js';
import { invertedMonth, joinKey, keyPart, monthFromInverted } from './keys.js';
import { storyColumns, storyFromRow } from './storyColumns.js';
import { guard, orIfNotFound } from './tableErrors.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The winners in table `<prefix>settings`, partition `<tenant>|awards`, RowKey = inverted
 * `YYYYMM` (see `invertedMonth`), so one partition query reads the history newest month first and
 * a month's winner is a point read. Each row holds the chosen story's snapshot (story columns)
 * beside `awardedById`, `awardedByName`, `awardedAt` and `citation`.
 */
export function createTableAwardStore(client: TableClient): AwardStore {
  const partition = (tenantId: string) => joinKey(keyPart(tenantId, 'tenantId'), 'awards');
  return {
    async get(tenantId, month) {
      const row = await orIfNotFound(
        'awards.get',
        () => client.getEntity<Row>(partition(tenantId), rowKey(month)),
        null,
      );
      if (!row) return null;
      return { value: awardFromRow(row), etag: str(row, 'etag') };
    },

    async list(tenantId, limit) {
      return guard('awards.list', async () => {
        const pages = client
          .listEntities<Row>({
            queryOptions: { filter: odata`PartitionKey eq ${partition(tenantId)}` },
          })
          .byPage({ maxPageSize: limit });
        const awards: Award[] = [];
        for await (const page of pages) {
          for (const row of page) if (awards.length < limit) awards.push(awardFromRow(row));
          if (awards.length >= limit) break;
        }
        return awards;
      });
    },

    async put(award, etag) {
      const entity = {
        partitionKey: partition(award.tenantId),
        rowKey: rowKey(award.month),
        ...storyColumns(award.story),
        awardedById: award.awardedBy.id,
        awardedByName: award.awardedBy.displayName,
        awardedAt: award.awardedAt,
        ...(award.citation !== undefined ? { citation: award.citation } : {}),
      };
      // Create when none was read (a 409 if another editor created it meanwhile), otherwise replace
      // with If-Match (a 412 if it changed): both become DomainError('conflict').
      await guard('awards.put', () =>
        etag === null
          ? client.createEntity(entity)
          : client.updateEntity(entity, 'Replace', { etag }),
      );
    },
  };
}

function rowKey(month: string): string {
  if (!MONTH.test(month)) {
    throw new DomainError('validation', 'Use YYYY-MM for the month.', { field: 'month' });
  }
  return invertedMonth(month.replace('-', ''));
}

function awardFromRow(row: Row): Award {
  const yyyymm = monthFromInverted(str(row, 'rowKey'));
  const citation = optStr(row, 'citation');
  const story = storyFromRow(row);
  return {
    tenantId: story.tenantId,
    month: `${yyyymm.slice(0, 4)}-${yyyymm.slice(4)}`,
    story,
    awardedBy: { id: str(row, 'awardedById'), displayName: str(row, 'awardedByName') },
    awardedAt: date(row, 'awardedAt'),
    ...(citation !== undefined ? { citation } : {}),
  };
}
