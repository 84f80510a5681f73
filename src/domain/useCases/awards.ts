import { DomainError } from '../errors.js';
import type { Award, AwardsDeps } from '../ports.js';
import type { Story } from '../story.js';
import { hasRole, type Actor } from '../user.js';

/** How many winners the history shows: two years. */
export const AWARDS_MAX = 24;
/** How many stories a month's shortlist holds. */
export const SHORTLIST_MAX = 10;
/** The longest citation, in characters. */
export const CITATION_MAX = 500;
/** Wall pages read at most for one shortlist (100 stories each), bounding a request's work. */
const MAX_WALL_PAGES = 20;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** A month's most-voted published stories and its winner, if chosen. */
export interface Shortlist {
  readonly month: string;
  readonly items: readonly Story[];
  readonly winner: Award | null;
}

export interface ChooseWinnerInput {
  readonly storyId: string;
  readonly citation?: string;
}

/** The winners of the actor's tenant, newest month first; anyone signed in may read them. */
export async function listAwards(deps: AwardsDeps, actor: Actor): Promise<Award[]> {
  return deps.awards.list(actor.tenantId, AWARDS_MAX);
}

/**
 * The stories published in `month` that are still on the wall, most votes first (a tie: the
 * earlier published first), at most `SHORTLIST_MAX`, and the month's winner. Editors and admins.
 */
export async function getShortlist(
  deps: AwardsDeps,
  actor: Actor,
  month: string,
): Promise<Shortlist> {
  requireEditor(actor);
  checkMonth(deps, month);
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
  const items = stories
    .filter((story) => story.status === 'published')
    .sort(
      (a, b) =>
        b.voteCount - a.voteCount ||
        (a.publishedAt?.getTime() ?? 0) - (b.publishedAt?.getTime() ?? 0),
    )
    .slice(0, SHORTLIST_MAX);
  const winner = await deps.awards.get(actor.tenantId, month);
  return { month, items, winner: winner?.value ?? null };
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
  return award;
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
