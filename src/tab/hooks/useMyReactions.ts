import { useEffect, useState } from 'react';
import { LIMITS, type MyReactionDto } from '../../shared/dto.js';
import type { ApiClient } from '../api/client.js';

const EMPTY: ReadonlyMap<string, MyReactionDto> = new Map();

/**
 * The reader's own reactions (voted, learned) to the given stories, asked for in one request per
 * `LIMITS.reactionStories.max` stories not yet known, so a reloaded wall shows "Voted" where the
 * reader voted. A failed request leaves them unknown: the buttons still work, and the API says
 * so when a reaction was given already.
 */
export function useMyReactions(
  api: ApiClient,
  storyIds: readonly string[],
  reloadKey = 0,
): ReadonlyMap<string, MyReactionDto> {
  const [state, setState] = useState<{ reloadKey: number; known: Map<string, MyReactionDto> }>({
    reloadKey,
    known: new Map(),
  });
  // A reload (a change made elsewhere, e.g. in the story's detail) asks again.
  const known = state.reloadKey === reloadKey ? state.known : EMPTY;
  const missing = storyIds.filter((id) => !known.has(id));
  const key = missing.slice(0, LIMITS.reactionStories.max).join(',');

  useEffect(() => {
    if (key === '') return;
    const abort = new AbortController();
    api.myReactions(key.split(','), abort.signal).then(
      (answer) =>
        setState((current) => {
          const next = new Map(current.reloadKey === reloadKey ? current.known : EMPTY);
          for (const item of answer.items) next.set(item.storyId, item);
          return { reloadKey, known: next };
        }),
      () => {
        // Unknown stays unknown; see above.
      },
    );
    return () => abort.abort();
  }, [api, key, reloadKey]);

  return known;
}
