import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';
import { transition } from '../workflow.js';

/**
 * Takes a published (or hidden) story off the wall for good; it stays in its author's list, with
 * when it was published, and readable by link to those a story in review is (see `canSee`). The
 * author, an editor or an admin may. Archiving an archived story again changes nothing.
 */
export async function archiveStory(deps: StoryDeps, actor: Actor, storyId: string): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    if (!mayArchive(actor, story)) {
      throw new DomainError('forbidden', 'Only the author, an editor or an admin may archive.');
    }
    if (story.status === 'archived') return null;
    return {
      story: {
        ...story,
        status: transition(story.status, 'archive'),
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [auditOf(deps, actor, 'archived', now)],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}

function mayArchive(actor: Actor, story: Story): boolean {
  return story.authorId === actor.userId || hasRole(actor, 'editor') || hasRole(actor, 'admin');
}
