import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';

/**
 * The teams admins keep (Settings), for the story form's team and the wall's team filter. Empty
 * until they arrive, and when they cannot: they are suggestions only, and a team is typed as before.
 */
export function useTeamSuggestions(api: ApiClient): readonly string[] {
  const [teams, setTeams] = useState<readonly string[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    api.teamSuggestions(abort.signal).then(
      (list) => setTeams(list.items),
      () => undefined,
    );
    return () => abort.abort();
  }, [api]);
  return teams;
}
