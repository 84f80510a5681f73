import type { FastifyInstance } from 'fastify';
import type { UserDirectory } from '../../domain/index.js';
import type { DevUsersDto, MeDto } from '../../shared/dto.js';
import type { Authenticator } from '../auth.js';
import { ApiError } from '../errors.js';
import { presentUser } from '../presenters.js';

/** Who am I, who are my colleagues, and (local mode only) whom can I act as. */
export function peopleRoutes(
  app: FastifyInstance,
  deps: {
    users: UserDirectory;
    authenticate: Authenticator;
    authMode: 'local' | 'entra';
    localTenantId: string;
  },
): void {
  const { users, authenticate } = deps;

  app.get('/api/me', async (request): Promise<MeDto> => {
    const actor = await authenticate(request);
    return {
      id: actor.userId,
      tenantId: actor.tenantId,
      displayName: actor.displayName,
      roles: [...actor.roles],
      authMode: deps.authMode,
    };
  });

  app.get('/api/people', async (request) => {
    const actor = await authenticate(request);
    const people = await users.list(actor.tenantId);
    return {
      items: people
        .map((p) => ({ id: p.id, displayName: p.displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  });

  app.get('/api/dev/users', async (): Promise<DevUsersDto> => {
    if (deps.authMode !== 'local') {
      throw new ApiError(404, 'not_found', 'Demo users exist only in local mode.');
    }
    const people = await users.list(deps.localTenantId);
    return {
      items: people.map(presentUser).sort((a, b) => a.displayName.localeCompare(b.displayName)),
    };
  });
}
