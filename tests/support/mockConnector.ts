import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback stand-in for the Bot Connector service (the `serviceUrl` of Teams activities), so
 * bot tests can drive the real CloudAdapter and see what it sends: conversations it creates,
 * activities it posts and updates. It answers like the real service, without authentication.
 */

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly kind:
    'createConversation' | 'sendActivity' | 'updateActivity' | 'deleteActivity' | 'other';
  /** The conversation addressed (or created, for `createConversation`). */
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: unknown;
}

/** An activity the bot posted, with the body narrowed to what the tests read. */
export interface RecordedActivity extends RecordedCall {
  readonly body: {
    type?: string;
    text?: string;
    attachments?: { contentType?: string; content?: unknown }[];
    [key: string]: unknown;
  };
}

export interface MockConnector {
  /** The service URL to put on activities, with a trailing slash. */
  readonly serviceUrl: string;
  /** Every request, in arrival order (throttled and refused ones included). */
  readonly calls: RecordedCall[];
  /** Successful `POST /v3/conversations`. */
  conversationsCreated(): RecordedCall[];
  /** Successful activity posts and updates. */
  activities(): RecordedActivity[];
  /** Successful deletions of posted activities (`DELETE …/activities/:id`). */
  deletions(): RecordedCall[];
  /** Resolves once `count` activities have been recorded; rejects after `timeoutMs`. */
  waitForActivities(count: number, timeoutMs?: number): Promise<RecordedActivity[]>;
  /** The next `times` requests are answered 429 with `Retry-After: retryAfterSeconds`. */
  throttle(retryAfterSeconds: number, times?: number): void;
  /**
   * The next `times` requests are refused with `status` (e.g. 403: the person blocked the bot);
   * with `kind`, only requests of that kind (e.g. `'updateActivity'`).
   */
  refuse(status: number, times?: number, kind?: RecordedCall['kind']): void;
  reset(): void;
  close(): Promise<void>;
}

const CONVERSATIONS = /\/v3\/conversations\/?$/;
const ACTIVITIES = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** Starts a mock connector on 127.0.0.1 and a free port. */
export async function startMockConnector(): Promise<MockConnector> {
  const calls: RecordedCall[] = [];
  let throttled: { seconds: number; remaining: number } | null = null;
  let refused: { status: number; remaining: number; kind?: RecordedCall['kind'] } | null = null;
  let waiters: { count: number; resolve: () => void }[] = [];
  let nextId = 0;

  const ok = (call: RecordedCall) => call.kind === 'sendActivity' || call.kind === 'updateActivity';
  const activities = () => calls.filter((c): c is RecordedActivity => ok(c) && !isThrottled(c));
  const throttledCalls = new WeakSet<RecordedCall>();
  const isThrottled = (call: RecordedCall) => throttledCalls.has(call);

  function notify(): void {
    const have = activities().length;
    waiters = waiters.filter((w) => {
      if (have < w.count) return true;
      w.resolve();
      return false;
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    const activityMatch = ACTIVITIES.exec(path);
    const kind: RecordedCall['kind'] =
      method === 'POST' && CONVERSATIONS.test(path)
        ? 'createConversation'
        : method === 'POST' && activityMatch
          ? 'sendActivity'
          : method === 'PUT' && activityMatch?.[2]
            ? 'updateActivity'
            : method === 'DELETE' && activityMatch?.[2]
              ? 'deleteActivity'
              : 'other';
    const conversationId =
      kind === 'createConversation'
        ? `a:mock-conversation-${++nextId}`
        : activityMatch?.[1] && decodeURIComponent(activityMatch[1]);
    const activityId =
      kind === 'sendActivity'
        ? `mock-activity-${++nextId}`
        : activityMatch?.[2] && decodeURIComponent(activityMatch[2]);
    const call: RecordedCall = {
      method,
      path,
      kind,
      ...(conversationId ? { conversationId } : {}),
      ...(activityId ? { activityId } : {}),
      headers: req.headers,
      body,
    };
    calls.push(call);

    if (throttled && throttled.remaining > 0) {
      throttled.remaining--;
      throttledCalls.add(call);
      res.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(throttled.seconds),
      });
      res.end(JSON.stringify({ error: { code: 'TooManyRequests', message: 'Slow down' } }));
      return;
    }
    if (refused && refused.remaining > 0 && (!refused.kind || refused.kind === kind)) {
      refused.remaining--;
      throttledCalls.add(call);
      res.writeHead(refused.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'Refused', message: 'The bot may not message' } }));
      return;
    }
    if (kind === 'other') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NotFound', message: path } }));
      return;
    }
    res.writeHead(kind === 'createConversation' ? 201 : 200, {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ id: kind === 'createConversation' ? conversationId : activityId }));
    notify();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    conversationsCreated: () =>
      calls.filter((c) => c.kind === 'createConversation' && !isThrottled(c)),
    activities,
    deletions: () => calls.filter((c) => c.kind === 'deleteActivity' && !isThrottled(c)),
    waitForActivities(count, timeoutMs = 5000) {
      if (activities().length >= count) return Promise.resolve(activities());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`expected ${count} activities, got ${activities().length}`));
        }, timeoutMs);
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer);
            resolve(activities());
          },
        });
      });
    },
    throttle(seconds, times = 1) {
      throttled = { seconds, remaining: times };
    },
    refuse(status, times = 1, kind) {
      refused = { status, remaining: times, ...(kind ? { kind } : {}) };
    },
    reset() {
      calls.length = 0;
      throttled = null;
      refused = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
