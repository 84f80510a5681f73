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
 * How long a test's storage call may take, unless the test says: the app's 2 s and 4 s
 * (`DEFAULT_TIMEOUTS`) are a bound for answering people, and on a busy machine the one Azurite the
 * run shares has taken longer than that for a test that seeds a hundred rows at once. Within the
 * project's 20 s for a test, so a call that never answers still fails it with its own error.
 */
const TEST_TIMEOUTS = { attemptMs: 10_000, deadlineMs: 15_000 } as const;

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
    timeouts: TEST_TIMEOUTS,
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
