import type { OutboxHandler } from './outboxRelay.js';
import type {
  ApprovalQueue,
  AuthorIndex,
  Logger,
  OutboxMessage,
  StoryRepository,
  WallIndex,
} from './ports.js';
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

/**
 * Takes a reassigned story out of the queue of the approver it was taken from. A queue row is
 * keyed by approver, so `syncProjections`, which sees only the story as it is now, cannot find
 * that row. The removal is made at the reassignment's `revision`: a row of a later revision (the
 * story came back to that approver since) stays. Idempotent, as every projection write.
 */
export async function leaveFormerQueue(
  deps: Pick<Projections, 'approvals'>,
  story: Story,
  former: FormerApprover,
): Promise<void> {
  await deps.approvals.remove({
    ...story,
    approverId: former.approverId,
    revision: former.revision,
  });
}

/** Whose queue a reassigned story left, and at which revision of the story. */
export interface FormerApprover {
  readonly approverId: string;
  readonly revision: number;
}

/** The payload of a reassignment's `story.project` message, read back by `repairProjections`. */
export function formerApproverPayload(former: FormerApprover): OutboxMessage['payload'] {
  return { formerApproverId: former.approverId, formerRevision: former.revision };
}

/**
 * What a `story.project` message does: `syncProjections` of the story as it is now and, for a
 * reassignment, `leaveFormerQueue` as its payload says. So a crash between a reassignment's
 * commit and its inline removal leaves the story in the former approver's queue only until the
 * outbox runs the message.
 */
export async function repairProjections(
  deps: Projections,
  story: Story,
  payload: OutboxMessage['payload'],
): Promise<void> {
  await syncProjections(deps, story);
  const approverId = payload['formerApproverId'];
  const revision = payload['formerRevision'];
  if (typeof approverId === 'string' && typeof revision === 'number') {
    await leaveFormerQueue(deps, story, { approverId, revision });
  }
}

/** The outbox handler of `story.project`: re-reads the story and repairs its projections. */
export function projectStoryHandler(
  deps: Projections & { readonly stories: StoryRepository },
): OutboxHandler {
  return async (message) => {
    const found = await deps.stories.get(message.ref);
    if (found) await repairProjections(deps, found.value, message.payload);
  };
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
