import type { TableClient } from '@azure/data-tables';
import type { PublicationChannel, SettingsStore } from '../domain/ports.js';
import { CorruptRowError, date, str, type Row } from './entityFields.js';
import { keyPart } from './keys.js';
import { guard, orIfNotFound } from './tableErrors.js';
import { settingsFromColumn, settingsToColumn } from './settingsColumn.js';

const PUBLICATION_CHANNEL = 'publicationChannel';
const TENANT_SETTINGS = 'tenantSettings';

/**
 * A tenant's settings in table `<prefix>settings`: PartitionKey tenant id, one row per setting.
 * The publication channel (RowKey `publicationChannel`) is what its admin said last. The settings
 * document (RowKey `tenantSettings`, one JSON column) is written conditionally on its ETag, so two
 * admins saving at once cannot overwrite each other unseen.
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

    async getTenantSettings(tenantId) {
      const row = await orIfNotFound(
        'settings.getTenant',
        () => client.getEntity<Row>(keyPart(tenantId, 'tenantId'), TENANT_SETTINGS),
        null,
      );
      return row
        ? { value: settingsFromColumn(str(row, 'document')), etag: str(row, 'etag') }
        : null;
    },

    async putTenantSettings(tenantId, settings, etag) {
      const entity = {
        partitionKey: keyPart(tenantId, 'tenantId'),
        rowKey: TENANT_SETTINGS,
        version: settings.version,
        document: settingsToColumn(settings),
      };
      // Never the SDK's default etag '*': a create meets an existing row with 409, an update a
      // changed one with 412; both become DomainError('conflict').
      await guard('settings.putTenant', () =>
        etag === null
          ? client.createEntity(entity)
          : client.updateEntity(entity, 'Replace', { etag }),
      );
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
