import type { StoryDeps } from '../ports.js';
import { auditOf, changeStory, projectMessage, refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/**
 * A featured colleague who was asked (`featuredConsent.ts`) agrees to be named: from now on the
 * wall and every posted card name them, and the history records it. Confirming again, or when
 * never asked, changes nothing; someone the story does not name learns nothing of a story they
 * cannot see.
 */
export async function confirmFeatured(
  deps: StoryDeps,
  actor: Actor,
  storyId: string,
): Promise<Story> {
  return changeStory(deps, actor, storyId, (story, now) => {
    if (!story.featured.some((person) => person.id === actor.userId && person.awaiting)) {
      return null;
    }
    return {
      story: {
        ...story,
        featured: story.featured.map((person) =>
          person.id === actor.userId ? { id: person.id, displayName: person.displayName } : person,
        ),
        updatedAt: now,
        revision: story.revision + 1,
      },
      audit: [auditOf(deps, actor, 'featured_confirmed', now)],
      outbox: [projectMessage(deps, now), refreshCardsMessage(deps, now)],
    };
  });
}
