import { useCallback, useEffect, useState } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import type { ApiClient, ApprovalsScope } from '../../api/client.js';
import { isAbort } from '../../errors.js';

export type ApprovalsQueue =
  | { state: 'loading' }
  | { state: 'ready'; items: StoryDto[]; loadedAt: number }
  | { state: 'error'; error: unknown };

/** The pending stories of `scope`, with a way to drop the ones decided here and to ask again. */
export function useApprovalsQueue(
  api: ApiClient,
  scope: ApprovalsScope,
): { queue: ApprovalsQueue; remove: (ids: readonly string[]) => void; retry: () => void } {
  const [queue, setQueue] = useState<ApprovalsQueue>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setQueue({ state: 'loading' });
    api.approvals(abort.signal, scope).then(
      (list) => setQueue({ state: 'ready', items: list.items, loadedAt: Date.now() }),
      (error: unknown) => {
        if (!isAbort(error)) setQueue({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, scope, attempt]);

  const remove = useCallback((ids: readonly string[]) => {
    setQueue((previous) =>
      previous.state === 'ready'
        ? { ...previous, items: previous.items.filter((item) => !ids.includes(item.id)) }
        : previous,
    );
  }, []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { queue, remove, retry };
}
