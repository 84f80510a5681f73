import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ServerMessage, ServerRequest } from './serverProcess.js';

/** The app in its own process, and what the benchmark asks of it. */
export interface AppProcess {
  readonly pid: number;
  /** `http://127.0.0.1:<port>` of the app. */
  readonly url: string;
  /** The floor bot's origin (same process). */
  readonly floorUrl: string;
  /** Zeroes the storage call counter; resolves with the counts before the reset. */
  resetCounts(): Promise<Counts>;
  readCounts(): Promise<Counts>;
  /**
   * Builds the app's search index afresh from the wall table (the seed writes it directly):
   * stories read, milliseconds, and the heap the new index holds (after a collection).
   */
  rebuildSearch(): Promise<{ stories: number; ms: number; heapBytes: number }>;
  /** Resident memory now and at its peak (VmHWM), in MB, from /proc. */
  memory(): { rssMb: number; peakRssMb: number };
  stop(): Promise<void>;
}

export interface Counts {
  readonly calls: number;
  readonly entitiesRead: number;
  /** Of `calls`, the outbox relay's (started by a commit, not awaited by the answer). */
  readonly relayCalls: number;
  /** Of `calls`, card actions' inline projections (started after the commit, not awaited). */
  readonly projectionCalls: number;
  /** Of `calls`, the timers' (the outbox sweep, the scheduler): no request's doing. */
  readonly timerCalls: number;
  /** Of `calls`, those of each table and kind of call (see `createCallCounter`). */
  readonly byTable: Readonly<Record<string, number>>;
}

const SCRIPT = fileURLToPath(new URL('./serverProcess.ts', import.meta.url));

/**
 * Starts `serverProcess.ts` (through tsx) with `env` as its whole configuration; `cpuProfileDir`
 * adds `--cpu-prof` so a slow run can be profiled.
 */
export async function startAppProcess(
  env: Record<string, string>,
  cpuProfileDir?: string,
): Promise<AppProcess> {
  const child = fork(SCRIPT, [], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    execArgv: [
      '--import',
      'tsx',
      ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : []),
    ],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ready = await new Promise<Extract<ServerMessage, { type: 'ready' }>>((resolve, reject) => {
    child.once('message', (message: ServerMessage) => {
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`The app did not start:\n${JSON.stringify(message)}`));
    });
    child.once('exit', (code) => reject(new Error(`The app exited (${code}) before it started.`)));
  });

  let nextId = 0;
  const ask = (type: ServerRequest['type']) =>
    new Promise<Counts>((resolve) => {
      const id = ++nextId;
      const onMessage = (message: ServerMessage) => {
        if (message.type !== 'reply' || message.id !== id) return;
        child.off('message', onMessage);
        const { calls, entitiesRead, relayCalls, projectionCalls, timerCalls, byTable } = message;
        resolve({ calls, entitiesRead, relayCalls, projectionCalls, timerCalls, byTable });
      };
      child.on('message', onMessage);
      child.send({ id, type } satisfies ServerRequest);
    });

  const rebuildSearch = () =>
    new Promise<{ stories: number; ms: number; heapBytes: number }>((resolve, reject) => {
      const id = ++nextId;
      const onMessage = (message: ServerMessage) => {
        if (
          (message.type !== 'searchBuilt' && message.type !== 'searchFailed') ||
          message.id !== id
        ) {
          return;
        }
        child.off('message', onMessage);
        if (message.type === 'searchFailed') reject(new Error(message.error));
        else resolve({ stories: message.stories, ms: message.ms, heapBytes: message.heapBytes });
      };
      child.on('message', onMessage);
      child.send({ id, type: 'rebuildSearch' } satisfies ServerRequest);
    });

  return {
    pid: child.pid ?? 0,
    rebuildSearch,
    url: `http://127.0.0.1:${ready.port}`,
    floorUrl: ready.floorUrl,
    resetCounts: () => ask('resetCounts'),
    readCounts: () => ask('readCounts'),
    memory: () => processMemory(child),
    async stop() {
      // A graceful stop (the app closes its server and the outbox's work in flight), else a kill.
      const grace = new Promise((done) => setTimeout(done, 10_000).unref());
      if (child.exitCode === null && child.connected) await Promise.race([ask('stop'), grace]);
      await Promise.race([exited, grace]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

/** VmRSS and VmHWM of a process, in MB; zeros where /proc is not available. */
export function processMemory(child: Pick<ChildProcess, 'pid'>): {
  rssMb: number;
  peakRssMb: number;
} {
  try {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
    return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
  } catch {
    return { rssMb: 0, peakRssMb: 0 };
  }
}
