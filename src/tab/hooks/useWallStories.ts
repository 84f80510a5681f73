import { useCallback, useEffect, useRef, useState } from 'react';
import type { CategoryId, StoryDto } from '../../shared/dto.js';
import type { ApiClient } from '../api/client.js';
import type { WallPrefetch } from '../api/tabApi.js';
import { isAbort } from '../errors.js';

export interface WallFilters {
  team: string;
  category: CategoryId | '';
  month: string;
  q: string;
}

export const NO_FILTERS: WallFilters = { team: '', category: '', month: '', q: '' };

export interface WallStories {
  items: StoryDto[];
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  moreError: unknown;
  loadMore: () => void;
  retry: () => void;
  /** Puts a changed story (e.g. after a vote) in place of the old one. */
  replace: (story: StoryDto) => void;
}

interface State {
  items: StoryDto[];
  nextCursor: string | null;
  status: WallStories['status'];
  error: unknown;
  loadingMore: boolean;
  moreError: unknown;
}

const INITIAL: State = {
  items: [],
  nextCursor: null,
  status: 'loading',
  error: undefined,
  loadingMore: false,
  moreError: undefined,
};

/**
 * The wall's pages for the given filters. A change of filters (or `reloadKey`) starts over and
 * aborts whatever was still loading, so an old answer never overwrites a newer one.
 */
export function useWallStories(
  api: ApiClient,
  filters: WallFilters,
  pageSize: number,
  reloadKey: number,
  prefetched?: WallPrefetch,
): WallStories {
  const [state, setState] = useState<State>(INITIAL);
  const [attempt, setAttempt] = useState(0);
  const controller = useRef<AbortController | null>(null);
  const { team, category, month, q } = filters;

  useEffect(() => {
    const abort = new AbortController();
    controller.current = abort;
    setState((previous) => ({ ...INITIAL, items: previous.items }));
    // The first page was asked for with the starting filters (none, or a channel tab's).
    const startFilters =
      team === prefetched?.filters.team &&
      category === prefetched.filters.category &&
      month === '' &&
      q === '';
    const usePrefetch =
      prefetched?.api === api && !prefetched.used && startFilters && reloadKey === 0;
    const request = usePrefetch
      ? prefetched.page
      : api.wall({ team, category, month, q, limit: pageSize }, abort.signal);
    request.then(
      (page) => {
        // The prefetched request cannot be aborted; an answer nobody waits for is dropped here.
        if (abort.signal.aborted) return;
        if (usePrefetch) prefetched.used = true;
        setState({ ...INITIAL, items: page.items, nextCursor: page.nextCursor, status: 'ready' });
      },
      (error: unknown) => {
        if (abort.signal.aborted || isAbort(error)) return;
        if (usePrefetch) prefetched.used = true;
        setState({ ...INITIAL, status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, team, category, month, q, pageSize, reloadKey, attempt, prefetched]);

  const loadMore = useCallback(() => {
    const signal = controller.current?.signal;
    const cursor = state.nextCursor;
    if (!cursor || state.loadingMore) return;
    setState((previous) => ({ ...previous, loadingMore: true, moreError: undefined }));
    api.wall({ team, category, month, q, limit: pageSize, cursor }, signal).then(
      (page) =>
        setState((previous) => {
          const seen = new Set(previous.items.map((story) => story.id));
          return {
            ...previous,
            items: [...previous.items, ...page.items.filter((story) => !seen.has(story.id))],
            nextCursor: page.nextCursor,
            loadingMore: false,
          };
        }),
      (error: unknown) => {
        if (!isAbort(error)) {
          setState((previous) => ({ ...previous, loadingMore: false, moreError: error }));
        }
      },
    );
  }, [api, team, category, month, q, pageSize, state.nextCursor, state.loadingMore]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const replace = useCallback((story: StoryDto) => {
    setState((previous) => ({
      ...previous,
      items: previous.items.map((item) => (item.id === story.id ? story : item)),
    }));
  }, []);

  return {
    items: state.items,
    status: state.status,
    error: state.error,
    hasMore: state.nextCursor !== null,
    loadingMore: state.loadingMore,
    moreError: state.moreError,
    loadMore,
    retry,
    replace,
  };
}
