import { loadConfig } from '../../src/config.js';
import type { Clock } from '../../src/domain/index.js';
import { startServer, type BuiltServer, type ServerOptions } from '../../src/server.js';
import { startEmbeddedAzurite } from '../../src/storage/embeddedAzurite.js';
import { apiClient, IN_PROCESS_ORIGIN, type ApiClient } from './http.js';

export { repoRoot } from './paths.js';
import { repoRoot } from './paths.js';

/**
 * How tests call the app: `inject` in-process (Fastify's `app.inject()`, nothing listens), or
 * `socket` over HTTP on a free port, for what needs one (the bot through the CloudAdapter, a
 * browser, a remote client, a restart).
 */
export type TestTransport = 'inject' | 'socket';

export interface TestApp {
  readonly transport: TestTransport;
  /** Where the app listens; an in-process app listens nowhere, and asking throws. */
  readonly url: string;
  /** The origin the app's requests name: `url`, or `IN_PROCESS_ORIGIN` in-process. */
  readonly origin: string;
  server: BuiltServer;
  /** A JSON client for the API by this app's transport (`apiClient`). */
  client(defaults?: Parameters<typeof apiClient>[1]): ApiClient;
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
  /**
   * `socket` (the default here) listens on a free port; `inject` answers in-process only (the
   * default of `useTestApp`).
   */
  transport?: TestTransport;
  /** Extra storage pipeline policies, e.g. a call counter (`createCallCounter`). */
  storagePolicies?: ServerOptions['storagePolicies'];
}

/**
 * The whole app as `npm start` runs it — real server, real Azurite, the built tab — with its
 * own tables, in local mode unless `env` says otherwise; on a free port, or in-process only.
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
  const transport = options.transport ?? 'socket';
  const serverOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.storagePolicies ? { storagePolicies: options.storagePolicies } : {}),
  };
  let server: BuiltServer;
  let url: string | undefined;
  try {
    if (transport === 'inject') {
      server = await startServer(config, { ...serverOptions, listen: false });
    } else {
      const running = await startServer(config, serverOptions);
      server = running;
      url = running.url;
    }
  } catch (error) {
    await azurite?.stop();
    throw error;
  }
  return {
    transport,
    get url() {
      if (url === undefined) {
        throw new Error("An in-process app listens nowhere; start it with transport: 'socket'.");
      }
      return url;
    },
    origin: url ?? IN_PROCESS_ORIGIN,
    server,
    client: (defaults) => apiClient(url ?? server, defaults),
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
