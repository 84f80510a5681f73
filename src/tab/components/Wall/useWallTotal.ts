import { useCallback } from 'react';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';
import type { WallFilters } from '../../hooks/useWallStories.js';

/** How many stories match the wall's filters; `exact` false: at least `total`. */
export interface WallTotal {
  total: number;
  exact: boolean;
}

/**
 * The count of the stories the filters match ("42 stories"), asked for beside the wall's first
 * page (one story, `total=true`) so the page itself is never held up by the count. Undefined
 * while it loads or when it could not be read: the wall works without it, and shows its own
 * errors.
 */
export function useWallTotal(
  api: ApiClient,
  filters: WallFilters,
  reloadKey: number,
): WallTotal | undefined {
  const { team, category, month, q, account, language } = filters;
  const read = useCallback(
    (signal: AbortSignal) =>
      api.wall({ team, category, month, q, account, language, limit: 1, total: true }, signal),
    [api, team, category, month, q, account, language],
  );
  // A count of other filters is never shown for these: useLoad shows only the current read's.
  // reloadKey counts again with the wall, even though the request itself would not change.
  const { load } = useLoad(read, reloadKey);
  if (load.state !== 'ready' || load.value.total === undefined) return undefined;
  return { total: load.value.total, exact: load.value.totalExact !== false };
}
