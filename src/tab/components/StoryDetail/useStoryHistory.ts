import { useCallback } from 'react';
import type { HistoryEventDto } from '../../../shared/dto.js';
import { ApiError, type ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';

export type StoryHistory =
  | { state: 'loading' }
  | { state: 'ready'; items: HistoryEventDto[]; loadedAt: number }
  /** Not the caller's to see (a reader of the wall): the timeline is left out, not an error. */
  | { state: 'hidden' }
  | { state: 'error'; error: unknown };

/** A story's history (`GET /api/stories/:id/history`), read only when `enabled`; `retry` asks again. */
export function useStoryHistory(
  api: ApiClient,
  storyId: string,
  enabled: boolean,
): { history: StoryHistory; retry: () => void } {
  const read = useCallback((signal: AbortSignal) => api.history(storyId, signal), [api, storyId]);
  const { load, reload } = useLoad(enabled ? read : null);
  return { history: enabled ? historyOf(load) : { state: 'hidden' }, retry: reload };
}

function historyOf(
  load: ReturnType<typeof useLoad<{ items: HistoryEventDto[] }>>['load'],
): StoryHistory {
  if (load.state === 'ready')
    return { state: 'ready', items: load.value.items, loadedAt: load.loadedAt };
  if (load.state === 'loading') return load;
  const hidden =
    load.error instanceof ApiError &&
    (load.error.code === 'forbidden' || load.error.code === 'not_found');
  return hidden ? { state: 'hidden' } : load;
}
