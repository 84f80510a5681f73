import type { TableClient } from '@azure/data-tables';
import type { PublicationChannel, SettingsStore } from '../domain/ports.js';
import { CorruptRowError, date, str, type Row } from './entityFields.js';
import { keyPart } from './keys.js';
import { guard, orIfNotFound } from './tableErrors.js';

const PUBLICATION_CHANNEL = 'publicationChannel';

/**
 * A tenant's settings in table `<prefix>settings`: PartitionKey tenant id, one row per setting
 * (RowKey `publicationChannel`). Last writer wins: a setting is what its admin said last.
 */
export function createTableSettingsStore(client: TableClient): SettingsStore {
  return {
    async getPublicationChannel(tenantId) {
      const row = await orIfNotFound(
        'settings.get',
        () => client.getEntity<Row>(keyPart(tenantId, 'tenantId'), PUBLICATION_CHANNEL),
        null,
      );
      return row ? channelFromRow(row) : null;
    },

    async setPublicationChannel(tenantId, channel) {
      const entity = {
        partitionKey: keyPart(tenantId, 'tenantId'),
        rowKey: PUBLICATION_CHANNEL,
        reference: channel.reference,
        locale: channel.locale,
        setBy: channel.setBy,
        setAt: channel.setAt,
      };
      await guard('settings.set', () => client.upsertEntity(entity, 'Replace'));
    },
  };
}

function channelFromRow(row: Row): PublicationChannel {
  const locale = str(row, 'locale');
  if (locale !== 'en' && locale !== 'fi') throw new CorruptRowError('Unknown channel locale.');
  return {
    reference: str(row, 'reference'),
    locale,
    setBy: str(row, 'setBy'),
    setAt: date(row, 'setAt'),
  };
}
