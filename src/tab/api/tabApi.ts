import { DEV_USER_HEADER, type CategoryId, type WallPageDto } from '../../shared/dto.js';
import { config } from '../config.js';
import type { Host } from '../teams/host.js';
import { createApiClient, type ApiClient } from './client.js';

/**
 * The tab's API client: inside Teams every call carries the Teams SSO token; in a browser (local
 * mode) the picked demo user goes in `x-dev-user`, and no header means the server's default.
 */
export function createTabApi(host: Host, devUserId: string | undefined): ApiClient {
  return createApiClient({
    baseUrl: config.apiBaseUrl,
    timeoutMs: config.requestTimeoutMs,
    authHeaders: async (): Promise<Record<string, string>> => {
      if (host.inTeams) return { authorization: `Bearer ${await host.getAuthToken()}` };
      return devUserId ? { [DEV_USER_HEADER]: devUserId } : {};
    },
  });
}

/** The filters a wall starts with: none, or a channel tab's default (see channelTab.ts). */
export interface StartFilters {
  team: string;
  category: CategoryId | '';
}

/** The wall's first page, requested before React's first render so the two overlap. */
export interface WallPrefetch {
  /** The client it was requested with; another client (another user) must not use it. */
  api: ApiClient;
  /** The filters it was requested with; the wall uses it only while showing the same. */
  filters: StartFilters;
  page: Promise<WallPageDto>;
  /** Set once a view has shown this page: later views (filters cleared, user switched back)
   * must ask again rather than show a stale page. */
  used: boolean;
  /** The page, once it has arrived: a wall rendered after that shows it in its first commit. */
  ready?: WallPageDto;
}

export function prefetchWall(
  api: ApiClient,
  filters: StartFilters = { team: '', category: '' },
): WallPrefetch {
  const page = api.wall({ ...filters, limit: config.pageSize });
  const prefetch: WallPrefetch = { api, filters, page, used: false };
  // Failures are handled where the page is used; this only keeps them from being "unhandled".
  page.then(
    (ready) => {
      prefetch.ready = ready;
    },
    () => undefined,
  );
  return prefetch;
}

/** The prefetched page if it has arrived and no view used it yet; from then on it is used. */
export function takeReadyPage(prefetch: WallPrefetch): WallPageDto | undefined {
  if (prefetch.used || !prefetch.ready) return undefined;
  prefetch.used = true;
  return prefetch.ready;
}
