import { DomainError } from '../errors.js';
import type { StoryDeps, WallCount, WallPage, WallQuery } from '../ports.js';
import { ranksByVotes } from '../privacy.js';
import { tenantSettings } from '../roles.js';
import type { Actor } from '../user.js';

export type WallFilter = Omit<WallQuery, 'tenantId'>;

/** A page of the wall; the first page (no cursor) also says how many stories match. */
export interface WallView extends WallPage {
  readonly count?: WallCount;
}

/**
 * One page of the actor's tenant's wall: published stories, newest first or most voted first.
 * Most voted is refused (`votes_hidden`) where privacy mode ranks nothing by votes. With `total`,
 * the first page also counts the stories that match (a bounded read the adapter caches briefly;
 * asked for only by those who show it, so the plain page stays one query).
 */
export async function listWall(
  deps: Pick<StoryDeps, 'wall' | 'settings'>,
  actor: Actor,
  filter: WallFilter,
  options: { readonly total?: boolean } = {},
): Promise<WallView> {
  if (filter.sort === 'votes') {
    const { value } = await tenantSettings(deps.settings, actor.tenantId);
    if (!ranksByVotes(value)) {
      throw new DomainError('votes_hidden', 'Privacy mode ranks nothing by votes.', {
        field: 'sort',
      });
    }
  }
  const query = { ...filter, tenantId: actor.tenantId };
  if (filter.cursor !== undefined || options.total !== true) return deps.wall.page(query);
  const { limit: _limit, sort: _sort, ...filters } = query;
  const [page, count] = await Promise.all([deps.wall.page(query), deps.wall.count(filters)]);
  return { ...page, count };
}

/**
 * `listWall`'s answer when it needs no wait: the plain page (no count asked for) as the wall's
 * cache holds it fresh right now; undefined when it would have to read, or to look at the
 * tenant's settings (most voted first). What the async path would answer at this moment.
 */
export function cachedWall(
  deps: Pick<StoryDeps, 'wall'>,
  actor: Actor,
  filter: WallFilter,
  options: { readonly total?: boolean } = {},
): WallView | undefined {
  if (filter.sort === 'votes' || (options.total === true && filter.cursor === undefined)) {
    return undefined;
  }
  return deps.wall.cachedPage?.({ ...filter, tenantId: actor.tenantId });
}
