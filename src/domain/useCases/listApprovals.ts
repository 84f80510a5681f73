import type { StoryDeps } from '../ports.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/** The pending stories routed to the actor, oldest first. */
export async function listApprovals(
  deps: Pick<StoryDeps, 'approvals'>,
  actor: Actor,
  limit = 50,
): Promise<Story[]> {
  return deps.approvals.list(actor.tenantId, actor.userId, limit);
}
