/** Every failure the domain can report, by a stable code the edges map to responses. */
export type DomainErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'illegal_transition'
  | 'already_voted'
  | 'self_vote'
  | 'too_large'
  | 'rate_limited'
  | 'no_approver'
  | 'unavailable';

/**
 * The one error type of the domain. `message` is for logs and developers; user-facing text is
 * chosen by the edge (API, bot) from `code`, in the user's language.
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/** True when `error` is a DomainError, optionally of the given code. */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
