import { withAsked, type ApprovalSlot } from '../approval.js';
import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { slotOf } from '../routing.js';
import {
  approvalRequests,
  auditOf,
  changeStory,
  projectMessage,
  refreshCardsMessage,
} from '../storyChange.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * A waiting approver hands their part of the current stage to another person of the tenant; an
 * admin hands every waiting part (an override, for an approver who is gone). The new approver is
 * sent the approval card and finds the story in their queue; the former approvers' cards lose
 * their buttons. The new approver must be known, must not be the author and must not be waiting
 * in the stage already (a repeated click therefore gets a clear validation error instead of a
 * second card). Someone it was handed away from meanwhile is told it no longer waits for them
 * (not_found), not refused access.
 */
export async function reassignStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  newApproverId: string,
  comment?: string,
): Promise<Story> {
  const trimmed = comment?.trim();
  return changeStory(deps, actor, storyId, async (story, now) => {
    // Whatever the stored data says, an author never routes their own story.
    if (story.authorId === actor.userId) {
      throw new DomainError('forbidden', 'An author may not reassign their own story.');
    }
    const { approval } = story;
    const admin = hasRole(actor, 'admin');
    const forbidden = () =>
      new DomainError('forbidden', 'Only a waiting approver or an admin may reassign.');
    if (!approval.asked.includes(actor.userId) && !admin) throw forbidden();
    // As for a decision: an approver whose story was decided meanwhile is told it was decided.
    const status = transition(story.status, 'reassign');
    const own = approval.stage.slots.find(
      (s) => s.userId === actor.userId && s.approvedAt === undefined,
    );
    // Asked once, but handed on meanwhile (or past their part): the story is no longer theirs to
    // hand on, which is not an access error — they may still read it.
    if (!own && !admin) {
      throw new DomainError('not_found', 'This story is no longer waiting for you.');
    }
    const field = { field: 'approverId' };
    if (newApproverId === story.authorId) {
      throw new DomainError('validation', 'The author cannot approve their own story.', field);
    }
    const replaced: readonly ApprovalSlot[] = own
      ? [own]
      : approval.stage.slots.filter((s) => s.approvedAt === undefined);
    if (
      approval.stage.slots.some((s) => s.userId === newApproverId && s.approvedAt === undefined)
    ) {
      throw new DomainError('validation', 'This person is already the approver.', field);
    }
    const slot = await slotOf(deps, story.tenantId, newApproverId, replaced[0]?.userId);
    if (!slot) {
      throw new DomainError('validation', 'The new approver is not a known person.', field);
    }
    const slots = [
      ...approval.stage.slots.filter((s) => !replaced.includes(s) && s.userId !== slot.userId),
      slot,
    ];
    return {
      story: {
        ...story,
        status,
        approval: {
          ...approval,
          stage: { ...approval.stage, slots },
          asked: withAsked(approval.asked, [slot.userId]),
        },
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [
        auditOf(deps, actor, 'reassigned', now, {
          comment: trimmed,
          detail: {
            from: replaced.map((s) => s.displayName),
            to: slot.displayName,
            ...(own ? {} : { override: true }),
          },
        }),
      ],
      outbox: [
        ...approvalRequests(deps, now, [slot.userId]),
        projectMessage(deps, now),
        // The former approvers' posted cards lose their buttons.
        refreshCardsMessage(deps, now),
      ],
    };
  });
}
