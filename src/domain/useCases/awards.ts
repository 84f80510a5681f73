import { DomainError } from '../errors.js';
import type { OutboxHandler } from '../outboxRelay.js';
import type { Award, AwardsDeps } from '../ports.js';
import { canSeeVoteCounts, ranksByVotes } from '../privacy.js';
import { retryOnConflict } from '../retry.js';
import { auditOf, projectMessage } from '../storyChange.js';
import { tenantSettings } from '../roles.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/** How many winners the history shows: two years. */
export const AWARDS_MAX = 24;
/** How many stories a month's shortlist holds. */
export const SHORTLIST_MAX = 10;
/**
 * How many stories a month's shortlist holds in privacy mode, where no vote narrows it down:
 * the month's stories, so that editors can choose any of them (a busier month: its newest).
 */
export const UNRANKED_SHORTLIST_MAX = 100;
/** The longest citation, in characters. */
export const CITATION_MAX = 500;
/** Wall pages read at most for one shortlist (100 stories each), bounding a request's work. */
const MAX_WALL_PAGES = 20;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * How a shortlist is ordered: most votes first, or (privacy mode, nothing ranked by votes) the
 * newest publication first.
 */
export type ShortlistOrder = 'votes' | 'newest';

/** A month's most-voted (or, in privacy mode, newest) published stories and its winner. */
export interface Shortlist {
  readonly month: string;
  readonly items: readonly Story[];
  readonly winner: Award | null;
  readonly order: ShortlistOrder;
  /** Whether the actor may see the stories' vote counts (`canSeeVoteCounts`). */
  readonly voteCounts: boolean;
}

export interface ChooseWinnerInput {
  readonly storyId: string;
  readonly citation?: string;
}

/**
 * The winners of the actor's tenant, newest month first; anyone signed in may read them. A
 * winner whose story is no longer on the wall (hidden by an editor, archived) is left out.
 */
export async function listAwards(deps: AwardsDeps, actor: Actor): Promise<Award[]> {
  const awards = await deps.awards.list(actor.tenantId, AWARDS_MAX);
  return awards.filter((award) => award.story.status === 'published');
}

/**
 * Brings the copy of a story its month's award holds in line with the story, as every posted
 * card is (the outbox's `cards.refresh`): a featured colleague's name taken off, a correction,
 * hiding or archiving. Nothing when the story is gone (an erasure handles its award), never
 * published, not the winner of its month, or when the copy is as new already.
 */
export function followAwardHandler(deps: Pick<AwardsDeps, 'awards' | 'stories'>): OutboxHandler {
  return async (message) => {
    const found = await deps.stories.get(message.ref);
    const story = found?.value;
    if (!story?.publishedAt) return;
    const month = monthOfDate(story.publishedAt);
    await retryOnConflict(async () => {
      const award = await deps.awards.get(story.tenantId, month);
      if (!award || award.value.story.id !== story.id) return;
      if (award.value.story.revision >= story.revision) return;
      await deps.awards.put({ ...award.value, story }, award.etag);
    });
  };
}

/**
 * The stories published in `month` that are still on the wall, most votes first (a tie: the
 * earlier published first), at most `SHORTLIST_MAX`, and the month's winner. Editors and admins.
 * In privacy mode nothing is ranked by votes: the newest publication first, at most
 * `UNRANKED_SHORTLIST_MAX`.
 */
