import { DomainError } from '../errors.js';
import { publicFeatured } from '../featuredConsent.js';
import { repeatWinnerMonths } from '../policy.js';
import type { Award, AwardsDeps, OutboxMessage } from '../ports.js';
import { canSeeVoteCounts, ranksByVotes } from '../privacy.js';
import { retryOnConflict } from '../retry.js';
import { auditOf, projectMessage, refreshCardsMessage } from '../storyChange.js';
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
  /** The "no repeat winners" window in months; null when the rule is off. */
  readonly repeatWithinMonths: number | null;
  /** The ids of the shortlisted stories whose authors the rule keeps from winning this month. */
  readonly ineligible: readonly string[];
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
 * card is (the outbox's `cards.refresh`, which reads the story once for both): a featured
 * colleague's name taken off, a correction, hiding or archiving. Nothing when the story is gone
 * (null: an erasure handles its award), never published, not the winner of its month, or when the
 * copy is as new already.
 */
export async function followAward(
  deps: Pick<AwardsDeps, 'awards'>,
  story: Story | null,
): Promise<void> {
  if (!story?.publishedAt) return;
  const month = monthOfDate(story.publishedAt);
  await retryOnConflict(async () => {
    const award = await deps.awards.get(story.tenantId, month);
    if (!award || award.value.story.id !== story.id) return;
    if (award.value.story.revision >= story.revision) return;
    await deps.awards.put({ ...award.value, story }, award.etag);
  });
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
  const within = repeatWinnerMonths(settings);
  const [winner, barred] = await Promise.all([
    deps.awards.get(actor.tenantId, month),
    barredAuthors(deps, actor.tenantId, month, within),
  ]);
  return {
    month,
    items,
    winner: winner?.value ?? null,
    order,
    voteCounts: canSeeVoteCounts(actor, settings),
    repeatWithinMonths: within,
    ineligible: items.filter((story) => barred.has(story.authorId)).map((story) => story.id),
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
  const { value: settings } = await tenantSettings(deps.settings, actor.tenantId);
  const within = repeatWinnerMonths(settings);
  if ((await barredAuthors(deps, actor.tenantId, month, within)).has(story.authorId)) {
    throw new DomainError(
      'conflict',
      `The author was the story of the month within ${within} months; choose another story.`,
      { field: 'storyId', rule: 'noRepeatWithinMonths', months: within },
    );
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
  if (current?.value.story.id !== story.id) {
    await recordAward(deps, actor, story.id, month);
    if (current) await refreshReplaced(deps, current.value.story.id, actor.tenantId);
  }
  return award;
}

/**
 * Writes the choice into the story's history (`awarded`), which is what raises the
 * `award.announced` event for webhooks (src/domain/webhooks.ts), and in the same transaction the
 * announcement's outbox messages: the channel card (`award.announce`) and a note to the author
 * and to each featured colleague shown publicly (`award.notify`), so the announcement is made
 * exactly when the history says the story won. After the award's own write: a failure here
 * leaves the award chosen but unannounced, and choosing it again announces it.
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
      outbox: [projectMessage(deps, now), ...announcementMessages(deps, found.value, month, now)],
    });
    return true;
  });
  if (committed) deps.onCommitted(ref);
}

/**
 * The announcement of a story of the month: one channel card and one note per person told — the
 * author and each featured colleague everyone may see named (one still asked to confirm is not
 * named in the announcement, so is not told of it either).
 */
export function announcementMessages(
  deps: Pick<AwardsDeps, 'ids'>,
  story: Story,
  month: string,
  now: Date,
): OutboxMessage[] {
  const people = [
    story.authorId,
    ...publicFeatured(story)
      .map((person) => person.id)
      .filter((id) => id !== story.authorId),
  ];
  return [
    { id: deps.ids.newId(), kind: 'award.announce', createdAt: now, payload: { month } },
    ...[...new Set(people)].map((userId): OutboxMessage => ({
      id: deps.ids.newId(),
      kind: 'award.notify',
      createdAt: now,
      payload: { month, userId },
    })),
  ];
}

/**
 * Whether the "no repeat winners" rule keeps an author from winning `month`: they won another
 * month at most `within` months before or after it. Both sides, so that awarding an earlier
 * month afterwards cannot get round the rule.
 */
export function isBarred(
  awards: readonly Pick<Award, 'month' | 'story'>[],
  authorId: string,
  month: string,
  within: number | null,
): boolean {
  if (within === null) return false;
  const target = monthIndex(month);
  return awards.some(
    (award) =>
      award.month !== month &&
      award.story.authorId === authorId &&
      Math.abs(monthIndex(award.month) - target) <= within,
  );
}

/**
 * The authors the rule keeps from winning `month`. Awards are never for a month after the
 * current one, so the newest rows down to `month − within` are one bounded partition query.
 */
async function barredAuthors(
  deps: AwardsDeps,
  tenantId: string,
  month: string,
  within: number | null,
): Promise<Set<string>> {
  if (within === null) return new Set();
  const oldest = monthIndex(month) - within;
  const limit = Math.max(1, monthIndex(monthOfDate(deps.clock.now())) - oldest + 1);
  const awards = await deps.awards.list(tenantId, limit);
  return new Set(
    awards
      .filter((award) => isBarred([award], award.story.authorId, month, within))
      .map((award) => award.story.authorId),
  );
}

/** A `YYYY-MM` as a count of months, so that months can be subtracted. */
function monthIndex(month: string): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/**
 * The story a new choice replaced: its posted cards are refreshed, so that its announcement in
 * the channel no longer claims the month. Best effort after the award's write: a story gone
 * meanwhile has no cards to refresh.
 */
async function refreshReplaced(deps: AwardsDeps, storyId: string, tenantId: string) {
  const ref = { tenantId, storyId };
  const committed = await retryOnConflict(async () => {
    const found = await deps.stories.get(ref);
    if (!found) return false;
    await deps.stories.commit({
      story: { ...found.value, revision: found.value.revision + 1 },
      expectedEtag: found.etag,
      audit: [],
      outbox: [refreshCardsMessage(deps, deps.clock.now())],
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

/** The month a story can be the story of: that of its publication (UTC); none if unpublished. */
export function awardMonthOf(story: Pick<Story, 'publishedAt'>): string | null {
  return story.publishedAt ? monthOfDate(story.publishedAt) : null;
}

function monthOfDate(at: Date): string {
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}
