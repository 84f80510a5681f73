import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/index.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { startEmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';

export { repoRoot } from './paths.js';
import { repoRoot } from './paths.js';

export interface TestApp {
  url: string;
  server: RunningServer;
  /** Stops the server, and the Azurite this app started (if it started one). */
  close(): Promise<void>;
  /** Stops only the Azurite this app started: storage becomes unreachable. */
  stopStorage(): Promise<void>;
  /** Freezes the Azurite this app started (SIGSTOP): storage accepts connections, answers none. */
  pauseStorage(): void;
  /** Lets a paused Azurite run again (SIGCONT). */
  resumeStorage(): void;
}

export interface TestAppOptions {
  seed?: boolean;
  /** An Azurite to use; without one, the app gets a private in-memory Azurite. */
  connectionString?: string;
  /** Extra settings, as environment variables. */
  env?: Record<string, string>;
  /** The app's clock; the system clock when absent (see `clockFrom`). */
  clock?: Clock;
}

/**
 * The whole app as `npm start` runs it — real server, real Azurite, the built tab — on a free
 * port with its own tables, in local mode unless `env` says otherwise.
 */
export async function startTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const azurite = options.connectionString
    ? undefined
    : await startEmbeddedAzurite({ inMemory: true });
  const connectionString = options.connectionString ?? azurite?.connectionString ?? '';
  const config = loadConfig(
    {
      NODE_ENV: 'test',
      PORT: '0',
      STORAGE_CONNECTION_STRING: connectionString,
      TABLE_PREFIX: `t${Math.random().toString(36).slice(2, 10)}`,
      SEED_DEMO: options.seed === false ? 'false' : 'true',
      OUTBOX_SWEEP_SECONDS: '0',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    repoRoot,
  );
  let server: RunningServer;
  try {
    server = await startServer(config, options.clock ? { clock: options.clock } : {});
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
  return {
    url: server.url,
    server,
    async close() {
      // A paused Azurite could not stop gracefully; one already stopped needs nothing.
      try {
        signal(azurite?.pid, 'SIGCONT');
      } catch {
        // not started here, or gone already
      }
      await server.close();
      await azurite?.stop();
    },
    async stopStorage() {
      await azurite?.stop();
    },
    pauseStorage() {
      signal(azurite?.pid, 'SIGSTOP');
    },
    resumeStorage() {
      signal(azurite?.pid, 'SIGCONT');
    },
  };
}

function signal(pid: number | undefined, name: NodeJS.Signals): void {
  if (pid === undefined) throw new Error('This app shares an Azurite it did not start.');
  process.kill(pid, name);
}
