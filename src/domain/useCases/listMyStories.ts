import type { PageRequest, StoryDeps, StoryPage } from '../ports.js';
import type { Actor } from '../user.js';

/** One page of the actor's own stories, in every status, newest first. */
export async function listMyStories(
  deps: Pick<StoryDeps, 'authors'>,
  actor: Actor,
  page: PageRequest,
): Promise<StoryPage> {
  return deps.authors.list(actor.tenantId, actor.userId, page);
}
