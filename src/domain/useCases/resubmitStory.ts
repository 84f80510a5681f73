import { prepareDraft } from '../drafts.js';
import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story, StoryDraft } from '../story.js';
import type { Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * The author edits a story sent back for changes and sends it again: the told fields are
 * replaced by the draft (what it leaves out is gone), the old decision is cleared, and the story
 * is routed again as a new one would be and waits for that approver's decision. Only the author
 * may, and only from `changes_requested`; a second resubmission finds the story already pending.
 */
export async function resubmitStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
  draft: StoryDraft,
): Promise<Story> {
  return changeStory(deps, actor, storyId, async (story, now) => {
    if (story.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the author may edit and resubmit this story.');
    }
    const status = transition(story.status, 'resubmit');
    const { fields, approverId } = await prepareDraft(deps, actor, draft);
    const next: Story = {
      tenantId: story.tenantId,
      id: story.id,
      ...fields,
      authorId: story.authorId,
      authorName: actor.displayName,
      status,
      approverId,
      // The story keeps its place in the author's list: it is the same story, told better.
      createdAt: story.createdAt,
      updatedAt: now,
      ...(story.publishedAt ? { publishedAt: story.publishedAt } : {}),
      voteCount: story.voteCount,
      revision: story.revision + 1,
    };
    return {
      story: next,
      audit: auditOf(deps, actor, 'resubmitted', now),
      outbox: [
        {
          id: deps.ids.newId(),
          kind: 'approval.requested',
          createdAt: now,
          payload: { approverId },
        },
        projectMessage(deps, now),
        refreshCardsMessage(deps, now),
      ],
    };
  });
}
