import type { StoryDeps, WallPage, WallQuery } from '../ports.js';
import type { Actor } from '../user.js';

export type WallFilter = Omit<WallQuery, 'tenantId'>;

/** One page of the actor's tenant's wall: published stories, newest first. */
export async function listWall(
  deps: Pick<StoryDeps, 'wall'>,
  actor: Actor,
  filter: WallFilter,
): Promise<WallPage> {
  return deps.wall.page({ ...filter, tenantId: actor.tenantId });
}