export async function getShortlist(
  deps: AwardsDeps,
  actor: Actor,
  month: string,
): Promise<Shortlist> {
  requireEditor(actor);
  checkMonth(deps, month);
  const { value: settings } = await tenantSettings(deps.settings, actor.tenantId);
  const order: ShortlistOrder = ranksByVotes(settings) ? 'votes' : 'newest';
  const stories: Story[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_WALL_PAGES; page++) {
    const result = await deps.wall.page({
      tenantId: actor.tenantId,
      month,
      limit: 100,
      ...(cursor !== undefined ? { cursor } : {}),
    });
    stories.push(...result.items);
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  const published = (story: Story) => story.publishedAt?.getTime() ?? 0;
  const items = stories
    .filter((story) => story.status === 'published')
    .sort(
      order === 'votes'
        ? (a, b) => b.voteCount - a.voteCount || published(a) - published(b)
        : (a, b) => published(b) - published(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .slice(0, order === 'votes' ? SHORTLIST_MAX : UNRANKED_SHORTLIST_MAX);
  const winner = await deps.awards.get(actor.tenantId, month);
  return {
    month,
    items,
    winner: winner?.value ?? null,
    order,
    voteCounts: canSeeVoteCounts(actor, settings),
  };
}

/**
 * Makes a published story of `month` the month's winner; choosing again replaces the winner.
 * The write is conditional on the award read here, so of two editors choosing at once one gets
 * DomainError('conflict') rather than being overwritten unseen.
 */
export async function chooseWinner(
  deps: AwardsDeps,
  actor: Actor,
  month: string,
  input: ChooseWinnerInput,
): Promise<Award> {
  requireEditor(actor);
  checkMonth(deps, month);
  if (input.citation !== undefined && input.citation.length > CITATION_MAX) {
    throw new DomainError('validation', `Keep the citation to ${CITATION_MAX} characters.`, {
      field: 'citation',
    });
  }
  const found = await deps.stories.get({ tenantId: actor.tenantId, storyId: input.storyId });
  if (!found) throw new DomainError('not_found', 'No such story.');
  const story = found.value;
  if (story.status !== 'published' || !story.publishedAt) {
    throw new DomainError('illegal_transition', 'Only a published story can be the winner.');
  }
  if (monthOfDate(story.publishedAt) !== month) {
    throw new DomainError('validation', `The story was not published in ${month}.`, {
      field: 'storyId',
    });
  }
  const current = await deps.awards.get(actor.tenantId, month);
  const citation = input.citation?.trim();
  const award: Award = {
    tenantId: actor.tenantId,
    month,
    story,
    awardedBy: { id: actor.userId, displayName: actor.displayName },
    awardedAt: deps.clock.now(),
    ...(citation ? { citation } : {}),
  };
  await deps.awards.put(award, current?.etag ?? null);
  // Choosing the same story again (a new citation) announces nothing new.
  if (current?.value.story.id !== story.id) await recordAward(deps, actor, story.id, month);
  return award;
}

/**
 * Writes the choice into the story's history (`awarded`), which is what raises the
 * `award.announced` event for webhooks (src/domain/webhooks.ts). After the award's own write: a
 * failure here leaves the award chosen but unannounced, and choosing it again announces it.
 */
async function recordAward(
  deps: AwardsDeps,
  actor: Actor,
  storyId: string,
  month: string,
): Promise<void> {
  const ref = { tenantId: actor.tenantId, storyId };
  const committed = await retryOnConflict(async () => {
    const found = await deps.stories.get(ref);
    if (!found) return false;
    const now = deps.clock.now();
    await deps.stories.commit({
      story: { ...found.value, revision: found.value.revision + 1 },
      expectedEtag: found.etag,
      audit: [auditOf(deps, actor, 'awarded', now, { detail: { month } })],
      outbox: [projectMessage(deps, now)],
    });
    return true;
  });
  if (committed) deps.onCommitted(ref);
}

function requireEditor(actor: Actor): void {
  if (!hasRole(actor, 'editor') && !hasRole(actor, 'admin')) {
    throw new DomainError('forbidden', 'Only editors and admins choose the story of the month.');
  }
}

/** A well-formed `YYYY-MM` not after the current month (UTC, from the clock). */
function checkMonth(deps: AwardsDeps, month: string): void {
  if (!MONTH.test(month)) {
    throw new DomainError('validation', 'Use YYYY-MM for the month.', { field: 'month' });
  }
  if (month > monthOfDate(deps.clock.now())) {
    throw new DomainError('validation', 'The month has not begun yet.', { field: 'month' });
  }
}

function monthOfDate(at: Date): string {
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}
