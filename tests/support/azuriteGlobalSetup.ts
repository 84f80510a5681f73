import type { TestProject } from 'vitest/node';
import { startEmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';

declare module 'vitest' {
  export interface ProvidedContext {
    azurite: { connectionString: string; tableEndpoint: string };
  }
}

/**
 * Starts one in-memory Azurite for the whole integration run; each test file makes its own
 * tables (see `testStorage()`), so files stay independent while sharing the emulator.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const azurite = await startEmbeddedAzurite({ inMemory: true });
  project.provide('azurite', {
    connectionString: azurite.connectionString,
    tableEndpoint: azurite.tableEndpoint,
  });
  return () => azurite.stop();
}
