import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, resolve } from 'node:path';

/** How to run the embedded Azurite table service. */
export interface EmbeddedAzuriteOptions {
  /** Directory for the table database; created when missing. Ignored when `inMemory`. */
  readonly location?: string;
  /** Keep everything in memory (tests); nothing survives `stop()`. */
  readonly inMemory?: boolean;
  /** Interface to listen on; loopback by default so the emulator is never exposed. */
  readonly host?: string;
  /** 0 or undefined picks a free port. */
  readonly port?: number;
  /** Receives every line Azurite prints (stdout and stderr). */
  readonly onLog?: (line: string) => void;
  /**
   * Whether Azurite prints its access log, a line for every request it serves. Off by default:
   * writing it takes about a tenth of the emulator's time under load (docs/PERFORMANCE.md), and
   * each line is one more for this process to read.
   */
  readonly accessLog?: boolean;
  /** How long to wait for Azurite to report that it started. */
  readonly startTimeoutMs?: number;
}

/** A running Azurite table service and how to reach it. */
export interface EmbeddedAzurite {
  readonly connectionString: string;
  readonly tableEndpoint: string;
  /** The emulator's process id (tests pause it with SIGSTOP to stall storage). */
  readonly pid: number | undefined;
  /** Resolves when the emulator has exited, for whatever reason. */
  readonly exited: Promise<void>;
  /** Stops Azurite gracefully (it saves its database on the way out) and waits for the exit. */
  stop(): Promise<void>;
}

// The emulator's published development account; not a secret.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const STOP_GRACE_MS = 5_000;

/**
 * Runs the Azurite script given as the first argument (argv keeps its usual shape for Azurite's
 * parser) and, on end of stdin, triggers Azurite's own SIGINT handler (a graceful close).
 * `process.emit` calls the handler without sending a real signal, so it cannot kill the process.
 */
const WATCHDOG = [
  "process.stdin.on('end', () => process.emit('SIGINT'));",
  "process.stdin.on('error', () => process.emit('SIGINT'));",
  'process.stdin.resume();',
  'require(process.argv[1]);',
].join('\n');

/** Starts Azurite's table service as a child process and resolves once it accepts requests. */
export async function startEmbeddedAzurite(
  opts: EmbeddedAzuriteOptions = {},
): Promise<EmbeddedAzurite> {
  const host = opts.host ?? '127.0.0.1';
  // A port picked by us can be taken by someone else before Azurite binds it; try again then.
  const attempts = opts.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = opts.port || (await freePort(host));
    try {
      return await launch(opts, host, port);
    } catch (error) {
      if (attempt >= attempts || !/EADDRINUSE/.test(String(error))) throw error;
    }
  }
}

