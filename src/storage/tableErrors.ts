import { DomainError } from '../domain/errors.js';

/** The HTTP status of a storage error; undefined for network failures and non-HTTP errors. */
export function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    return typeof error.statusCode === 'number' ? error.statusCode : undefined;
  }
  return undefined;
}

/**
 * The index of the failed operation of an entity-group transaction. The service reports it as the
 * `N:` prefix of the message (Azure and Azurite alike); the SDK passes the message through.
 */
export function failedOperationIndex(error: unknown): number | undefined {
  const message = error instanceof Error ? error.message : '';
  const match = /^(\d+):/.exec(message);
  return match ? Number(match[1]) : undefined;
}

/** True for a 404: the entity (or table) is absent. */
export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}

/**
 * Translates an SDK error into the domain's terms at the edge: 409/412 are lost races
 * (conflict); timeouts, throttling, 5xx and network failures mean storage is unavailable.
 * Anything else (a 400, a bug) is passed on unchanged, to be logged as unexpected.
 */
export function toDomainError(error: unknown, operation: string): unknown {
  if (error instanceof DomainError) return error;
  const status = statusOf(error);
  if (status === 409 || status === 412) {
    return new DomainError('conflict', `Storage conflict in ${operation}.`, { status });
  }
  const unavailable =
    status === undefined
      ? isRequestFailure(error)
      : status === 408 || status === 429 || status >= 500;
  if (unavailable) {
    return new DomainError('unavailable', `Storage is unavailable (${operation}).`, {
      status,
      cause: error instanceof Error ? error.message : String(error),
    });
  }
  return error;
}

/** No HTTP status: the request got no answer (refused, reset, timed out or aborted). */
function isRequestFailure(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'RestError' || error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/** Runs a storage call and translates its failure with `toDomainError`. */
export async function guard<T>(operation: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toDomainError(error, operation);
  }
}

/** Runs a storage call whose 404 means "absent": the fallback is returned instead. */
export async function orIfNotFound<T, F>(
  operation: string,
  call: () => Promise<T>,
  fallback: F,
): Promise<T | F> {
  try {
    return await call();
  } catch (error) {
    if (isNotFound(error)) return fallback;
    throw toDomainError(error, operation);
  }
}
