import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import {
  createTableStorage,
  type TableStorage,
  type TableStorageOptions,
} from '../../src/storage/tableStorage.js';

/** A unique table prefix (letters and digits), so test files never share tables. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(6).toString('hex')}`;
}

/**
 * Storage on the run's shared Azurite with fresh tables of its own. Call `dropTables()` in
 * `afterAll`.
 */
export async function testStorage(
  options: Partial<Omit<TableStorageOptions, 'connectionString'>> = {},
): Promise<TableStorage> {
  const storage = createTableStorage({
    connectionString: inject('azurite').connectionString,
    allowInsecureConnection: true,
    tablePrefix: uniqueTablePrefix(),
    ...options,
  });
  await storage.ensureTables();
  return storage;
}
