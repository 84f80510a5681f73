import type { ApprovalQueue, Logger, WallIndex } from './ports.js';
import type { Story } from './story.js';

/**
 * Brings the wall index and the approval queue in line with a story. Idempotent, so it can run
 * inline after a commit and again from the outbox (`story.project`) to repair a failed attempt.
 * The projections keep the newest `revision` they see, so these runs may finish in any order.
 */
export async function syncProjections(
  deps: { wall: WallIndex; approvals: ApprovalQueue },
  story: Story,
): Promise<void> {
  const wall =
    story.status === 'published'
      ? deps.wall.upsert(story)
      : story.publishedAt
        ? deps.wall.remove(story)
        : Promise.resolve();
  const queue =
    story.status === 'pending' ? deps.approvals.put(story) : deps.approvals.remove(story);
  await Promise.all([wall, queue]);
}

/** As `syncProjections`, but a failure is only logged: the outbox will repair it. */
export async function trySyncProjections(
  deps: { wall: WallIndex; approvals: ApprovalQueue; logger: Logger },
  story: Story,
): Promise<void> {
  try {
    await syncProjections(deps, story);
  } catch (error) {
    deps.logger.warn(
      { err: error, tenantId: story.tenantId, storyId: story.id },
      'projection failed; the outbox will retry',
    );
  }
}
