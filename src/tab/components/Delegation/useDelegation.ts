import { useCallback, useEffect, useState } from 'react';
import type { DelegationDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';

export type DelegationState =
  | { state: 'loading' }
  /** `current` is the user's own delegation, if they have one. */
  | { state: 'ready'; current: DelegationDto | undefined }
  | { state: 'error'; error: unknown };

/**
 * The user's own delegation (`GET /api/delegations`; an admin gets everyone's, of which only
 * their own is shown here), and a way to put the saved one in its place.
 */
export function useDelegation(
  api: ApiClient,
  userId: string | undefined,
): {
  delegation: DelegationState;
  setCurrent: (d: DelegationDto | undefined) => void;
  retry: () => void;
} {
  const [delegation, setDelegation] = useState<DelegationState>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!userId) return;
    const abort = new AbortController();
    setDelegation({ state: 'loading' });
    api.delegations(abort.signal).then(
      (list) =>
        setDelegation({ state: 'ready', current: list.items.find((d) => d.userId === userId) }),
      (error: unknown) => {
        if (!isAbort(error)) setDelegation({ state: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, userId, attempt]);

  const setCurrent = useCallback(
    (current: DelegationDto | undefined) => setDelegation({ state: 'ready', current }),
    [],
  );
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { delegation, setCurrent, retry };
}
