import { DomainError } from '../errors.js';
import type { AuditEvent, StoryDeps } from '../ports.js';
import type { Actor } from '../user.js';
import { canSee, canSeeHistory } from '../visibility.js';

/**
 * A story's history, newest first: every submission, routing, delegation, decision, reminder,
 * escalation, expiry and change. For the author, the story's approvers, editors and admins; to
 * anyone else the story is not found (a reader of the wall) or forbidden.
 */
export async function storyHistory(
  deps: Pick<StoryDeps, 'stories'>,
  actor: Actor,
  storyId: string,
): Promise<AuditEvent[]> {
  const ref = { tenantId: actor.tenantId, storyId };
  const found = await deps.stories.get(ref);
  if (!found || !canSee(actor, found.value)) throw new DomainError('not_found', 'No such story.');
  if (!canSeeHistory(actor, found.value)) {
    throw new DomainError('forbidden', 'Only those with a part in its decision see its history.');
  }
  // The repository gives the history in the order it happened, events of one change included.
  return (await deps.stories.audit(ref)).reverse();
}
