import { ApiError, type ClientErrorCode } from './api/client.js';

/** The locale key of a user-facing text for any failure; raw messages are never shown. */
export type ErrorKey = `errors.${ClientErrorCode}` | 'errors.generic';

export function errorKey(error: unknown): ErrorKey {
  return error instanceof ApiError ? `errors.${error.code}` : 'errors.generic';
}

/** True for the abort of a request the UI no longer needs (filters changed, view closed). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
