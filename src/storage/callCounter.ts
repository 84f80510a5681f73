import { AsyncLocalStorage } from 'node:async_hooks';
import type { TableServiceClientOptions } from '@azure/data-tables';

/** A pipeline policy as the SDK's `additionalPolicies` option takes it. */
export type AdditionalPolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number];
type PipelinePolicy = AdditionalPolicy['policy'];

/**
 * Work that runs beside requests rather than for one: the outbox relay (started by a commit, but
 * not awaited by its answer), a card action's inline projection (started after its commit, not
 * awaited by its answer) and the timers (the outbox sweep, the scheduler).
 */
export type BackgroundWork = 'relay' | 'projection' | 'timers';

const background = new AsyncLocalStorage<BackgroundWork>();

/**
 * Runs `work` (and everything it starts) as background work of `kind`, so that a call counter
 * can tell the calls a request's answer waits for from the ones that follow it. The label
 * travels with the async context; nothing else changes.
 */
export function asBackground<T>(kind: BackgroundWork, work: () => T): T {
  return background.run(kind, work);
}

/** Counts what reaches storage; read `calls` and `entitiesRead` after the work to measure. */
export interface CallCounter {
  /** Pass as `additionalPolicies: [{ policy, position: 'perRetry' }]` to count every attempt. */
  readonly policy: PipelinePolicy;
  /** HTTP requests sent (a transaction is one request). */
  readonly calls: number;
  /** Entities returned by reads: a point read is one, a query its rows. */
  readonly entitiesRead: number;
  /** Of `calls`, those made by background work of each kind (see `asBackground`). */
  readonly background: Readonly<Record<BackgroundWork, number>>;
  /** Of `calls`, those of each table and kind of call, e.g. `users read`, `queues query`. */
  readonly byTable: Readonly<Record<string, number>>;
  reset(): void;
}

/**
 * A policy that counts storage HTTP requests and entities read, for benchmarks and tests. With
 * `offThePath`, a read's entities are counted once its answer has been handed on (the next turn of
 * the event loop): parsing a page of rows again costs about as much as the SDK's own parse, which
 * a benchmark timing the app must not charge to the request. Tests count on the path, so the
 * count is there as soon as the call returns.
 */
export function createCallCounter(options: { offThePath?: boolean } = {}): CallCounter {
  let calls = 0;
  let entitiesRead = 0;
  let byKind: Record<BackgroundWork, number> = { relay: 0, projection: 0, timers: 0 };
  let byTable: Record<string, number> = {};
  const policy: PipelinePolicy = {
    name: 'storyWallCallCounter',
    async sendRequest(request, next) {
      calls++;
      const kind = background.getStore();
      if (kind) byKind[kind]++;
      const target = targetOf(request.method, request.url);
      byTable[target] = (byTable[target] ?? 0) + 1;
      const response = await next(request);
      const body = response.bodyAsText;
      if (request.method === 'GET' && response.status === 200 && body) {
        if (options.offThePath) setImmediate(() => (entitiesRead += countEntities(body)));
        else entitiesRead += countEntities(body);
      }
      return response;
    },
  };
  return {
    policy,
    get calls() {
      return calls;
    },
    get entitiesRead() {
      return entitiesRead;
    },
    get background() {
      return { ...byKind };
    },
    get byTable() {
      return { ...byTable };
    },
    reset() {
      calls = 0;
      entitiesRead = 0;
      byKind = { relay: 0, projection: 0, timers: 0 };
      byTable = {};
    },
  };
}

/**
 * `<table> <kind>` of a Table service request: a point `read`, a `query`, a `write` (insert,
 * update, merge), a `delete`, a `batch` (an entity-group transaction, whose table is in its body)
 * or `table` (creating or dropping one).
 */
function targetOf(method: string, url: string): string {
  const path = decodeURIComponent(new URL(url).pathname);
  if (path.endsWith('/$batch')) return 'batch';
  const match = /\/([A-Za-z][A-Za-z0-9]*)(\((.*)\))?$/.exec(path);
  const table = match?.[1] ?? '?';
  if (table === 'Tables') return 'table';
  const keyed = (match?.[3] ?? '').length > 0;
  if (method === 'GET') return `${table} ${keyed ? 'read' : 'query'}`;
  if (method === 'DELETE') return `${table} delete`;
  return `${table} write`;
}

function countEntities(body: string): number {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null) return 0;
    const value = (parsed as { value?: unknown }).value;
    return Array.isArray(value) ? value.length : 1;
  } catch {
    return 0;
  }
}
