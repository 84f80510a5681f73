/**
 * The app under test, in a process of its own (as in production, and so the load generator and
 * the raw client never share its event loop): `startServer` exactly as `src/main.ts` runs it,
 * configured from the environment the benchmark passes, plus a storage call counter in the
 * storage pipeline and the floor bot. Talks to the benchmark over IPC.
 */
import { loadConfig } from '../../src/config.js';
import { startServer } from '../../src/server.js';
import { createCallCounter } from '../../src/storage/callCounter.js';
import { startFloorBot } from './floorBot.js';

/** Messages from the benchmark. */
export type ServerRequest =
  | { id: number; type: 'resetCounts' }
  | { id: number; type: 'readCounts' }
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
      timerCalls: number;
    };

function send(message: ServerMessage): void {
  process.send?.(message);
}

try {
  const counter = createCallCounter();
  const rootDir = process.env['BENCH_ROOT'] ?? process.cwd();
  const server = await startServer(loadConfig(process.env, rootDir), {
    storagePolicies: [{ policy: counter.policy, position: 'perRetry' }],
  });
  const floor = await startFloorBot();
  let closing: Promise<unknown> | undefined;
  const shutdown = () => (closing ??= Promise.allSettled([server.close(), floor.close()]));

  process.on('message', (message: ServerRequest) => {
    if (message.type === 'resetCounts') counter.reset();
    const reply = () =>
      send({
        type: 'reply',
        id: message.id,
        calls: counter.calls,
        entitiesRead: counter.entitiesRead,
        relayCalls: counter.background.relay,
        timerCalls: counter.background.timers,
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
