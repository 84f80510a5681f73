import { DEV_USER_HEADER } from '../../shared/dto.js';
import type { StartFilters } from '../api/tabApi.js';
import { wallQueryString } from '../api/wallQuery.js';
import { loadDevUser } from '../auth/devUserStore.js';
import { parseTabQuery } from '../channelTab.js';
import { config } from '../config.js';
import { pageFor } from '../route.js';
import { mayBeTeamsFrame } from '../teams/host.js';
import { earlyWall, setEarlyWall, type EarlyAnswer, type EarlyWall } from './handOver.js';

/**
 * Asks for the wall's first page before the app's bundle has arrived, so the request overlaps
 * the download and start of React, Fluent UI, i18next and teams-js. Only where the answer is
 * sure to be the one the wall wants: the wall's page, in a top-level browser window (Teams would
 * need its SSO token, which only teams-js can get), as the demo person this browser picked, with
 * the channel filters of the URL. The request is the one the app's client would send (same
 * path, `accept` and `x-dev-user` headers, timeout). Once per page; anywhere else it does
 * nothing.
 */
export function startEarlyWall(): EarlyWall | undefined {
  if (earlyWall() !== undefined) return undefined;
  if (pageFor(window.location.pathname) !== 'wall' || mayBeTeamsFrame()) return undefined;
  const query = parseTabQuery(window.location.search);
  const devUserId = loadDevUser();
  const filters: StartFilters = { team: query.team, category: query.category };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (devUserId) headers[DEV_USER_HEADER] = devUserId;
  const timeout = AbortSignal.timeout(config.requestTimeoutMs);
  const path = `/api/stories${wallQueryString({ ...filters, limit: config.pageSize })}`;
  const answer: Promise<EarlyAnswer> = fetch(`${config.apiBaseUrl}${path}`, {
    headers,
    signal: timeout,
    // Before the app's scripts, which the browser is fetching meanwhile.
    priority: 'high',
    credentials: 'same-origin',
  }).then(
    async (response) => ({ ok: response.ok, status: response.status, text: await response.text() }),
    () => ({ ok: false, status: 0, failure: timeout.aborted ? 'timeout' : 'network' }),
  );
  const early: EarlyWall = {
    devUserId,
    filters,
    answer,
    taken: false,
    shown: undefined,
    appPainted: false,
  };
  setEarlyWall(early);
  return early;
}
