import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import {
  createTableStorage,
  type TableStorage,
  type TableStorageOptions,
} from '../../src/storage/tableStorage.js';
import { lateBound } from './lateBound.js';

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

/**
 * `testStorage()` for the enclosing block: its tables are created before the block's tests and
 * dropped after them; the storage works inside tests and hooks.
 */
export function useTestStorage(
  options: Partial<Omit<TableStorageOptions, 'connectionString'>> = {},
): TableStorage {
  let storage: TableStorage | undefined;
  beforeAll(async () => {
    storage = await testStorage(options);
  });
  afterAll(async () => {
    await storage?.dropTables();
    storage = undefined;
  });
  return lateBound(() => {
    if (!storage) throw new Error('Test storage exists only inside tests and their hooks.');
    return storage;
  });
}
