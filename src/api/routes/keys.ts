import type { FastifyInstance } from 'fastify';
import type { ApiKeyRecord } from '../../domain/index.js';
import type { ApiKeyDto, ApiKeyScopeDto, ApiKeysDto, NewApiKeyDto } from '../../shared/dto.js';
import { apiKeyIdSchema, apiKeyInputSchema } from '../../shared/schemas.js';
import type { ApiKeys } from '../apiKeys.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';

/** API keys (admins): create one (the key shown once), list them with their last use, revoke one. */
export function apiKeyRoutes(
  app: FastifyInstance,
  deps: { keys: ApiKeys; authenticate: Authenticator },
): void {
  const { keys, authenticate } = deps;

  app.post('/api/keys', async (request, reply) => {
    const actor = await authenticate(request);
    const input = parseInput(apiKeyInputSchema, request.body ?? {});
    const created = await keys.create(actor, input);
    const body: NewApiKeyDto = { ...presentApiKey(created.record), key: created.key };
    return reply.status(201).header('cache-control', 'no-store').send(body);
  });

  app.get('/api/keys', async (request): Promise<ApiKeysDto> => {
    const actor = await authenticate(request);
    return { items: (await keys.list(actor)).map(presentApiKey) };
  });

  app.delete<{ Params: { id: string } }>('/api/keys/:id', async (request, reply) => {
    const actor = await authenticate(request);
    await keys.revoke(actor, parseInput(apiKeyIdSchema, request.params.id));
    return reply.status(204).send();
  });
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
