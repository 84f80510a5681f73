import { waitingApprovers, withAsked, type ApprovalState } from '../approval.js';
import { routingEvents } from '../approvalStart.js';
import { DomainError } from '../errors.js';
import type { OutboxMessage, StoryDeps } from '../ports.js';
import { routeStage } from '../routing.js';
import {
  approvalRequests,
  auditOf,
  changeStory,
  projectMessage,
  refreshCardsMessage,
  type StoryEdit,
} from '../storyChange.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';
import { judge, outcomeOf, transition, type Decision } from '../workflow.js';

/**
 * A waiting approver of the story's current stage approves, rejects or asks for changes; an
 * admin may decide for the whole stage, giving a reason (an override, so nothing waits on someone
 * who is gone).
 * `judge` in `workflow.ts` says where that leaves the stage: waiting for the rest of an `all`
 * stage, on to the next stage (whose approvers are asked), or out of approval — published,
 * rejected or back to the author. The author never decides on their own story.
 *
 * Repeating a decision already made by the same person changes nothing and returns the story (a
 * double click, a retried card action); anything else on a story no longer waiting for this
 * person is refused.
 */
export async function decideStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  decision: Decision,
  comment?: string,
): Promise<Story> {
  if (decision === 'changes' && !comment?.trim()) {
    throw new DomainError('validation', 'Say what should change.', { field: 'comment' });
  }
  const trimmed = comment?.trim();
  return changeStory(deps, actor, storyId, async (story, now) => {
    if (story.authorId === actor.userId) {
      throw new DomainError('forbidden', 'An author may not decide on their own story.');
    }
    if (!story.approval.asked.includes(actor.userId) && !hasRole(actor, 'admin')) {
      throw new DomainError('forbidden', 'Only an approver of this story may decide on it.');
    }
    if (isRepeat(story, actor, decision)) return null;
    const { approval } = story;
    const waiting = story.status === 'pending' && waitingApprovers(approval).includes(actor.userId);
    const override = !waiting && story.status === 'pending' && hasRole(actor, 'admin');
    if (story.status === 'pending' && !waiting && !override) {
      // Asked once, but handed on or decided by others since: as for a reassignment, there is
      // nothing here for them to act on (not a refusal of access; they may still read it).
      throw new DomainError('not_found', 'This story is no longer waiting for your decision.');
    }
    // An override overrules the people asked, so the history must say why (PRODUCT.md).
    if (override && !trimmed) {
      throw new DomainError('validation', 'Give a reason for deciding in their place.', {
        field: 'comment',
      });
    }
    const judgement = judge(approval, actor.userId, decision, override, now);
    const detail = {
      stage: approval.stage.index + 1,
      stages: approval.plan.stages.length,
      ...(override ? { override: true } : {}),
    };
    const decided = auditOf(deps, actor, outcomeOf(decision).audit, now, {
      comment: trimmed,
      detail,
    });
    const revision = story.revision + 1;

    if (judgement.step === 'wait') {
      transition(story.status, 'advance');
      return {
        story: {
          ...story,
          approval: { ...approval, stage: judgement.stage },
          updatedAt: now,
          revision,
        },
        audit: [decided],
        outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
      };
    }
    if (judgement.step === 'nextStage') {
      transition(story.status, 'advance');
      const subject = { tenantId: story.tenantId, authorId: story.authorId };
      const { run, notes } = await routeStage(
        deps,
        subject,
        approval.plan,
        approval.stage.index + 1,
        now,
      );
      const next: ApprovalState = {
        ...approval,
        stage: run,
        reminders: 0,
        nudgedAt: now,
        asked: withAsked(
          approval.asked,
          run.slots.map((s) => s.userId),
        ),
      };
      return {
        story: { ...story, approval: next, updatedAt: now, revision },
        audit: [decided, ...routingEvents(deps, actor, notes, now)],
        outbox: [
          ...approvalRequests(deps, now, waitingApprovers(next)),
          projectMessage(deps, now),
          // Earlier copies say the stage is approved and who decides now.
          refreshCardsMessage(deps, now),
        ],
      };
    }
    const status = transition(story.status, judgement.outcome.event);
    const published = status === 'published';
    const edit: StoryEdit = {
      story: {
        ...withoutDecision(story),
        status,
        approval: { ...approval, stage: judgement.stage },
        decidedBy: actor.userId,
        ...(trimmed ? { decisionComment: trimmed } : {}),
        updatedAt: now,
        ...(published ? { publishedAt: now } : {}),
        revision,
      },
      audit: [decided, ...(published ? [auditOf(deps, actor, 'published', now)] : [])],
      outbox: [
        { id: deps.ids.newId(), kind: 'story.decided', createdAt: now, payload: { decision } },
        projectMessage(deps, now),
        refreshCardsMessage(deps, now),
        ...(published
          ? [
              { id: deps.ids.newId(), kind: 'channel.post', createdAt: now, payload: {} } as const,
              ...featuredNotices(deps, story, now),
            ]
          : []),
      ],
    };
    return edit;
  });
}

/**
 * True when the actor already made this decision: they approved in the current stage (which
 * still waits for others, or moved on), or the story ended with this outcome by their hand.
 * Someone the stage still waits for is not repeating: an escalation may hand the stage to a
 * person who approved in it already, and their approval now decides it.
 */
function isRepeat(story: Story, actor: Actor, decision: Decision): boolean {
  if (story.status !== 'pending') {
    return story.status === outcomeOf(decision).status && story.decidedBy === actor.userId;
  }
  const mine = story.approval.stage.slots.filter((s) => s.userId === actor.userId);
  return (
    decision === 'approve' &&
    mine.some((s) => s.approvedAt !== undefined) &&
    mine.every((s) => s.approvedAt !== undefined)
  );
}

/**
 * One message per featured colleague of a published story (journey 5), so that each is told
 * and retried on their own; the author is told by `story.decided` already. The edge lets a story
 * feature at most ten people, so the transaction stays far below its 100 entities.
 */
function featuredNotices(deps: StoryDeps, story: Story, now: Date): OutboxMessage[] {
  const userIds = new Set(story.featured.map((p) => p.id));
  userIds.delete(story.authorId);
  return [...userIds].map((userId) => ({
    id: deps.ids.newId(),
    kind: 'featured.notify',
    createdAt: now,
    payload: { userId },
  }));
}

function withoutDecision(story: Story): Story {
  const { decisionComment: _comment, decidedBy: _by, ...rest } = story;
  return rest;
}
