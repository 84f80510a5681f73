import { loadDevUser } from '../auth/devUserStore.js';
import { parseTabQuery } from '../channelTab.js';
import { pageFor } from '../route.js';
import { browserHost, mayBeTeamsFrame } from '../teams/host.js';
import { createTabApi, prefetchWall, type StartFilters, type WallPrefetch } from './tabApi.js';

/** The wall's first page asked for by the tab's first script, and for whom. */
interface EarlyWall {
  devUserId: string | undefined;
  prefetch: WallPrefetch;
}

/**
 * Kept on the window, not in this module: the first script (`firstPage.ts`) and the app are two
 * entries of the build, and the hand-over must not depend on how they share chunks.
 */
const KEY = Symbol.for('storywall.earlyWall');
/** Undefined: not asked for; null: handed out (or not wanted), never asked again. */
type Holder = Record<typeof KEY, EarlyWall | null | undefined>;
const holder = globalThis as unknown as Holder;

/**
 * Asks for the wall's first page before the app's bundle has arrived, so the request overlaps
 * the download and start of React, Fluent UI, i18next and teams-js. Only where the answer is
 * sure to be the one the wall wants: the wall's page, in a top-level browser window (Teams would
 * need its SSO token, which only teams-js can get), as the demo person this browser picked, with
 * the channel filters of the URL. Once per page; anywhere else it does nothing.
 */
export function startEarlyWall(): void {
  if (holder[KEY] !== undefined) return;
  if (pageFor(window.location.pathname) !== 'wall' || mayBeTeamsFrame()) return;
  const query = parseTabQuery(window.location.search);
  const devUserId = loadDevUser();
  holder[KEY] = {
    devUserId,
    prefetch: prefetchWall(createTabApi(browserHost(), devUserId), {
      team: query.team,
      category: query.category,
    }),
  };
}

/**
 * The early first page, if it was asked for the same person and filters; handed out once.
 * Anything else (another person picked meanwhile, no early request) gets undefined and asks
 * itself.
 */
export function takeEarlyWall(
  devUserId: string | undefined,
  filters: StartFilters,
): WallPrefetch | undefined {
  const early = holder[KEY];
  holder[KEY] = null;
  if (!early) return undefined;
  const same =
    early.devUserId === devUserId &&
    early.prefetch.filters.team === filters.team &&
    early.prefetch.filters.category === filters.category;
  return same ? early.prefetch : undefined;
}
