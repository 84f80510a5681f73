import type { FastifyInstance } from 'fastify';
import type { SuggestionsService } from '../../domain/index.js';
import type { TeamSuggestionsDto } from '../../shared/dto.js';
import type { Authenticator } from '../auth.js';
import { answers, jsonAnswer } from '../openapi.js';
import { responseSchemas } from '../responseSchemas.js';

/** What the story forms suggest: the tenant's teams (everyone signed in). */
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
}
