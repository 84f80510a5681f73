import { odata, type TableClient } from '@azure/data-tables';
import type { UserDirectory } from '../domain/ports.js';
import type { Locale, Role, User } from '../domain/user.js';
import { opt, optStr, str, type Row } from './entityFields.js';
import { keyPart } from './keys.js';
import { guard, isNotFound, orIfNotFound, toDomainError } from './tableErrors.js';

const ROLES: readonly Role[] = ['employee', 'approver', 'editor', 'admin'];
const LOCALES: readonly Locale[] = ['en', 'fi'];

/** The people of each tenant in table `<prefix>users`: PartitionKey tenant id, RowKey user id. */
export function createTableUserDirectory(client: TableClient): UserDirectory {
  return {
    async get(tenantId, userId) {
      const row = await orIfNotFound(
        'users.get',
        () => client.getEntity<Row>(keyPart(tenantId, 'tenantId'), keyPart(userId, 'userId')),
        null,
      );
      return row ? userFromRow(row) : null;
    },

    async list(tenantId) {
      const filter = odata`PartitionKey eq ${keyPart(tenantId, 'tenantId')}`;
      return guard('users.list', async () => {
        const users: User[] = [];
        for await (const row of client.listEntities<Row>({ queryOptions: { filter } })) {
          users.push(userFromRow(row));
        }
        return users;
      });
    },

    async upsert(user) {
      const entity = {
        partitionKey: keyPart(user.tenantId, 'tenantId'),
        rowKey: keyPart(user.id, 'userId'),
        displayName: user.displayName,
        // Table Storage has no list type; roles are a fixed vocabulary without commas.
        roles: user.roles.join(','),
        ...opt('email', user.email),
        ...opt('managerId', user.managerId),
        ...opt('team', user.team),
        ...opt('locale', user.locale),
      };
      await guard('users.upsert', () => client.upsertEntity(entity, 'Replace'));
    },

    async remove(tenantId, userId) {
      try {
        await client.deleteEntity(keyPart(tenantId, 'tenantId'), keyPart(userId, 'userId'));
      } catch (error) {
        if (!isNotFound(error)) throw toDomainError(error, 'users.remove');
      }
    },
  };
}

function userFromRow(row: Row): User {
  const roles = str(row, 'roles')
    .split(',')
    .filter((role): role is Role => ROLES.includes(role as Role));
  const email = optStr(row, 'email');
  const managerId = optStr(row, 'managerId');
  const team = optStr(row, 'team');
  const locale = optStr(row, 'locale');
  return {
    tenantId: str(row, 'partitionKey'),
    id: str(row, 'rowKey'),
    displayName: str(row, 'displayName'),
    roles,
    ...(email !== undefined ? { email } : {}),
    ...(managerId !== undefined ? { managerId } : {}),
    ...(team !== undefined ? { team } : {}),
    ...(locale !== undefined && LOCALES.includes(locale as Locale)
      ? { locale: locale as Locale }
      : {}),
  };
}
