import { useEffect, useState } from 'react';
import type { AwardDto } from '../../../shared/dto.js';
import type { ApiClient } from '../../api/client.js';

/**
 * The newest story of the month, or undefined while loading, when there is none, or when it
 * could not be loaded: the banner is a bonus on the wall and never stands in its way.
 * `reloadKey` asks again (after an editor has chosen a winner).
 */
export function useLatestAward(api: ApiClient, reloadKey: number): AwardDto | undefined {
  const [award, setAward] = useState<AwardDto | undefined>(undefined);

  useEffect(() => {
    const abort = new AbortController();
    api.awards(abort.signal).then(
      (awards) => setAward(awards.items[0]),
      // Not shown: the wall works without the banner, and the Awards view reports errors.
      () => undefined,
    );
    return () => abort.abort();
  }, [api, reloadKey]);

  return award;
}
