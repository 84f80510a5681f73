import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { ActionLimiter, LimitedAction } from './domain/index.js';

/**
 * Per-person, per-action budgets held in this instance's memory (rate-limiter-flexible): each
 * person may do each action `perMinute` times a minute. Keyed on the authenticated person, never
 * on a request header, so no made-up credential buys a fresh budget. With several instances each
 * has its own count: a person gets at most `perMinute` × instances, still bounded.
 */
export function createActionLimiter(perMinute: number): ActionLimiter {
  const limiters = new Map<LimitedAction, RateLimiterMemory>();
  const limiterOf = (action: LimitedAction) => {
    let limiter = limiters.get(action);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: action, points: perMinute, duration: 60 });
      limiters.set(action, limiter);
    }
    return limiter;
  };
  return {
    async take(tenantId, userId, action) {
      try {
        await limiterOf(action).consume(`${tenantId}/${userId}`);
        return null;
      } catch (refused) {
        if (refused instanceof RateLimiterRes) return Math.max(refused.msBeforeNext, 1);
        throw refused;
      }
    },
  };
}
