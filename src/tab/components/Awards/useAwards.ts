import { useCallback } from 'react';
import type { AwardDto, ShortlistDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import { withAward } from './awardsModel.js';

export type AwardsState =
  | { status: 'loading' }
  | { status: 'ready'; items: AwardDto[] }
  | { status: 'error'; error: unknown };

/** The winners, newest month first; `add` puts a winner just chosen in its month's place. */
export function useAwards(api: ApiClient): AwardsState & {
  retry: () => void;
  add: (award: AwardDto) => void;
} {
  const read = useCallback((signal: AbortSignal) => api.awards(signal), [api]);
  const { load, reload, update } = useLoad(read);
  const add = useCallback(
    (award: AwardDto) => update((list) => ({ ...list, items: withAward(list.items, award) })),
    [update],
  );
  const actions = { retry: reload, add };
  if (load.state === 'ready') return { status: 'ready', items: load.value.items, ...actions };
  if (load.state === 'error') return { status: 'error', error: load.error, ...actions };
  return { status: 'loading', ...actions };
}

export type ShortlistState =
  | { status: 'loading' }
  | { status: 'ready'; shortlist: ShortlistDto }
  | { status: 'error'; error: unknown };

/** One month's shortlist and winner (editors and admins); asked again when the month changes. */
export function useShortlist(
  api: ApiClient,
  month: string,
): ShortlistState & { retry: () => void; setWinner: (award: AwardDto) => void } {
  const read = useCallback((signal: AbortSignal) => api.shortlist(month, signal), [api, month]);
  const { load, reload, update } = useLoad(read);
  const setWinner = useCallback(
    (award: AwardDto) =>
      update((shortlist) =>
        shortlist.month === award.month ? { ...shortlist, winner: award } : shortlist,
      ),
    [update],
  );
  const actions = { retry: reload, setWinner };
  if (load.state === 'ready') return { status: 'ready', shortlist: load.value, ...actions };
  if (load.state === 'error') return { status: 'error', error: load.error, ...actions };
  return { status: 'loading', ...actions };
}
