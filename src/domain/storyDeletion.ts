import type { StoryPersonalData } from './erasurePorts.js';
import type { OutboxMessage, StoryDeps, StoryRef } from './ports.js';
import { ALL_PENDING_QUEUE } from './projections.js';
import { retryOnConflict } from './retry.js';
import type { Story } from './story.js';

/** Any revision a projection holds is older than this: a removal at it always removes. */
export const FINAL_REVISION = Number.MAX_SAFE_INTEGER;

/** What deleting a story for good needs. */
export type DeletionDeps = Pick<
  StoryDeps,
  'stories' | 'approvals' | 'authors' | 'clock' | 'ids' | 'onCommitted'
> & { readonly personalData: StoryPersonalData };

/** What a deletion found: done, refused by the caller's rule, or nothing there to delete. */
export type DeletionOutcome = 'deleted' | 'kept' | 'gone';

/**
 * Deletes one story for good (an erasure, the retention setting) when `judge` says so of the
 * story as stored now: its approval queue rows, then the story row — one transaction with the
 * outbox messages that delete its posted cards in Teams and then purge its partition (votes,
 * history, cards) — then the queue rows again (a write that raced the first removal) and its row
 * in its author's list. A lost race reads the story again and judges afresh. The outbox runs at
 * once; after a crash, again.
 */
export async function deleteStory(
  deps: DeletionDeps,
  ref: StoryRef,
  judge: (story: Story) => DeletionOutcome,
): Promise<DeletionOutcome> {
  const outcome = await retryOnConflict(async () => {
    const found = await deps.stories.get(ref);
    if (!found) return 'gone' as const;
    const story = found.value;
    const verdict = judge(story);
    if (verdict !== 'deleted') return verdict;
    const now = deps.clock.now();
    await removeFromLists(deps, story);
    await deps.personalData.deleteStory(ref, found.etag, [
      cardsDeleteMessage(deps, now),
      purgeMessage(deps, now),
    ]);
    await removeFromLists(deps, story);
    return 'deleted' as const;
  });
  if (outcome !== 'kept') deps.onCommitted(ref);
  return outcome;
}

async function removeFromLists(deps: DeletionDeps, story: Story): Promise<void> {
  const final = { ...story, revision: FINAL_REVISION };
  await Promise.all([
    ...[...story.approval.asked, ALL_PENDING_QUEUE].map((id) => deps.approvals.remove(final, id)),
    deps.authors.remove(final),
  ]);
}

/** `cards.delete`: every card posted for a story that is gone, or (`activityId`) one copy. */
export function cardsDeleteMessage(
  deps: Pick<StoryDeps, 'ids'>,
  now: Date,
  activityId?: string,
): OutboxMessage {
  return {
    id: deps.ids.newId(),
    kind: 'cards.delete',
    createdAt: now,
    payload: activityId !== undefined ? { activityId } : {},
  };
}

/** `story.purge`: every row left of a deleted story, once its posted cards are deleted. */
export function purgeMessage(deps: Pick<StoryDeps, 'ids'>, now: Date): OutboxMessage {
  return { id: deps.ids.newId(), kind: 'story.purge', createdAt: now, payload: {} };
}
