import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { canSee } from '../visibility.js';

/** One story, if the actor may see it; otherwise not found (its existence is not revealed). */
export async function getStory(
  deps: Pick<StoryDeps, 'stories'>,
  actor: Actor,
  storyId: string,
): Promise<Story> {
  const found = await deps.stories.get({ tenantId: actor.tenantId, storyId });
  if (!found || !canSee(actor, found.value)) {
    throw new DomainError('not_found', 'No such story.');
  }
  return found.value;
}
