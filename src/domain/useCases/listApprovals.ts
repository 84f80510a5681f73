import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { ALL_PENDING_QUEUE } from '../projections.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/**
 * The pending stories waiting for the actor, oldest first; with `everyone`, an admin's view of
 * every pending story of the tenant (to decide or reassign what waits on someone gone).
 */
export async function listApprovals(
  deps: Pick<StoryDeps, 'approvals'>,
  actor: Actor,
  limit = 50,
  everyone = false,
): Promise<Story[]> {
  if (everyone && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only admins see every pending story.');
  }
  // Everyone opening the tab asks whether anything waits for them: the view may answer "no"
  // from a tenant-wide list a few seconds old; what it lists is read as stored.
  if (!everyone) return deps.approvals.listForView(actor.tenantId, actor.userId, limit);
  return deps.approvals.list(actor.tenantId, ALL_PENDING_QUEUE, limit);
}
