/**
 * The app under test, in a process of its own (as in production, and so the load generator and
 * the raw client never share its event loop): `startServer` exactly as `src/main.ts` runs it,
 * configured from the environment the benchmark passes, plus a storage call counter in the
 * storage pipeline and the floor bot. Talks to the benchmark over IPC.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../src/config.js';
import { startServer, type SearchControl } from '../../src/server.js';
import { createCallCounter } from '../../src/storage/callCounter.js';
import { startFloorBot } from './floorBot.js';

/** Messages from the benchmark. */
export type ServerRequest =
  | { id: number; type: 'resetCounts' }
  | { id: number; type: 'readCounts' }
  | { id: number; type: 'rebuildSearch' }
  | { id: number; type: 'stop' };

/** Messages to the benchmark. */
export type ServerMessage =
  | { type: 'ready'; port: number; floorUrl: string }
  | { type: 'failed'; error: string }
  | {
      type: 'reply';
      id: number;
      calls: number;
      entitiesRead: number;
      relayCalls: number;
      projectionCalls: number;
      timerCalls: number;
      byTable: Record<string, number>;
    }
  | { type: 'searchBuilt'; id: number; stories: number; ms: number; heapBytes: number }
  | { type: 'searchFailed'; id: number; error: string };

function send(message: ServerMessage): void {
  process.send?.(message);
}

// A collection before and after a build, so the heap it adds is the index's, not garbage.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The app's search index built afresh from the wall table: stories, time, heap it holds. */
async function rebuildSearch(search: SearchControl | undefined) {
  if (!search) throw new Error('The app holds no search index (SEARCH is not embedded).');
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  const stories = await search.rebuild();
  const ms = performance.now() - started;
  gc();
  return { stories, ms, heapBytes: Math.max(0, process.memoryUsage().heapUsed - before) };
}

try {
  // Entities are counted after each answer is handed on, so timings do not include the count.
  const counter = createCallCounter({ offThePath: true });
  const rootDir = process.env['BENCH_ROOT'] ?? process.cwd();
  const server = await startServer(loadConfig(process.env, rootDir), {
    storagePolicies: [{ policy: counter.policy, position: 'perRetry' }],
    // The wall's throughput floor: the same bytes from a bare route of this server.
    benchFloor: true,
  });
  const floor = await startFloorBot();
  let closing: Promise<unknown> | undefined;
  const shutdown = () => (closing ??= Promise.allSettled([server.close(), floor.close()]));

  process.on('message', (message: ServerRequest) => {
    if (message.type === 'rebuildSearch') {
      void rebuildSearch(server.search).then(
        (built) => send({ type: 'searchBuilt', id: message.id, ...built }),
        (error: unknown) => send({ type: 'searchFailed', id: message.id, error: String(error) }),
      );
      return;
    }
    if (message.type === 'resetCounts') counter.reset();
    const reply = () =>
      send({
        type: 'reply',
        id: message.id,
        calls: counter.calls,
        entitiesRead: counter.entitiesRead,
        relayCalls: counter.background.relay,
        projectionCalls: counter.background.projection,
        timerCalls: counter.background.timers,
        byTable: counter.byTable,
      });
    if (message.type !== 'stop') return reply();
    void shutdown().then(() => {
      reply();
      process.disconnect();
    });
  });
  // The benchmark died: do not linger.
  process.on('disconnect', () => {
    void shutdown().then(() => process.exit(0));
  });
  send({ type: 'ready', port: server.port, floorUrl: floor.url });
} catch (error) {
  send({
    type: 'failed',
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
  });
  process.exitCode = 1;
  process.disconnect();
}
