import { useEffect, useState } from 'react';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';
import type { WallFilters } from '../../hooks/useWallStories.js';

/** How many stories match the wall's filters; `exact` false: at least `total`. */
export interface WallTotal {
  total: number;
  exact: boolean;
}

/**
 * The count of the stories the filters match ("42 stories"), asked for beside the wall's first
 * page (one story, `total=true`) so the page itself is never held up by the count. Undefined
 * while it loads or when it could not be read: the wall works without it.
 */
export function useWallTotal(
  api: ApiClient,
  filters: WallFilters,
  reloadKey: number,
): WallTotal | undefined {
  const [total, setTotal] = useState<{ key: string; value: WallTotal } | undefined>();
  const { team, category, month, q, account, language } = filters;
  const key = JSON.stringify([team, category, month, q, account, language, reloadKey]);

  useEffect(() => {
    const abort = new AbortController();
    api
      .wall({ team, category, month, q, account, language, limit: 1, total: true }, abort.signal)
      .then(
        (page) => {
          if (abort.signal.aborted || page.total === undefined) return;
          setTotal({ key, value: { total: page.total, exact: page.totalExact !== false } });
        },
        (error: unknown) => {
          // The count is a nicety: a failure leaves it out, the wall shows its own errors.
          if (!isAbort(error)) setTotal(undefined);
        },
      );
    return () => abort.abort();
  }, [api, team, category, month, q, account, language, key]);

  // A count of other filters is never shown for these.
  return total?.key === key ? total.value : undefined;
}