async function launch(
  opts: EmbeddedAzuriteOptions,
  host: string,
  port: number,
): Promise<EmbeddedAzurite> {
  const args = [
    azuriteTableScript(),
    '--tableHost',
    host,
    '--tablePort',
    String(port),
    '--disableTelemetry',
    '--skipApiVersionCheck',
    '--loose',
    ...(opts.accessLog ? [] : ['--silent']),
  ];
  if (opts.inMemory) {
    args.push('--inMemoryPersistence');
  } else {
    const location = resolve(opts.location ?? '.azurite');
    await mkdir(location, { recursive: true });
    args.push('--location', location);
  }

  // The child watches its stdin: when the parent goes away, however it dies (even SIGKILL), the
  // pipe closes and the emulator shuts down gracefully, saving its database on the way out.
  const child = spawn(process.execPath, ['-e', WATCHDOG, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  // Ending stdin of a child that already died must not crash the parent with EPIPE.
  child.stdin.on('error', () => {});
  const exited = new Promise<void>((done) => child.once('exit', () => done()));

  const output: string[] = [];
  const started = new Promise<void>((ready, fail) => {
    const onLine = (line: string) => {
      output.push(line);
      if (output.length > 50) output.shift();
      opts.onLog?.(line);
      if (line.includes('successfully started')) ready();
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);
    child.once('error', fail);
    child.once('exit', (code, signal) =>
      fail(
        new Error(`Azurite exited before it started (${signal ?? code}):\n${output.join('\n')}`),
      ),
    );
  });

  const timeoutMs = opts.startTimeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, fail) => {
    timer = setTimeout(
      () => fail(new Error(`Azurite did not start within ${timeoutMs} ms:\n${output.join('\n')}`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([started, timedOut]);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  } finally {
    clearTimeout(timer);
  }

  const tableEndpoint = `http://${host}:${port}/${ACCOUNT}`;
  return {
    tableEndpoint,
    connectionString:
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `TableEndpoint=${tableEndpoint};`,
    pid: child.pid,
    exited,
    stop: () => stopChild(child, exited),
  };
}

/** Closing stdin lets Azurite close (persisting its database); SIGKILL if it takes too long. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin?.end();
  let timer: NodeJS.Timeout | undefined;
  const grace = new Promise<'late'>((done) => {
    timer = setTimeout(() => done('late'), STOP_GRACE_MS);
  });
  const outcome = await Promise.race([exited, grace]);
  clearTimeout(timer);
  if (outcome === 'late') {
    child.kill('SIGKILL');
    await exited;
  }
}

/** What a supervised Azurite reports about its life. */
export interface AzuriteSupervision {
  /** It exited on its own; a restart follows. */
  onExit?(): void;
  /** It runs again, after `restarts` restarts in all. */
  onRestart?(restarts: number): void;
  /** A restart failed; another follows after a longer wait. */
  onRestartFailed?(error: unknown, attempt: number): void;
}

/** An Azurite that is started again, on the same port and database, whenever it dies. */
export interface SupervisedAzurite {
  readonly connectionString: string;
  readonly tableEndpoint: string;
  /** The running emulator's process id (it changes with each restart). */
  readonly pid: number | undefined;
  /** How many times it was started again. */
  readonly restarts: number;
  /** Stops it for good. */
  stop(): Promise<void>;
}

/** Waits before the n-th restart: 0.2 s, 0.4 s, … at most 5 s. */
const restartDelayMs = (attempt: number) => Math.min(200 * 2 ** (attempt - 1), 5_000);

/**
 * The local default's storage, kept running: when the emulator dies while the app runs (killed,
 * out of memory), it is started again on the same port and database, so the app's table clients
 * reach it again without a restart of their own. Meanwhile storage calls fail fast (connection
 * refused) as 503, and `/healthz` says 503. What the emulator had not yet saved to disk (it saves
 * every few seconds) dies with it: a property of the local emulator, not of Table Storage.
 */
export async function startSupervisedAzurite(
  opts: EmbeddedAzuriteOptions,
  hooks: AzuriteSupervision = {},
): Promise<SupervisedAzurite> {
  let current = await startEmbeddedAzurite(opts);
  const port = Number(new URL(current.tableEndpoint).port);
  let stopping = false;
  let restarts = 0;
  let restarting: Promise<void> = Promise.resolve();

  const restart = async () => {
    hooks.onExit?.();
    for (let attempt = 1; !stopping; attempt += 1) {
      await sleep(restartDelayMs(attempt));
      if (stopping) return;
      try {
        const next = await startEmbeddedAzurite({ ...opts, port });
        if (stopping) {
          await next.stop();
          return;
        }
        current = next;
        restarts += 1;
        hooks.onRestart?.(restarts);
        watch(next);
        return;
      } catch (error) {
        hooks.onRestartFailed?.(error, attempt);
      }
    }
  };
  const watch = (azurite: EmbeddedAzurite) => {
    void azurite.exited.then(() => {
      if (!stopping) restarting = restart();
    });
  };
  watch(current);

  return {
    connectionString: current.connectionString,
    tableEndpoint: current.tableEndpoint,
    get pid() {
      return current.pid;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      await restarting;
      await current.stop();
    },
  };
}

/** The azurite-table entry point, from the installed package (never npx: no network, no prompt). */
function azuriteTableScript(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('azurite/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin?: Record<string, string>;
  };
  const script = manifest.bin?.['azurite-table'];
  if (!script) throw new Error('The azurite package has no azurite-table entry point.');
  return resolve(dirname(manifestPath), script);
}

function freePort(host: string): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, host, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? done(port) : fail(new Error('No free port found.'))));
    });
  });
}

function forEachLine(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (!stream) return;
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split(/\r?\n/);
    rest = lines.pop() ?? '';
    for (const line of lines) if (line) onLine(line);
  });
  stream.on('end', () => {
    if (rest) onLine(rest);
  });
}
