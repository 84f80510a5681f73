import { useCallback, useEffect, useState } from 'react';
import type { InsightsDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { isAbort } from '../../errors.js';

export type InsightsState =
  | { status: 'loading' }
  | { status: 'ready'; insights: InsightsDto }
  | { status: 'error'; error: unknown };

/** The counts of one range; asked again when the range changes or on `retry`. */
export function useInsights(
  api: ApiClient,
  from: string,
  to: string,
): InsightsState & { retry: () => void } {
  const [state, setState] = useState<InsightsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api.insights({ from, to }, abort.signal).then(
      (insights) => setState({ status: 'ready', insights }),
      (error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error', error });
      },
    );
    return () => abort.abort();
  }, [api, from, to, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
