import type { FastifyInstance } from 'fastify';
import type { ApiKeyRecord } from '../../domain/index.js';
import type { ApiKeyDto, ApiKeyScopeDto, ApiKeysDto, NewApiKeyDto } from '../../shared/dto.js';
import { apiKeyIdSchema, apiKeyInputSchema, apiKeyParamsSchema } from '../../shared/schemas.js';
import type { ApiKeys } from '../apiKeys.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, emptyAnswer, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';

/** API keys (admins): create one (the key shown once), list them with their last use, revoke one. */
export function apiKeyRoutes(
  app: FastifyInstance,
  deps: { keys: ApiKeys; authenticate: Authenticator },
): void {
  const { keys, authenticate } = deps;

  app.post(
    '/api/keys',
    {
      schema: {
        tags: ['keys'],
        summary: 'Create an API key; the key is answered this once (admins)',
        body: apiKeyInputSchema,
        response: answers(
          { 201: jsonAnswer('The new key, shown once.', responseSchemas.newApiKey) },
          [409, 429],
        ),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const input = parseInput(apiKeyInputSchema, request.body ?? {});
      const created = await keys.create(actor, input);
      const body: NewApiKeyDto = { ...presentApiKey(created.record), key: created.key };
      return reply.status(201).header('cache-control', 'no-store').send(body);
    },
  );

  app.get(
    '/api/keys',
    {
      schema: {
        tags: ['keys'],
        summary: 'The API keys of the tenant, with their last use (admins)',
        response: answers({ 200: jsonAnswer('The keys.', responseSchemas.apiKeys) }),
      },
    },
    async (request): Promise<ApiKeysDto> => {
      const actor = await authenticate(request);
      return { items: (await keys.list(actor)).map(presentApiKey) };
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/keys/:id',
    {
      schema: {
        tags: ['keys'],
        summary: 'Revoke an API key: refused at once everywhere (admins)',
        params: apiKeyParamsSchema,
        response: answers({ 204: emptyAnswer }, [404]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      await keys.revoke(actor, parseInput(apiKeyIdSchema, request.params.id));
      return reply.status(204).send();
    },
  );
}

function presentApiKey(record: ApiKeyRecord): ApiKeyDto {
  return {
    id: record.id,
    name: record.name,
    scopes: record.scopes as ApiKeyScopeDto[],
    createdAt: record.createdAt.toISOString(),
    createdBy: record.createdBy,
    ...(record.lastUsedAt ? { lastUsedAt: record.lastUsedAt.toISOString() } : {}),
  };
}
