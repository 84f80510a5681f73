import type { WallPageDto } from '../../shared/dto.js';
import { earlyWall, type EarlyAnswer } from '../early/handOver.js';
import { ApiError, parseApiError, type ApiClient } from './client.js';
import type { StartFilters, WallPrefetch } from './tabApi.js';

/** The early answer as the app's client would have returned it. */
async function pageOf(answer: Promise<EarlyAnswer>): Promise<WallPageDto> {
  const result = await answer;
  if ('failure' in result) {
    throw new ApiError(result.failure, 0, `${result.failure}: GET /api/stories`);
  }
  let body: unknown;
  try {
    body = result.text === '' ? undefined : (JSON.parse(result.text) as unknown);
  } catch {
    body = undefined;
  }
  if (!result.ok) throw parseApiError(result.status, body);
  return body as WallPageDto;
}

/**
 * The early first page, if it was asked for the same person and filters, as a prefetch of `api`
 * (the app's client for that person); handed out once. Anything else (another person picked
 * meanwhile, no early request) gets undefined and asks itself.
 */
export function takeEarlyWall(
  api: ApiClient,
  devUserId: string | undefined,
  filters: StartFilters,
): WallPrefetch | undefined {
  const early = earlyWall();
  if (!early || early.taken) return undefined;
  early.taken = true;
  const same =
    early.devUserId === devUserId &&
    early.filters.team === filters.team &&
    early.filters.category === filters.category;
  if (!same) return undefined;
  const prefetch: WallPrefetch = { api, filters, page: pageOf(early.answer), used: false };
  prefetch.page.then(
    (ready) => {
      prefetch.ready = ready;
    },
    () => undefined,
  );
  return prefetch;
}
