import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { formerApproverPayload, leaveFormerQueue, type FormerApprover } from '../projections.js';
import { auditOf, changeStory, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * The story's approver, or an admin, hands a pending story to another person of the tenant, who
 * is sent the approval card and finds it in their queue; it leaves the former approver's queue.
 * The new approver must be known, must not be the author and must not be the approver already
 * (a repeated click therefore gets a clear validation error instead of a second card).
 */
export async function reassignStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  newApproverId: string,
  comment?: string,
): Promise<Story> {
  const trimmed = comment?.trim();
  // The queue row to remove after the commit, as of the attempt that committed.
  let former: FormerApprover | undefined;
  const saved = await changeStory(deps, actor, storyId, async (story, now) => {
    if (story.approverId !== actor.userId && !hasRole(actor, 'admin')) {
      throw new DomainError('forbidden', 'Only the routed approver or an admin may reassign.');
    }
    // As in `decideStory`: whatever the stored data says, an author never routes their own story.
    if (story.authorId === actor.userId) {
      throw new DomainError('forbidden', 'An author may not reassign their own story.');
    }
    const status = transition(story.status, 'reassign');
    await checkNewApprover(deps, story, newApproverId);
    const revision = story.revision + 1;
    former = { approverId: story.approverId, revision };
    return {
      story: { ...story, status, approverId: newApproverId, updatedAt: now, revision },
      audit: {
        ...auditOf(deps, actor, 'reassigned', now),
        ...(trimmed ? { comment: trimmed } : {}),
      },
      outbox: [
        {
          id: deps.ids.newId(),
          kind: 'approval.requested',
          createdAt: now,
          payload: { approverId: newApproverId },
        },
        // Carries the former approver, so the repair also takes the story out of their queue.
        {
          id: deps.ids.newId(),
          kind: 'story.project',
          createdAt: now,
          payload: formerApproverPayload(former),
        },
        // The former approver's posted card loses its buttons.
        refreshCardsMessage(deps, now),
      ],
    };
  });
  if (former) {
    try {
      await leaveFormerQueue(deps, saved, former);
    } catch (error) {
      deps.logger.warn(
        { err: error, tenantId: saved.tenantId, storyId: saved.id },
        'leaving the former queue failed; the outbox will retry',
      );
    }
  }
  return saved;
}

async function checkNewApprover(
  deps: Pick<StoryDeps, 'users'>,
  story: Story,
  newApproverId: string,
): Promise<void> {
  const field = { field: 'approverId' };
  if (newApproverId === story.authorId) {
    throw new DomainError('validation', 'The author cannot approve their own story.', field);
  }
  if (newApproverId === story.approverId) {
    throw new DomainError('validation', 'This person is already the approver.', field);
  }
  if (!(await deps.users.get(story.tenantId, newApproverId))) {
    throw new DomainError('validation', 'The new approver is not a known person.', field);
  }
}
