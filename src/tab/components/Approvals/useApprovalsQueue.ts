import { useCallback } from 'react';
import type { StoryDto } from '../../../shared/dto.js';
import type { ApiClient, ApprovalsScope } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';

export type ApprovalsQueue =
  | { state: 'loading' }
  | { state: 'ready'; items: StoryDto[]; loadedAt: number }
  | { state: 'error'; error: unknown };

/** The pending stories of `scope`, with a way to drop the ones decided here and to ask again. */
export function useApprovalsQueue(
  api: ApiClient,
  scope: ApprovalsScope,
): { queue: ApprovalsQueue; remove: (ids: readonly string[]) => void; retry: () => void } {
  const read = useCallback((signal: AbortSignal) => api.approvals(signal, scope), [api, scope]);
  const { load, reload, update } = useLoad(read);
  const remove = useCallback(
    (ids: readonly string[]) =>
      update((list) => ({ ...list, items: list.items.filter((item) => !ids.includes(item.id)) })),
    [update],
  );
  const queue: ApprovalsQueue =
    load.state === 'ready'
      ? { state: 'ready', items: load.value.items, loadedAt: load.loadedAt }
      : load;
  return { queue, remove, retry: reload };
}
