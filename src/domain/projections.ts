import { nextDue, waitingApprovers } from './approval.js';
import type { OutboxHandler } from './outboxRelay.js';
import type {
  ApprovalQueue,
  AuthorIndex,
  ClosedIndex,
  DueIndex,
  FeaturedPeopleIndex,
  Logger,
  OutboxMessage,
  ModerationQueue,
  StoryRepository,
  WallIndex,
} from './ports.js';
import { publicFeatured } from './featuredConsent.js';
import type { InlineProjections } from './inlineProjections.js';
import { APP_ACTOR_ID, isPseudonym } from './pseudonyms.js';
import type { Story } from './story.js';

/** The projections of the story aggregates that `syncProjections` keeps in line. */
export interface Projections {
  readonly wall: WallIndex;
  readonly approvals: ApprovalQueue;
  readonly authors: AuthorIndex;
  readonly moderation: ModerationQueue;
  readonly due: DueIndex;
  readonly closed: ClosedIndex;
  readonly featuredPeople: FeaturedPeopleIndex;
}

/**
 * The approval queue every pending story of a tenant is also listed in, so that admins can find
 * any story to decide or reassign (an override). Not a person's id: ids never start with `~`.
 */
export const ALL_PENDING_QUEUE = '~all';

/**
 * The scheduler's entry (in place of a story id) for a tenant's retention run: deleting the
 * rejected and withdrawn stories older than the tenant's retention setting (`runRetention`).
 * Not a story id: ids never start with `~`.
 */
export const RETENTION_JOB = '~retention';

/** Whether the story is closed for good without being published: what retention deletes. */
export function isClosed(story: Pick<Story, 'status'>): boolean {
  return story.status === 'rejected' || story.status === 'withdrawn';
}

/**
 * The people a published story names to everyone, as the featured-people index keeps them (the
 * app and pseudonyms aside); none for a story that is not published.
 */
function namedFeatured(story: Story): string[] {
  if (story.status !== 'published') return [];
  return publicFeatured(story)
    .map((person) => person.id)
    .filter((id) => id !== APP_ACTOR_ID && !isPseudonym(id));
}

/**
 * Brings the wall index, the approval queues, the author's own list, the moderation queue, the
 * scheduler's time index, the index of closed stories and the featured people in line with a
 * story. The story itself says whose queues it belongs in (everyone it was
 * ever routed to: in the queue while waiting for them, out of it otherwise), so the projections
 * follow from the story alone. Idempotent, so it can run inline after a commit and again from the
 * outbox (`story.project`) to repair a failed attempt. The projections keep the newest `revision`
 * they see, so these runs may finish in any order.
 *
 * `before` is the story as the change found it, when the caller knows it (the inline run after a
 * commit): what did not change between the two is not written again. A repair passes nothing
 * and writes everything.
 */
export async function syncProjections(
  deps: Projections,
  story: Story,
  before?: Story | null,
): Promise<void> {
  const writes: Promise<void>[] = [];
  if (story.status === 'published') {
    // Published by this change (the publish time is set once): its wall row is new.
    const newOnWall = before !== undefined && before?.publishedAt === undefined;
    writes.push(deps.wall.upsert(story, newOnWall ? { newOnWall } : undefined));
    // Named to everyone in a published story: no longer "not yet featured". Those still asked
    // to confirm are not named yet; they are recorded when their confirmation re-projects it.
    // Only the newly named: a vote re-projects the story, and its people are recorded already.
    const already = new Set(before ? namedFeatured(before) : []);
    const named = namedFeatured(story).filter((id) => !already.has(id));
    if (named.length > 0) writes.push(deps.featuredPeople.markFeatured(story.tenantId, named));
  } else if (story.publishedAt) writes.push(deps.wall.remove(story));
  const pending = story.status === 'pending';
  const queued = queuesOf(story);
  // Out of a queue before as well (a vote on a published story): the change that took it out
  // removed the row, or its own repair will; only a repair, not knowing `before`, removes again.
  const queuedBefore = before ? queuesOf(before) : null;
  for (const approverId of [...story.approval.asked, ALL_PENDING_QUEUE]) {
    if (queued.has(approverId)) writes.push(deps.approvals.put(story, approverId));
    else if (!queuedBefore || queuedBefore.has(approverId)) {
      writes.push(deps.approvals.remove(story, approverId));
    }
  }
  // The author sees their story in every status, so the snapshot is always written.
  writes.push(deps.authors.put(story));
  // A story never reported (no `reports` at all) was never queued for moderation: no removal.
  if (needsModeration(story)) writes.push(deps.moderation.put(story));
  else if (story.reports !== undefined) writes.push(deps.moderation.remove(story));
  const due = pending ? nextDue(story.approval) : null;
  if (due) writes.push(deps.due.put({ tenantId: story.tenantId, storyId: story.id }, due.at));
  // Closed: indexed for retention, and the tenant's retention run is due (it finds nothing to
  // do while the setting is off or the story is younger than the period).
  if (isClosed(story)) {
    writes.push(
      deps.closed.put(story),
      deps.due.put({ tenantId: story.tenantId, storyId: RETENTION_JOB }, story.updatedAt),
    );
  }
  await Promise.all(writes);
}

