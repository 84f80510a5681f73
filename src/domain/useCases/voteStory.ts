import { DomainError } from '../errors.js';
import type { StoryDeps } from '../ports.js';
import { trySyncProjections } from '../projections.js';
import { retryOnConflict } from '../retry.js';
import { refreshCardsMessage } from '../storyChange.js';
import type { Story } from '../story.js';
import type { Actor } from '../user.js';

/**
 * One vote per person per published story; the author and the people it features cannot vote
 * for it. The vote row and the new count are written in one transaction.
 */
export async function voteStory(deps: StoryDeps, actor: Actor, storyId: string): Promise<Story> {
  const ref = { tenantId: actor.tenantId, storyId };
  const story = await retryOnConflict(async () => {
    const current = await deps.stories.get(ref);
    if (!current || current.value.status !== 'published') {
      throw new DomainError('not_found', 'No such published story.');
    }
    const story = current.value;
    if (story.authorId === actor.userId || story.featured.some((p) => p.id === actor.userId)) {
      throw new DomainError('self_vote', 'You cannot vote for a story about yourself.');
    }
    if (await deps.stories.hasVoted(ref, actor.userId)) {
      throw new DomainError('already_voted', 'You have already voted for this story.');
    }
    const now = deps.clock.now();
    // The per-voter index row first (it lives in the voter's partition, not the story's), so
    // erasure and export find every vote without a scan; a vote that then fails leaves a row
    // that names a story without their vote, which they skip.
    await deps.personIndex.add(story.tenantId, actor.userId, story.id, ['voted']);
    const saved = await deps.stories.commit({
      story: { ...story, voteCount: story.voteCount + 1, revision: story.revision + 1 },
      expectedEtag: current.etag,
      vote: { voterId: actor.userId, at: now },
      audit: [],
      outbox: [
        { id: deps.ids.newId(), kind: 'story.project', createdAt: now, payload: {} },
        // The channel card shows the count; no other card does.
        refreshCardsMessage(deps, now, true),
      ],
    });
    return saved.value;
  });
  await trySyncProjections(deps, story);
  deps.onCommitted(ref);
  return story;
}
