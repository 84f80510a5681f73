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
  /** Taking back a vote the person has not cast. */
  | 'not_voted'
  /** A second "I learned from this" of the same person on the same story. */
  | 'already_reacted'
  /** Taking back an "I learned from this" the person has not given. */
  | 'not_reacted'
  /** "I learned from this" on a story the person told or is featured in. */
  | 'self_reaction'
  /** Most voted asked for where privacy mode ranks nothing by votes. */
  | 'votes_hidden'
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