/** The approval queues the story is listed in: its waiting approvers' and `~all`, while pending. */
function queuesOf(story: Story): Set<string> {
  if (story.status !== 'pending') return new Set();
  return new Set([...waitingApprovers(story.approval), ALL_PENDING_QUEUE]);
}

/**
 * Whether an editor must look at the story (moderation): published with open reports, or hidden
 * (until it is restored or archived).
 */
export function needsModeration(story: Story): boolean {
  if (story.status === 'hidden') return true;
  return story.status === 'published' && (story.reports?.length ?? 0) > 0;
}

/**
 * The outbox handler of `story.project`: re-reads the story and repairs its projections, unless
 * this instance's inline run after the commit already brought them in line.
 */
export function projectStoryHandler(
  deps: Projections & {
    readonly stories: StoryRepository;
    readonly inlineProjections?: InlineProjections;
  },
): OutboxHandler {
  return async (message) => {
    if (await deps.inlineProjections?.succeeded(message.id)) return;
    const found = await deps.stories.get(message.ref);
    if (found) await syncProjections(deps, found.value);
  };
}

/**
 * As `syncProjections`, but a failure is only logged: the outbox will repair it. Resolves with
 * whether it succeeded.
 */
export async function trySyncProjections(
  deps: Projections & { logger: Logger },
  story: Story,
  before?: Story | null,
): Promise<boolean> {
  try {
    await syncProjections(deps, story, before);
    return true;
  } catch (error) {
    deps.logger.warn(
      { err: error, tenantId: story.tenantId, storyId: story.id },
      'projection failed; the outbox will retry',
    );
    return false;
  }
}

/** What the inline projection after a commit needs beyond the projections. */
export interface InlineProjectionDeps {
  readonly logger: Logger;
  readonly inlineProjections?: InlineProjections;
  /**
   * Starts work no answer waits for (a card action's projection), so the composition root can
   * account for it and wait for it at shutdown; absent, it simply runs.
   */
  readonly runDetached?: <T>(work: () => Promise<T>) => Promise<T>;
}

/**
 * The inline projection after a commit: `trySyncProjections`, remembered (when the deps keep
 * `inlineProjections`) by the ids of the commit's `story.project` messages, so that they need not
 * repair what already succeeded. With `answerFirst` the caller's answer does not wait for it
 * (a card action: the card is built from the story itself, and the relay's `story.project` waits
 * for this run before it decides whether to repair); otherwise it resolves once projected.
 */
export async function projectCommitted(
  deps: Projections & InlineProjectionDeps,
  story: Story,
  before: Story | null,
  outbox: readonly OutboxMessage[],
  options: { readonly answerFirst?: boolean } = {},
): Promise<void> {
  const project = () => trySyncProjections(deps, story, before);
  const detached = options.answerFirst === true;
  const run = detached && deps.runDetached ? deps.runDetached(project) : project();
  const ids = outbox.filter((m) => m.kind === 'story.project').map((m) => m.id);
  if (ids.length > 0) deps.inlineProjections?.track(ids, run);
  if (!detached) await run;
}
