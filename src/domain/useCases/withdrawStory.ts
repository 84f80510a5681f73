import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * The author takes back a story that is not yet decided (`pending`) or was sent back for changes;
 * it leaves the approver's queue. Withdrawing a withdrawn story again changes nothing and returns
 * it (a double click). Only the author may.
 */
export async function withdrawStory(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    if (story.authorId !== actor.userId) {
      throw new DomainError('forbidden', 'Only the author may withdraw this story.');
    }
    if (story.status === 'withdrawn') return null;
    return {
      story: {
        ...story,
        status: transition(story.status, 'withdraw'),
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [auditOf(deps, actor, 'withdrawn', now)],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}
