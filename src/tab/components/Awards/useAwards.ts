import { useCallback, useEffect, useState } from 'react';
import type { AwardDto, ShortlistDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';
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
  const [state, setState] = useState<AwardsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.awards(abort.signal).then(
      (awards) => setState({ status: 'ready', items: awards.items }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const add = useCallback((award: AwardDto) => {
    setState((previous) =>
      previous.status === 'ready'
        ? { ...previous, items: withAward(previous.items, award) }
        : previous,
    );
  }, []);
  return { ...state, retry, add };
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
  const [state, setState] = useState<ShortlistState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.shortlist(month, abort.signal).then(
      (shortlist) => setState({ status: 'ready', shortlist }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, month, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const setWinner = useCallback((award: AwardDto) => {
    setState((previous) =>
      previous.status === 'ready' && previous.shortlist.month === award.month
        ? { ...previous, shortlist: { ...previous.shortlist, winner: award } }
        : previous,
    );
  }, []);
  return { ...state, retry, setWinner };
}
