import { useCallback, useEffect, useState } from 'react';
import type { DelegationDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';
import { withDelegation, withoutDelegation } from './delegationModel.js';

export type DelegationState =
  | { state: 'loading' }
  /**
   * `current` is the user's own delegation, if they have one; `items` all the API gave: the
   * user's own for most, everyone's for an admin.
   */
  | { state: 'ready'; current: DelegationDto | undefined; items: readonly DelegationDto[] }
  | { state: 'error'; error: unknown };

function ready(items: readonly DelegationDto[], userId: string | undefined): DelegationState {
  return { state: 'ready', current: items.find((d) => d.userId === userId), items };
}

/**
 * The delegations the user may see (`GET /api/delegations`: their own, or everyone's for an
 * admin), with their own picked out, and ways to put a saved one in place or drop an ended one.
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
  const [delegation, setDelegation] = useState<DelegationState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!userId) return;
    const abort = new AbortController();
    setDelegation({ state: 'loading' });
    api.delegations(abort.signal).then(
      (list) => setDelegation(ready(list.items, userId)),
      (error: unknown) => {
        if (!isAbort(error)) setDelegation({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, userId, attempt]);

  const saved = useCallback(
    (d: DelegationDto) =>
      setDelegation((previous) =>
        ready(withDelegation(previous.state === 'ready' ? previous.items : [], d), userId),
      ),
    [userId],
  );
  const ended = useCallback(
    (whose: string) =>
      setDelegation((previous) =>
        ready(withoutDelegation(previous.state === 'ready' ? previous.items : [], whose), userId),
      ),
    [userId],
  );
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { delegation, saved, ended, retry };
}
