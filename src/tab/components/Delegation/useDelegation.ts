import { useCallback } from 'react';
import type { DelegationDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import { withDelegation, withoutDelegation } from './delegationModel.js';

export type DelegationState =
  | { state: 'loading' }
  /**
   * `current` is the user's own delegation, if they have one; `items` all the API gave: the
   * user's own for most, everyone's for an admin.
   */
  | { state: 'ready'; current: DelegationDto | undefined; items: readonly DelegationDto[] }
  | { state: 'error'; error: unknown };

/**
 * The delegations the user may see (`GET /api/delegations`: their own, or everyone's for an
 * admin), with their own picked out, and ways to put a saved one in place or drop an ended one.
 * Nothing is read until the user is known.
 */
export function useDelegation(
  api: ApiClient,
  userId: string | undefined,
): {
  delegation: DelegationState;
  /** A delegation was saved: it replaces the one its person had. */
  saved: (d: DelegationDto) => void;
  /** The delegation of `whose` was ended. */
  ended: (whose: string) => void;
  retry: () => void;
} {
  const read = useCallback((signal: AbortSignal) => api.delegations(signal), [api]);
  const { load, reload, update } = useLoad(userId ? read : null);
  const saved = useCallback(
    (d: DelegationDto) => update((list) => ({ ...list, items: withDelegation(list.items, d) })),
    [update],
  );
  const ended = useCallback(
    (whose: string) => update((list) => ({ ...list, items: withoutDelegation(list.items, whose) })),
    [update],
  );
  const delegation: DelegationState =
    load.state === 'ready'
      ? {
          state: 'ready',
          current: load.value.items.find((d) => d.userId === userId),
          items: load.value.items,
        }
      : load;
  return { delegation, saved, ended, retry: reload };
}
