/**
 * How the tab's API client reports a failed call: one `ApiError` with a code the UI can localize,
 * from the API's error body when there is one, else from the status or the transport failure.
 */

import { API_ERROR_CODES, type ApiErrorCode } from '../../shared/dto.js';

/** Codes the client adds for failures that never reached the API's error handler. */
export type ClientErrorCode = ApiErrorCode | 'network' | 'timeout';

/**
 * Every failed call ends up as one of these: the API's `{ error: { code, message, fields } }`
 * body when there is one, else a code derived from the status or the transport failure. The UI
 * shows a localized text for `code` and never `message`, which is for logs.
 */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Per-field problems of a validation error, keyed by input field name. */
  readonly fields: Readonly<Record<string, string>>;

  constructor(
    code: ClientErrorCode,
    status: number,
    message: string,
    fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.fields = fields;
  }
}

const CODE_BY_STATUS: Record<number, ApiErrorCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  429: 'rate_limited',
  503: 'unavailable',
};

const KNOWN_CODES: ReadonlySet<string> = new Set<ApiErrorCode>(API_ERROR_CODES);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns a failed response into an `ApiError`. The body is untrusted: anything that is not a
 * well-formed ApiErrorBody falls back to a code derived from the status.
 */
export function parseApiError(status: number, body: unknown): ApiError {
  const fallback = CODE_BY_STATUS[status] ?? 'internal';
  const error = isRecord(body) ? body['error'] : undefined;
  if (!isRecord(error)) return new ApiError(fallback, status, `HTTP ${status}`);

  const code =
    typeof error['code'] === 'string' && KNOWN_CODES.has(error['code'])
      ? (error['code'] as ApiErrorCode)
      : fallback;
  const message = typeof error['message'] === 'string' ? error['message'] : `HTTP ${status}`;
  const fields: Record<string, string> = {};
  if (isRecord(error['fields'])) {
    for (const [name, problem] of Object.entries(error['fields'])) {
      if (typeof problem === 'string') fields[name] = problem;
    }
  }
  return new ApiError(code, status, message, fields);
}
