import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { createJsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { responseRegistry, responseSchemas } from './responseSchemas.js';

/**
 * The API's contract for other clients (Power Platform connectors, scripts): an OpenAPI 3.1
 * document generated from the routes' own schemas — the zod schemas of `src/shared/schemas.ts`
 * that the routes validate with, and the answers' descriptions of `responseSchemas.ts` — served
 * at `GET /api/openapi.json` without authentication.
 */

/** How a caller proves who they are. Every route needs one of the first two unless it says not. */
const SECURITY_SCHEMES = {
  teamsSso: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      'A Teams SSO token of the Story Wall Entra app (scope `access_as_user`), as the tab sends it.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    description: 'An API key of the tenant, sent as `Authorization: Bearer <key>`.',
  },
  botFramework: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: "The Bot Framework's token on activities sent to the bot (`/api/messages`).",
  },
} as const;

/** The error statuses the API answers, each with the error envelope. */
const ERROR_STATUSES = {
  400: 'Not valid: `validation` names each bad field (`fields`); `bad_request` a body not read.',
  401: 'Not signed in (`unauthenticated`).',
  403: 'Not allowed (`forbidden`).',
  404: 'No such story, collection, person or route (`not_found`).',
  409: 'Not in this state (`conflict`, `illegal_transition`, `already_voted`, `self_vote`, …).',
  413: 'The body is too large (`too_large`).',
  429: 'Too many actions this minute (`rate_limited`); see `Retry-After`.',
  503: 'Storage or the directory is unavailable (`unavailable`); see `Retry-After`.',
} as const;
export type ErrorStatus = keyof typeof ERROR_STATUSES;

/** What every route that reads the caller may answer besides its own errors. */
const COMMON_ERRORS = [400, 401, 403, 503] as const satisfies readonly ErrorStatus[];

/** A JSON answer of `schema` (one of `responseSchemas`), described. */
export function jsonAnswer(description: string, schema: z.ZodType) {
  return { description, content: { 'application/json': { schema } } };
}

/** A CSV file for spreadsheets (UTF-8 with a byte order mark), described. */
export function csvAnswer(description: string) {
  return { description, content: { 'text/csv': { schema: z.string() } } };
}

/** A Markdown document (UTF-8), described. */
export function markdownAnswer(description: string) {
  return { description, content: { 'text/markdown': { schema: z.string() } } };
}

/** An answer without a body (204); the transform below describes it. */
export const emptyAnswer = z.undefined();

/**
 * The responses of a route: its success answers and its error statuses (with those every
 * authenticated route may give), each error with the error envelope.
 */
export function answers(
  success: Record<number, unknown>,
  errors: readonly ErrorStatus[] = [],
  { authenticated = true }: { authenticated?: boolean } = {},
): Record<string, unknown> {
  const statuses = new Set<ErrorStatus>([...(authenticated ? COMMON_ERRORS : []), ...errors]);
  return {
    ...success,
    ...Object.fromEntries(
      [...statuses]
        .sort((a, b) => a - b)
        .map((status) => [status, jsonAnswer(ERROR_STATUSES[status], responseSchemas.apiError)]),
    ),
  };
}

/** Route schema of an operation anyone may call, without signing in. */
export const PUBLIC: Pick<FastifySchema, 'security'> = { security: [] };

const zodTransform = createJsonSchemaTransform({ schemaRegistry: responseRegistry });

/** The zod transform, then a description for each answer without a body (`emptyAnswer`). */
const transform: typeof zodTransform = (input) => {
  const result = zodTransform(input);
  const responses = (
    result.schema as { response?: Record<string, Record<string, unknown>> } | undefined
  )?.response;
  for (const response of Object.values(responses ?? {})) {
    if (response['type'] === 'null') response['description'] ??= 'Done; nothing to answer.';
  }
  return result;
};

/** The answers' components (`Story`, `ApiError`, …), generated from their zod schemas. */
function componentSchemas(): Record<string, object> {
  const { schemas } = z.toJSONSchema(responseRegistry, {
    target: 'draft-2020-12',
    io: 'output',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
}

/**
 * Collects the routes registered after it into the OpenAPI document and serves the document.
 * Register it before the routes.
 */
export async function registerOpenApi(
  app: FastifyInstance,
  { version }: { version: string },
): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Story Wall API',
        version,
        description:
          'Stories of success: tell, approve, publish, vote, moderate. Errors are ' +
          '`{ "error": { "code", "message", "fields"? } }` (`ApiError`); never a 5xx for a ' +
          "client's mistake. In local mode the header `x-dev-user` picks a demo person instead.",
      },
      components: {
        securitySchemes: SECURITY_SCHEMES,
        schemas: componentSchemas(),
      },
      security: [{ teamsSso: [] }, { apiKey: [] }],
    },
    transform,
  });

  app.get(
    '/api/openapi.json',
    {
      schema: {
        ...PUBLIC,
        tags: ['system'],
        summary: 'This document: the API as OpenAPI 3.1',
        response: answers(
          { 200: jsonAnswer('The OpenAPI document.', z.record(z.string(), z.unknown())) },
          [],
          { authenticated: false },
        ),
      },
    },
    () => app.swagger(),
  );
}
