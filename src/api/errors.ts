import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { isDomainError, type DomainErrorCode, type Logger } from '../domain/index.js';
import type { ApiErrorBody, ApiErrorCode } from '../shared/dto.js';

/** An error the API answers with as it is: a status, a code and a message safe to show. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }
}

/** The one table from domain error codes to HTTP statuses. */
const statusOf: Record<DomainErrorCode, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  illegal_transition: 409,
  already_voted: 409,
  self_vote: 409,
  not_voted: 404,
  already_reacted: 409,
  not_reacted: 404,
  self_reaction: 409,
  votes_hidden: 403,
  no_approver: 409,
  too_large: 413,
  rate_limited: 429,
  unavailable: 503,
};

/** Parses `value` with `schema`, or throws a 400 naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join('.') || '_';
    fields[field] ??= issue.message;
  }
  throw new ApiError(400, 'validation', 'Some fields are not valid.', fields);
}

/**
 * When to try again after a 503: what the dependency asked for (Graph's Retry-After), else a
 * few seconds, time enough for a stalled storage request to be abandoned and retried.
 */
function retryAfterSeconds(details: Readonly<Record<string, unknown>> | undefined): number {
  const asked = details?.['retryAfterMs'];
  return typeof asked === 'number' && asked > 0 ? Math.min(Math.ceil(asked / 1000), 3600) : 5;
}

function toBody(
  code: ApiErrorCode,
  message: string,
  fields?: Record<string, string>,
): ApiErrorBody {
  return { error: { code, message, ...(fields ? { fields } : {}) } };
}

/**
 * Turns any error into `{ error: { code, message } }`. A client's mistake is never a 5xx;
 * an unexpected error is logged with its context and answered generically.
 */
export function createErrorHandler(logger: Logger) {
  return (error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) {
      return reply.status(error.status).send(toBody(error.code, error.message, error.fields));
    }
    if (isDomainError(error)) {
      const status = statusOf[error.code];
      if (status >= 500) {
        logger.error({ err: error, url: request.url }, 'storage unavailable');
      }
      if (status === 503 || status === 429) {
        reply.header('Retry-After', String(retryAfterSeconds(error.details)));
      }
      const field = typeof error.details?.['field'] === 'string' ? error.details['field'] : null;
      return reply
        .status(status)
        .send(toBody(error.code, error.message, field ? { [field]: error.message } : undefined));
    }
    const fastifyError = error as FastifyError;
    const status = fastifyError.statusCode;
    if (status === 413 || fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(toBody('too_large', 'The request body is too large.'));
    }
    if (status === 429) {
      return reply.status(429).send(toBody('rate_limited', 'Too many requests; try again soon.'));
    }
    if (status !== undefined && status >= 400 && status < 500) {
      // Malformed JSON, unsupported content type and the like: the client's mistake.
      return reply.status(400).send(toBody('bad_request', 'The request could not be read.'));
    }
    logger.error({ err: error, method: request.method, url: request.url }, 'unexpected error');
    return reply.status(500).send(toBody('internal', 'Something went wrong on our side.'));
  };
}
