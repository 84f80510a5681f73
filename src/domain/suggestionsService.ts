import { suggestTeams, type SuggestionDeps } from './useCases/suggestions.js';
import type { Actor } from './user.js';

/** What the story forms suggest (teams), bound to their dependencies. */
export function createSuggestionsService(deps: SuggestionDeps) {
  return {
    teams: (actor: Actor) => suggestTeams(deps, actor),
  };
}

export type SuggestionsService = ReturnType<typeof createSuggestionsService>;
export { suggestTeams };
export type { SuggestionDeps };
