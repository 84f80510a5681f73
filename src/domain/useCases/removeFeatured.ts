import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/**
 * A featured colleague takes their name off a story, whatever its state and whenever they wish
 * (PRODUCT.md, "featured colleagues stay in control"): the story keeps its text, the wall and
 * every posted card stop naming them, and the history records it. Asking again, or asking about
 * a story that does not name you, changes nothing.
 */
export async function removeFeatured(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
): Promise<Story> {
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
