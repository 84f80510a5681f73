import { waitingApprovers } from '../domain/approval.js';
import type { ApprovalQueue } from '../domain/ports.js';
import { ALL_PENDING_QUEUE } from '../domain/projections.js';
import { createReadCache } from './readCache.js';

export interface ApprovalQueueCacheOptions {
  /** How long a tenant's list of who has stories waiting is reused; 0 turns the cache off. */
  readonly ttlMs: number;
  /** Monotonic milliseconds; `performance.now` by default (tests pass their own). */
  readonly now?: () => number;
  /**
   * Pending stories of a tenant read at most for the list (one page); a tenant with more is
   * never answered from it.
   */
  readonly maxPending?: number;
}

/**
 * Lets the approvals view answer "nothing waits for you" without a query of the person's queue.
 * Everyone who opens the tab asks whether anything waits for them, and almost nobody has
 * anything waiting: one query of the tenant's queue of every pending story (`ALL_PENDING_QUEUE`,
 * each row a snapshot naming who it waits for), shared by everyone for `ttlMs`, names those who
 * do; their own queue is still read as it is, so what is listed is never older than storage.
 * A story this instance puts in someone's queue drops the tenant's list at once; one routed
 * through another instance shows within `ttlMs`. `list` (erasure, export) always reads storage.
 */
export function cacheApprovalQueue(
  inner: ApprovalQueue,
  options: ApprovalQueueCacheOptions,
): ApprovalQueue {
  if (options.ttlMs <= 0) return inner;
  const maxPending = options.maxPending ?? 1_000;
  // Per tenant: everyone some pending story waits for, or null when there are too many to list.
  const waiting = createReadCache<ReadonlySet<string> | null>({
    ttlMs: options.ttlMs,
    ...(options.now ? { now: options.now } : {}),
  });
  const readWaiting = async (tenantId: string) => {
    const pending = await inner.list(tenantId, ALL_PENDING_QUEUE, maxPending + 1);
    if (pending.length > maxPending) return null;
    return new Set(pending.flatMap((story) => waitingApprovers(story.approval)));
  };

  return {
    async put(story, approverId) {
      try {
        await inner.put(story, approverId);
      } finally {
        waiting.drop(story.tenantId);
      }
    },
    // Taking a story out of a queue never makes someone wait: the list stays a superset.
    remove: (story, approverId) => inner.remove(story, approverId),
    list: (tenantId, approverId, limit) => inner.list(tenantId, approverId, limit),
    async listForView(tenantId, approverId, limit) {
      const known = await waiting.get(tenantId, () => readWaiting(tenantId));
      if (known && !known.has(approverId)) return [];
      return inner.list(tenantId, approverId, limit);
    },
  };
}
