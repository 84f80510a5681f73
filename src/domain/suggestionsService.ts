import {
  suggestNeverFeatured,
  suggestTeams,
  type SuggestedPerson,
  type SuggestionDeps,
} from './useCases/suggestions.js';
import type { Actor } from './user.js';

/** What the story forms suggest (teams, colleagues not yet featured), bound to their dependencies. */
export function createSuggestionsService(deps: SuggestionDeps) {
  return {
    teams: (actor: Actor) => suggestTeams(deps, actor),
    neverFeatured: (actor: Actor, query: { team?: string | undefined; limit: number }) =>
      suggestNeverFeatured(deps, actor, query),
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export { suggestNeverFeatured, suggestTeams };
export type { SuggestedPerson, SuggestionDeps };
