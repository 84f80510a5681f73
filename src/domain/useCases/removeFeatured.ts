import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/**
 * A featured colleague takes their name off a story, whatever its state and whenever they wish
 * (PRODUCT.md, "featured colleagues stay in control"): the story keeps its text, the wall and
 * every posted card stop naming them, and the history records it; the story forms stop suggesting
 * them as a colleague not yet featured. Asking again, or asking about a story that does not name
 * you, changes nothing more.
 */
export async function removeFeatured(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
): Promise<Story> {
  // Recorded first: should the change then fail, the person is only left out of the "not yet
  // featured" nudge a little early, never suggested after declining.
  await deps.featuredPeople.markDeclined(actor.tenantId, actor.userId);
  return changeStory(deps, actor, storyId, (story, now) => {
    if (!story.featured.some((person) => person.id === actor.userId)) return null;
    return {
      story: {
        ...story,
        featured: story.featured.filter((person) => person.id !== actor.userId),
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [auditOf(deps, actor, 'featured_removed', now)],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}
