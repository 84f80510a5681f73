import { DomainError } from './errors.js';
import type { Actor } from './user.js';

/**
 * What people do that is limited per person (docs/SECURITY.md): telling stories (submit,
 * resubmit, withdraw), voting, deciding (decide, reassign, archive), reporting, and changing
 * configuration (settings, delegations, awards, collections). Each has a budget of its own, on every surface.
 */
export type LimitedAction = 'submit' | 'vote' | 'decision' | 'report' | 'config';

/** Counts a person's use of an action; null when allowed, else how long to wait (ms). */
export interface ActionLimiter {
  take(tenantId: string, userId: string, action: LimitedAction): Promise<number | null>;
}

/** No limits: for tests of other things, and tools that are not people. */
export const unlimited: ActionLimiter = { take: () => Promise.resolve(null) };

/** Spends one of the actor's `action` budget, or refuses with `rate_limited` and the wait. */
export async function spend(
  limiter: ActionLimiter,
  actor: Actor,
  action: LimitedAction,
): Promise<void> {
  const waitMs = await limiter.take(actor.tenantId, actor.userId, action);
  if (waitMs === null) return;
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  throw new DomainError('rate_limited', `Too many requests; try again in ${seconds} s.`, {
    retryAfterMs: waitMs,
    action,
  });
}
