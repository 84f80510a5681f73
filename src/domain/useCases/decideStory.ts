import { DomainError } from '../errors.js';
import type { OutboxMessage, StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { outcomeOf, transition, type Decision } from '../workflow.js';

/**
 * The routed approver approves, rejects or asks for changes. Repeating the same decision is a
 * no-op that returns the story (a double click, a retried card action); a different decision on
 * an already decided story is refused by the workflow.
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
  const outcome = outcomeOf(decision);
  const trimmed = comment?.trim();
  return changeStory(deps, actor, storyId, (story, now) => {
    if (story.approverId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the routed approver may decide on this story.');
    }
    // Routing never picks the author, but the stored approverId alone is not trusted for that:
    // bad data or a later reassignment must not let an author approve their own story.
    if (story.authorId === actor.userId) {
      throw new DomainError('forbidden', 'An author may not decide on their own story.');
    }
    if (story.status === outcome.status && story.decidedBy === actor.userId) return null;
    const status = transition(story.status, outcome.event);
    return {
      story: {
        ...withoutDecision(story),
        status,
        decidedBy: actor.userId,
        ...(trimmed ? { decisionComment: trimmed } : {}),
        updatedAt: now,
        ...(status === 'published' ? { publishedAt: now } : {}),
        revision: story.revision + 1,
      },
      audit: {
        ...auditOf(deps, actor, outcome.audit, now),
        ...(trimmed ? { comment: trimmed } : {}),
      },
      outbox: [
        { id: deps.ids.newId(), kind: 'story.decided', createdAt: now, payload: { decision } },
        projectMessage(deps, now),
        refreshCardsMessage(deps, now),
        ...(status === 'published'
          ? [
              { id: deps.ids.newId(), kind: 'channel.post', createdAt: now, payload: {} } as const,
              ...featuredNotices(deps, story, now),
            ]
          : []),
      ],
    };
  });
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
