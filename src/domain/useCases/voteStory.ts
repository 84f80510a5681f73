import type { StoryDeps } from '../ports.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';
import { reactToStory } from './reactions.js';

/**
 * One vote per person per published story; the author and the people it features cannot vote
 * for it. The vote row and the new count are written in one transaction.
 */
export async function voteStory(deps: StoryDeps, actor: Actor, storyId: string): Promise<Story> {
  return reactToStory(deps, actor, storyId, 'vote');
}
