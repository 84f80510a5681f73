import type { FastifyInstance } from 'fastify';
import type { SettingsService } from '../../domain/index.js';
import type { DelegationDto, DelegationsDto, SettingsDto } from '../../shared/dto.js';
import {
  delegationInputSchema,
  delegationQuerySchema,
  settingsInputSchema,
} from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { policyOf, presentDelegation, presentSettings } from '../presenters.js';

/** Settings (admins) and delegations (everyone for themselves, admins for anyone). */
export function settingsRoutes(
  app: FastifyInstance,
  deps: { settings: SettingsService; authenticate: Authenticator },
): void {
  const { settings, authenticate } = deps;

  app.get('/api/settings', async (request): Promise<SettingsDto> => {
    const actor = await authenticate(request);
    return presentSettings(await settings.getSettings(actor));
  });

  app.put('/api/settings', async (request): Promise<SettingsDto> => {
    const actor = await authenticate(request);
    const input = parseInput(settingsInputSchema, request.body ?? {});
    const saved = await settings.saveSettings(actor, {
      version: input.version,
      approval: policyOf(input.approval),
      roles: input.roles,
      ...(input.privacy ? { privacy: input.privacy } : {}),
    });
    return presentSettings(saved);
  });

  app.get('/api/delegations', async (request): Promise<DelegationsDto> => {
    const actor = await authenticate(request);
    return { items: (await settings.listDelegations(actor)).map(presentDelegation) };
  });

  app.put('/api/delegations', async (request): Promise<DelegationDto> => {
    const actor = await authenticate(request);
    const { userId, ...rest } = parseInput(delegationInputSchema, request.body ?? {});
    return presentDelegation(
      await settings.setDelegation(actor, { ...rest, ...(userId ? { userId } : {}) }),
    );
  });

  app.delete('/api/delegations', async (request, reply) => {
    const actor = await authenticate(request);
    const { userId } = parseInput(delegationQuerySchema, request.query);
    await settings.clearDelegation(actor, userId);
    return reply.status(204).send();
  });
}
