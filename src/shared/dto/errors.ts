/** The error body of the API. */

/** Every `code` an error body of the API can carry; the tab knows them all. */
export const API_ERROR_CODES = [
  'bad_request',
  'validation',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'illegal_transition',
  'already_voted',
  'self_vote',
  'not_voted',
  'already_reacted',
  'not_reacted',
  'self_reaction',
  /** Privacy mode hides vote counts, so nothing is ranked by them (`sort=votes`). */
  'votes_hidden',
  'no_approver',
  'too_large',
  'rate_limited',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    /** For validation errors: which fields, and what is wrong with each. */
    fields?: Record<string, string>;
  };
}
