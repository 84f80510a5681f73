import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { canSee } from '../visibility.js';

/**
 * One story, if the actor may see it; otherwise not found (its existence is not revealed). With
 * `forView`, to show it (the tab's story view), from a read that may be a few seconds behind
 * another instance's change (`StoryRepository.getForView`); a card about to act reads it as stored.
 */
export async function getStory(
  deps: Pick<StoryDeps, 'stories'>,
  actor: Actor,
  storyId: string,
  options: { readonly forView?: boolean } = {},
): Promise<Story> {
  const ref = { tenantId: actor.tenantId, storyId };
  const found = await (options.forView ? deps.stories.getForView(ref) : deps.stories.get(ref));
  if (!found || !canSee(actor, found.value)) {
    throw new DomainError('not_found', 'No such story.');
  }
  return found.value;
}
