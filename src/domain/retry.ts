import { isDomainError } from './errors.js';

/**
 * Runs a read-decide-write step again when its conditional write lost a race (ETag conflict).
 * Each attempt re-reads, so the decision is always made on the latest state.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isDomainError(error, 'conflict')) throw error;
    }
  }
}
