import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../../../src/domain/index.js';
import {
  startEmbeddedAzurite,
  type EmbeddedAzurite,
} from '../../../src/storage/embeddedAzurite.js';
import { createTableStorage } from '../../../src/storage/tableStorage.js';
import { uniqueTablePrefix } from '../../support/azurite.js';
import { buildStory } from '../../support/factories.js';

// These tests run private emulators, because they stop them.
const started: EmbeddedAzurite[] = [];
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(started.map((a) => a.stop()));
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function start(options: Parameters<typeof startEmbeddedAzurite>[0]) {
  const azurite = await startEmbeddedAzurite(options);
  started.push(azurite);
  return azurite;
}

function storageOn(azurite: EmbeddedAzurite, tablePrefix: string) {
  return createTableStorage({
    connectionString: azurite.connectionString,
    tablePrefix,
    allowInsecureConnection: true,
    retryOptions: { maxRetries: 1, retryDelayInMs: 50 },
    pingTimeoutMs: 1_000,
  });
}

describe('embedded Azurite and ping', () => {
  it('answers ping while up, and fails ping (unavailable) once stopped', async () => {
    const azurite = await start({ inMemory: true });
    expect(azurite.tableEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1$/);
    const storage = storageOn(azurite, uniqueTablePrefix());
    await expect(storage.ping()).rejects.toBeInstanceOf(DomainError); // no tables yet
    await storage.ensureTables();
    await storage.ping();

    await azurite.stop();
    await azurite.stop();
    const started = Date.now();
    await expect(storage.ping()).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'unavailable',
    );
    expect(Date.now() - started).toBeLessThan(3_000);
    await expect(storage.stories.get({ tenantId: 't', storyId: 's' })).rejects.toSatisfy(
      (e) => e instanceof DomainError && e.code === 'unavailable',
    );
  });

  it('keeps acknowledged writes across a restart with --location', async () => {
    const location = await mkdtemp(join(tmpdir(), 'storywall-azurite-'));
    dirs.push(location);
    const prefix = uniqueTablePrefix();
    const story = buildStory({ tenantId: 'tenant-p', id: 'persisted' });

    const first = await start({ location });
    const before = storageOn(first, prefix);
    await before.ensureTables();
    await before.stories.commit({ story, expectedEtag: null, audit: [], outbox: [] });
    await first.stop();

    const second = await start({ location });
    const after = storageOn(second, prefix);
    expect(
      (await after.stories.get({ tenantId: 'tenant-p', storyId: 'persisted' }))?.value,
    ).toEqual(story);
  });

  it('prints a line per request only when its access log is asked for', async () => {
    const lines = { quiet: [] as string[], logged: [] as string[] };
    const quiet = await start({ inMemory: true, onLog: (line) => lines.quiet.push(line) });
    const logged = await start({
      inMemory: true,
      accessLog: true,
      onLog: (line) => lines.logged.push(line),
    });
    const request = /"POST \/devstoreaccount1\/Tables HTTP\/1\.1" 201/;
    // The logging emulator is asked last, so once its line arrives the quiet one's would have too.
    await storageOn(quiet, uniqueTablePrefix()).ensureTables();
    await storageOn(logged, uniqueTablePrefix()).ensureTables();
    await expect.poll(() => lines.logged.filter((line) => request.test(line)).length).toBe(7);
    expect(lines.quiet.filter((line) => request.test(line))).toEqual([]);
    expect(lines.quiet.some((line) => line.includes('successfully started'))).toBe(true);
  });

  it('reports a clear error when Azurite cannot start', async () => {
    const first = await start({ inMemory: true });
    const port = Number(new URL(first.tableEndpoint).port);
    await expect(startEmbeddedAzurite({ inMemory: true, port })).rejects.toThrow(/EADDRINUSE/);
  });
});
