import { useEffect, useState } from 'react';
import type { HistoryEventDto } from '../../../shared/dto.js';
import { ApiError, type ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';

export type StoryHistory =
  | { state: 'loading' }
  | { state: 'ready'; items: HistoryEventDto[]; loadedAt: number }
  /** Not the caller's to see (a reader of the wall): the timeline is left out, not an error. */
  | { state: 'hidden' }
  | { state: 'error'; error: unknown };

/** A story's history (`GET /api/stories/:id/history`); `attempt` asks again. */
export function useStoryHistory(
  api: ApiClient,
  storyId: string,
  enabled: boolean,
  attempt: number,
): StoryHistory {
  const [history, setHistory] = useState<StoryHistory>({ state: 'loading' });

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setHistory({ state: 'loading' });
    api.history(storyId, abort.signal).then(
      (list) => setHistory({ state: 'ready', items: list.items, loadedAt: Date.now() }),
      (error: unknown) => {
        if (isAbort(error)) return;
        const hidden =
          error instanceof ApiError && (error.code === 'forbidden' || error.code === 'not_found');
        setHistory(hidden ? { state: 'hidden' } : { state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, storyId, enabled, attempt]);

  return enabled ? history : { state: 'hidden' };
}
