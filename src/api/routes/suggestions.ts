import type { FastifyInstance } from 'fastify';
import type { SuggestionsService } from '../../domain/index.js';
import type { NeverFeaturedSuggestionsDto, TeamSuggestionsDto } from '../../shared/dto.js';
import { neverFeaturedQuerySchema } from '../../shared/schemas.js';
import type { Authenticator } from '../auth.js';
import { parseInput } from '../errors.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';

/** What the story forms suggest: the tenant's teams, colleagues not yet featured (everyone signed in). */
export function suggestionRoutes(
  app: FastifyInstance,
  deps: { suggestions: SuggestionsService; authenticate: Authenticator },
): void {
  const { suggestions, authenticate } = deps;
  const tags = ['suggestions'];

  app.get(
    '/api/suggestions/teams',
    {
      schema: {
        tags,
        summary: 'The teams admins keep in Settings, in their order, for the story forms',
        response: answers({
          200: jsonAnswer('The teams.', responseSchemas.teamSuggestions),
        }),
      },
    },
    async (request): Promise<TeamSuggestionsDto> => {
      const actor = await authenticate(request);
      return { items: [...(await suggestions.teams(actor))] };
    },
  );

  app.get(
    '/api/suggestions/never-featured',
    {
      schema: {
        tags,
        summary:
          'Colleagues never featured in a published story (optionally of one `team`), for the ' +
          'story form’s nudge',
        querystring: neverFeaturedQuerySchema,
        response: answers({
          200: jsonAnswer('The colleagues.', responseSchemas.neverFeaturedSuggestions),
        }),
      },
    },
    async (request): Promise<NeverFeaturedSuggestionsDto> => {
      const actor = await authenticate(request);
      const query = parseInput(neverFeaturedQuerySchema, request.query);
      return { items: await suggestions.neverFeatured(actor, query) };
    },
  );
}
