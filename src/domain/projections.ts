import type { ApprovalQueue, AuthorIndex, Logger, WallIndex } from './ports.js';
import type { Story } from './story.js';

/** The projections of the story aggregates that `syncProjections` keeps in line. */
export interface Projections {
  readonly wall: WallIndex;
  readonly approvals: ApprovalQueue;
  readonly authors: AuthorIndex;
}

/**
 * Brings the wall index, the approval queue and the author's own list in line with a story.
 * Idempotent, so it can run inline after a commit and again from the outbox (`story.project`) to
 * repair a failed attempt. The projections keep the newest `revision` they see, so these runs may
 * finish in any order.
 */
export async function syncProjections(deps: Projections, story: Story): Promise<void> {
  const wall =
    story.status === 'published'
      ? deps.wall.upsert(story)
      : story.publishedAt
        ? deps.wall.remove(story)
        : Promise.resolve();
  const queue =
    story.status === 'pending' ? deps.approvals.put(story) : deps.approvals.remove(story);
  // The author sees their story in every status, so the snapshot is always written.
  const authors = deps.authors.put(story);
  await Promise.all([wall, queue, authors]);
}

/** As `syncProjections`, but a failure is only logged: the outbox will repair it. */
export async function trySyncProjections(
  deps: Projections & { logger: Logger },
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
