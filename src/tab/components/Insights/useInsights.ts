import { useCallback } from 'react';
import type { InsightsDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';
import { useLoad } from '../../hooks/useLoad.js';

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
  const read = useCallback(
    (signal: AbortSignal) => api.insights({ from, to }, signal),
    [api, from, to],
  );
  const { load, reload } = useLoad(read);
  if (load.state === 'ready') return { status: 'ready', insights: load.value, retry: reload };
  if (load.state === 'error') return { status: 'error', error: load.error, retry: reload };
  return { status: 'loading', retry: reload };
}
