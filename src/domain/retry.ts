import { isDomainError } from './errors.js';

/**
 * Runs a read-decide-write step again when its conditional write lost a race (ETag conflict).
 * Each attempt re-reads, so the decision is always made on the latest state. Of N writers racing
 * for one story, each round lets at least one through, so the default covers a dozen at once.
 */
export async function retryOnConflict<T>(step: () => Promise<T>, attempts = 12): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= attempts || !isDomainError(error, 'conflict')) throw error;
    }
  }
}
