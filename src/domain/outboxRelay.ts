import type {
  Clock,
  Logger,
  OutboxKind,
  OutboxStore,
  PendingOutboxMessage,
  StoryRef,
} from './ports.js';

/**
 * Every kind, as a record so that the compiler refuses a kind left out: storage reads an unknown
 * kind as a corrupt row (it would stop its story's outbox).
 */
export const OUTBOX_KINDS: Readonly<Record<OutboxKind, true>> = {
  'approval.requested': true,
  'story.decided': true,
  'featured.notify': true,
  'featured.ask': true,
  'story.project': true,
  'cards.refresh': true,
  'channel.post': true,
  'cards.delete': true,
  'story.purge': true,
  'award.announce': true,
  'award.notify': true,
  'webhook.deliver': true,
};

/** Performs one side effect. Must be idempotent: a message can run more than once. */
export type OutboxHandler = (message: PendingOutboxMessage) => Promise<void>;

export interface OutboxRelayDeps {
  readonly outbox: OutboxStore;
  readonly handlers: Readonly<Record<OutboxKind, OutboxHandler>>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How long a claimed message is hidden from other workers. */
  readonly leaseMs?: number;
  /** Attempts before a message is given up (16 by default: about six hours of back-off). */
  readonly maxAttempts?: number;
}

export interface OutboxRelay {
  /** Runs the due messages of one story, in order. Never throws. */
  relay(ref: StoryRef): Promise<void>;
  /** Runs due messages of any story (recovery after a crash or an outage). Never throws. */
  sweep(limit?: number): Promise<number>;
}

const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Attempts before a message is given up, unless the relay is told otherwise. */
export const DEFAULT_MAX_ATTEMPTS = 16;

/**
 * A failure that retrying cannot mend (the person blocked the bot, the app was removed, the
 * request was refused as malformed): the relay gives the message up at once. Adapters may also
 * mark any error with `permanent: true`.
 */
export class PermanentFailure extends Error {
  override readonly name = 'PermanentFailure';
  readonly permanent = true;
}

/** The delay before attempt `attempts + 1`: exponential from 2 s, capped at an hour. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_BACKOFF_MS, 2000 * 2 ** Math.max(0, attempts));
}

/**
 * Carries out outbox messages after their state change has committed. A failed message is
 * retried with back-off; a handler error with `retryAfterMs` (a 429's Retry-After) is honoured;
 * a permanent failure, or one that outlasts `maxAttempts`, is given up and logged as an error.
 */
export function createOutboxRelay(deps: OutboxRelayDeps): OutboxRelay {
  const leaseMs = deps.leaseMs ?? 60_000;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  async function run(message: PendingOutboxMessage): Promise<void> {
    const now = deps.clock.now();
    const claimed = await deps.outbox.claim(message, new Date(now.getTime() + leaseMs));
    if (!claimed) return;
    await execute(claimed, () => deps.outbox.complete(claimed));
  }

  /**
   * Runs a claimed message's handler, then `complete` (when given); true when both succeeded. A
   * failure of either is recorded: retried later, or given up.
   */
  async function execute(
    claimed: PendingOutboxMessage,
    complete?: () => Promise<void>,
  ): Promise<boolean> {
    try {
      await deps.handlers[claimed.kind](claimed);
      await complete?.();
      return true;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const attempts = claimed.attempts + 1;
      const context = { err: error, kind: claimed.kind, ...claimed.ref, attempts };
      if (isPermanent(error) || attempts >= maxAttempts) {
        deps.logger.error(context, 'outbox message given up');
        await deps.outbox.giveUp(claimed, reason);
        return false;
      }
      // A message that keeps failing needs a person's attention; the first failures are routine.
      if (claimed.attempts >= 5) deps.logger.error(context, 'outbox message keeps failing');
      else deps.logger.warn(context, 'outbox message failed; will retry');
      const retryAfter = retryAfterOf(error) ?? backoffMs(claimed.attempts);
      await deps.outbox.retryLater(
        claimed,
        new Date(deps.clock.now().getTime() + retryAfter),
        reason,
      );
      return false;
    }
  }

  /**
   * The due messages of one story: claimed in one write and completed in one where the store
   * can (two storage calls instead of two per message), in order; else one by one.
   */
  async function runStory(messages: PendingOutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const { outbox } = deps;
    const leaseUntil = new Date(deps.clock.now().getTime() + leaseMs);
    const batched =
      messages.length > 1 && outbox.claimAll !== undefined && outbox.completeAll !== undefined;
    const claimed = batched ? await outbox.claimAll?.(messages, leaseUntil) : null;
    if (!claimed) {
      await runAll(messages);
      return;
    }
    const done: PendingOutboxMessage[] = [];
    try {
      for (const message of claimed) {
        try {
          if (await execute(message)) done.push(message);
        } catch (error) {
          deps.logger.error({ err: error, ...message.ref }, 'outbox bookkeeping failed');
        }
      }
    } finally {
      await outbox.completeAll?.(done);
    }
  }

  async function runAll(messages: PendingOutboxMessage[]): Promise<number> {
    let done = 0;
    for (const message of messages) {
      try {
        await run(message);
        done++;
      } catch (error) {
        deps.logger.error({ err: error, ...message.ref }, 'outbox bookkeeping failed');
      }
    }
    return done;
  }

  async function relayNow(ref: StoryRef): Promise<void> {
    try {
      await runStory(await deps.outbox.pending(ref, deps.clock.now()));
    } catch (error) {
      deps.logger.error({ err: error, ...ref }, 'outbox relay failed');
    }
  }

  // Relays of one story run one after another: a caller that relays a story whose messages are
  // already being carried out waits for them instead of finding them leased and returning early.
  const inFlight = new Map<string, Promise<void>>();
  // The relay of a story that waits behind the one in flight. It reads every message due when it
  // starts, so callers who commit meanwhile (a popular story's votes) join it rather than each
  // queueing a run of their own: two runs instead of one per commit.
  const waiting = new Map<string, Promise<void>>();

  return {
    relay(ref) {
      const key = `${ref.tenantId}\u0000${ref.storyId}`;
      const queued = waiting.get(key);
      if (queued) return queued;
      const before = inFlight.get(key);
      const run: Promise<void> = before
        ? before.then(() => {
            // From here on it reads the outbox: a later commit needs a run of its own.
            if (waiting.get(key) === run) waiting.delete(key);
            return relayNow(ref);
          })
        : relayNow(ref);
      if (before) waiting.set(key, run);
      inFlight.set(key, run);
      void run.then(() => {
        if (inFlight.get(key) === run) inFlight.delete(key);
      });
      return run;
    },
    async sweep(limit = 100) {
      try {
        return await runAll(await deps.outbox.due(deps.clock.now(), limit));
      } catch (error) {
        deps.logger.error({ err: error }, 'outbox sweep failed');
        return 0;
      }
    },
  };
}

function isPermanent(error: unknown): boolean {
  return (
    typeof error === 'object' && error !== null && 'permanent' in error && error.permanent === true
  );
}

function retryAfterOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'retryAfterMs' in error) {
    const value = error.retryAfterMs;
    if (typeof value === 'number' && value >= 0) return value;
  }
  return undefined;
}
