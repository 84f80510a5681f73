import { useEffect, useState } from 'react';
import type { MeDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';

/**
 * Whether the header offers "Approvals": to approvers, editors and admins always (stages may name
 * their roles); to anyone else once something waits for them, as a stage naming people or a
 * colleague's delegation reaches people without those roles too.
 */
export function useApprovalsVisible(api: ApiClient, me: MeDto | undefined): boolean {
  const decides =
    me?.roles.some((role) => role === 'approver' || role === 'editor' || role === 'admin') ?? false;
  const [hasQueue, setHasQueue] = useState(false);

  useEffect(() => {
    if (!me || decides) return;
    const abort = new AbortController();
    api.approvals(abort.signal).then(
      (list) => setHasQueue(list.items.length > 0),
      // Without an answer the button stays hidden, as it was; nothing to tell anyone.
      () => undefined,
    );
    return () => abort.abort();
  }, [api, me, decides]);

  return decides || hasQueue;
}
