import { useCallback, useState } from 'react';
import type { CategoryId, LocaleDto, StoryDto, WallSortDto } from '../../shared/dto.js';
import type { ApiClient } from '../api/client.js';
import { takeReadyPage, type WallPrefetch } from '../api/tabApi.js';
import { usePagedList, type PagedList } from './usePagedList.js';

export interface WallFilters {
  team: string;
  category: CategoryId | '';
  month: string;
  q: string;
  /** The customer account; matched by the API without regard to case. */
  account: string;
  language: LocaleDto | '';
  /** `''`: the API's default order, newest first. */
  sort: WallSortDto | '';
}

export const NO_FILTERS: WallFilters = {
  team: '',
  category: '',
  month: '',
  q: '',
  account: '',
  language: '',
  sort: '',
};

/** The wall's stories so far, with "load more"; `replace` puts a voted story in place. */
export type WallStories = PagedList<StoryDto>;

/**
 * The wall's pages for the given filters. A change of filters (or `reloadKey`) starts over and
 * aborts whatever was still loading, so an old answer never overwrites a newer one; the stories
 * shown stay until the new first page comes.
 */
export function useWallStories(
  api: ApiClient,
  filters: WallFilters,
  pageSize: number,
  reloadKey: number,
  prefetched?: WallPrefetch,
): WallStories {
  const { team, category, month, q, account, language, sort } = filters;
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => {
      // The first page was asked for with the starting filters (none, or a channel tab's).
      const startFilters =
        team === prefetched?.filters.team &&
        category === prefetched.filters.category &&
        month === '' &&
        q === '' &&
        account === '' &&
        language === '' &&
        sort === '';
      if (
        cursor === undefined &&
        prefetched?.api === api &&
        !prefetched.used &&
        startFilters &&
        reloadKey === 0
      ) {
        // The prefetched request cannot be aborted; it counts as used once someone took it.
        const settle = () => {
          if (!signal.aborted) prefetched.used = true;
        };
        return prefetched.page.finally(settle);
      }
      return api.wall(
        {
          team,
          category,
          month,
          q,
          account,
          language,
          sort,
          limit: pageSize,
          ...(cursor ? { cursor } : {}),
        },
        signal,
      );
    },
    // reloadKey starts the wall over even though the request itself would not change.
    [api, team, category, month, q, account, language, sort, pageSize, reloadKey, prefetched],
  );
  // Arrived before the wall's first render: shown in the first commit, without a loading state.
  const [initialPage] = useState(() =>
    prefetched?.api === api &&
    reloadKey === 0 &&
    team === prefetched.filters.team &&
    category === prefetched.filters.category &&
    month === '' &&
    q === '' &&
    account === '' &&
    language === '' &&
    sort === ''
      ? takeReadyPage(prefetched)
      : undefined,
  );
  return usePagedList(fetchPage, { keepWhileLoading: true, initialPage });
}
