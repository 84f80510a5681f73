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
import { answers, emptyAnswer, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';
import { policyOf, presentDelegation, presentSettings } from '../presenters.js';

/** Settings (admins) and delegations (everyone for themselves, admins for anyone). */
export function settingsRoutes(
  app: FastifyInstance,
  deps: { settings: SettingsService; authenticate: Authenticator },
): void {
  const { settings, authenticate } = deps;
  const tags = ['settings'];

  app.get(
    '/api/settings',
    {
      schema: {
        tags,
        summary:
          'Roles, the approval policy, privacy, the digests, the award rule and the teams, versioned (admins)',
        response: answers({ 200: jsonAnswer('The settings.', responseSchemas.settings) }),
      },
    },
    async (request): Promise<SettingsDto> => {
      const actor = await authenticate(request);
      return presentSettings(await settings.getSettings(actor));
    },
  );

  app.put(
    '/api/settings',
    {
      schema: {
        tags,
        summary: 'Save the settings edited from `version` (admins); a newer version answers 409',
        body: settingsInputSchema,
        response: answers(
          { 200: jsonAnswer('The saved settings.', responseSchemas.settings) },
          [409, 413, 429],
        ),
      },
    },
    async (request): Promise<SettingsDto> => {
      const actor = await authenticate(request);
      const input = parseInput(settingsInputSchema, request.body ?? {});
      const saved = await settings.saveSettings(actor, {
        version: input.version,
        approval: policyOf(input.approval),
        roles: input.roles,
        ...(input.privacy ? { privacy: input.privacy } : {}),
        ...(input.digests ? { digests: input.digests } : {}),
        ...(input.awards ? { awards: input.awards } : {}),
        ...(input.teams ? { teams: input.teams } : {}),
      });
      return presentSettings(saved);
    },
  );

  app.get(
    '/api/delegations',
    {
      schema: {
        tags,
        summary: "Delegations: mine, or everyone's for admins",
        response: answers({ 200: jsonAnswer('The delegations.', responseSchemas.delegations) }),
      },
    },
    async (request): Promise<DelegationsDto> => {
      const actor = await authenticate(request);
      return { items: (await settings.listDelegations(actor)).map(presentDelegation) };
    },
  );

  app.put(
    '/api/delegations',
    {
      schema: {
        tags,
        summary: "While I'm away, send my approvals to someone (admins: anyone's)",
        body: delegationInputSchema,
        response: answers(
          { 200: jsonAnswer('The delegation.', responseSchemas.delegation) },
          [404, 409, 413, 429],
        ),
      },
    },
    async (request): Promise<DelegationDto> => {
      const actor = await authenticate(request);
      const { userId, ...rest } = parseInput(delegationInputSchema, request.body ?? {});
      return presentDelegation(
        await settings.setDelegation(actor, { ...rest, ...(userId ? { userId } : {}) }),
      );
    },
  );

  app.delete(
    '/api/delegations',
    {
      schema: {
        tags,
        summary: "End a delegation: mine, or `userId`'s (admins)",
        querystring: delegationQuerySchema,
        response: answers({ 204: emptyAnswer }, [429]),
      },
    },
    async (request, reply) => {
      const actor = await authenticate(request);
      const { userId } = parseInput(delegationQuerySchema, request.query);
      await settings.clearDelegation(actor, userId);
      return reply.status(204).send();
    },
  );
}
