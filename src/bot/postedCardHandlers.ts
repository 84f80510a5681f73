import {
  awardMonthOf,
  PermanentFailure,
  voteCountsPublicIn,
  type Award,
  type AwardStore,
  waitingApprovers,
  type OutboxHandler,
  type PendingOutboxMessage,
  type PostedCard,
  type PostedCards,
  type SettingsStore,
  type Story,
  type StoryOutboxHandler,
  type StoryRepository,
  type UserDirectory,
} from '../domain/index.js';
import { cardMessage } from './activities.js';
import type { AdaptiveCard } from './cards/adaptiveCard.js';
import { approvalCard } from './cards/approvalCard.js';
import { awardChannelCard } from './cards/awardCards.js';
import { channelStoryCard, hiddenStoryCard } from './cards/channelStoryCard.js';
import { deletePosted, postToConversation, updatePosted, type ProactiveDeps } from './proactive.js';

export interface PostedCardDeps extends ProactiveDeps {
  readonly stories: StoryRepository;
  readonly users: UserDirectory;
  readonly postedCards: PostedCards;
  readonly settings: SettingsStore;
  /** Read only: the story of the month's announcement shows the award as it is now. */
  readonly awards: Pick<AwardStore, 'get'>;
}

/**
 * `cards.refresh`: every recorded copy of a story's cards is replaced by the card of the story's
 * state now (journeys 4 and 10), so it is idempotent and the order of refreshes does not matter.
 * A copy Teams refuses for good (the chat or the message is gone) is forgotten and skipped; a
 * 429 stops the run at once so its Retry-After is honoured; any other failure is retried after
 * the remaining copies were tried. The relay hands it the story, read once for the message.
 */
export function refreshCardsHandler(deps: PostedCardDeps): StoryOutboxHandler {
  return async (message, story) => {
    if (!story) return skip(deps, message, 'story is gone');
    const only = message.payload.only === 'channel' ? 'channel' : undefined;
    const copies = (await deps.postedCards.list(message.ref)).filter(
      (card) => !only || card.kind === only,
    );
    if (copies.length === 0) return;
    const deciderName = story.decidedBy
      ? (await deps.users.get(story.tenantId, story.decidedBy))?.displayName
      : undefined;
    // Privacy mode as it is now: a channel card posted with a count loses it on its next refresh.
    const showVoteCount = copies.some((copy) => copy.kind === 'channel')
      ? await voteCountsPublicIn(deps, story.tenantId)
      : false;
    const month = awardMonthOf(story);
    const award =
      month && copies.some((copy) => copy.kind === 'award')
        ? ((await deps.awards.get(story.tenantId, month))?.value ?? null)
        : null;
    let failure: unknown;
    for (const copy of copies) {
      try {
        const card =
          copy.kind === 'award'
            ? awardCardFor(story, award, month, copy)
            : cardFor(story, copy, deciderName, showVoteCount);
        await updatePosted(deps, copy.reference, copy.activityId, cardMessage(card));
      } catch (error) {
        if (error instanceof PermanentFailure) {
          deps.logger.warn(
            { err: error, ...message.ref, activityId: copy.activityId, cardKind: copy.kind },
            'posted card refused for good; no longer updated',
          );
          await deps.postedCards.remove(message.ref, copy.activityId);
          continue;
        }
        if (isThrottled(error)) throw error;
        failure ??= error;
      }
    }
    if (failure !== undefined) {
      throw failure instanceof Error
        ? failure
        : new Error('card update failed', { cause: failure });
    }
  };
}

/**
 * `cards.delete` (erasure): deletes posted cards in Teams and forgets them — with
 * `payload.activityId`, that one copy (an erased person's own); without, every card of a story
 * that is gone (an erased story, whose partition is purged once its cards are deleted). A story
 * that still exists keeps its cards: only a copy named by id is deleted from it. A copy Teams no
 * longer has (403/404/410: the chat or the message is gone) counts as deleted; a 429 stops the
 * run at once so its Retry-After is honoured; any other failure is retried after the remaining
 * copies were tried. Deleting again finds nothing to do.
 */
export function deleteCardsHandler(deps: PostedCardDeps): OutboxHandler {
  return async (message) => {
    const only = message.payload.activityId;
    const all = await deps.postedCards.list(message.ref);
    let copies: PostedCard[];
    if (typeof only === 'string' && only !== '') {
      copies = all.filter((card) => card.activityId === only);
    } else {
      if (await deps.stories.get(message.ref)) {
        return skip(deps, message, 'story still exists; its cards stay');
      }
      copies = all;
    }
    let failure: unknown;
    for (const copy of copies) {
      try {
        await deletePosted(deps, copy.reference, copy.activityId);
      } catch (error) {
        if (isThrottled(error)) throw error;
        if (!(error instanceof PermanentFailure)) {
          failure ??= error;
          continue;
        }
        deps.logger.info(
          { ...message.ref, activityId: copy.activityId, cardKind: copy.kind },
          'posted card already gone in Teams',
        );
      }
      await deps.postedCards.remove(message.ref, copy.activityId);
    }
    if (failure !== undefined) {
      throw failure instanceof Error
        ? failure
        : new Error('card deletion failed', { cause: failure });
    }
  };
}

/**
 * `channel.post`: the published story's card in the tenant's publication channel (journey 5),
 * recorded so that votes and an archive update it. No channel chosen: nothing is posted. A story
 * already posted there is not posted again (the message ran before and its completion was lost).
 */
export function postToChannelHandler(deps: PostedCardDeps): OutboxHandler {
  return async (message) => {
    const story = (await deps.stories.get(message.ref))?.value;
    if (!story || story.status !== 'published') {
      return skip(deps, message, 'story is no longer published');
    }
    const channel = await deps.settings.getPublicationChannel(story.tenantId);
    if (!channel) return skip(deps, message, 'no publication channel chosen; story not posted');
    const posted = await deps.postedCards.list(message.ref);
    if (posted.some((card) => card.kind === 'channel' && card.reference === channel.reference)) {
      return skip(deps, message, 'story already posted to the channel');
    }
    const showVoteCount = await voteCountsPublicIn(deps, story.tenantId);
    const activityId = await postToConversation(
      deps,
      channel.reference,
      cardMessage(channelStoryCard({ story, showVoteCount }, channel.locale)),
    );
    if (!activityId) {
      deps.logger.warn({ ...message.ref }, 'channel post got no activity id; it cannot be updated');
      return;
    }
    await deps.postedCards.add(message.ref, {
      activityId,
      reference: channel.reference,
      kind: 'channel',
      locale: channel.locale,
    });
  };
}

/**
 * `award.announce`: the story of the month's card in the tenant's publication channel (journey
 * 8), recorded (kind `award`) so that a name taken off, a correction, hiding, an archive or an
 * erasure update it. Nothing when no channel is chosen, the story is no longer published, or the
 * month's award no longer names it. A story whose announcement is already in the channel is not
 * announced again (the message ran before and its completion was lost, or the story was chosen
 * again after another).
 */
export function announceAwardHandler(deps: PostedCardDeps): OutboxHandler {
  return async (message) => {
    const month = message.payload.month;
    if (typeof month !== 'string') return skip(deps, message, 'no month in payload');
    const story = (await deps.stories.get(message.ref))?.value;
    if (!story || story.status !== 'published') {
      return skip(deps, message, 'story is no longer published');
    }
    const award = (await deps.awards.get(story.tenantId, month))?.value;
    if (award?.story.id !== story.id) {
      return skip(deps, message, 'story is no longer the story of the month');
    }
    const channel = await deps.settings.getPublicationChannel(story.tenantId);
    if (!channel) return skip(deps, message, 'no publication channel chosen; award not announced');
    const posted = await deps.postedCards.list(message.ref);
    if (posted.some((card) => card.kind === 'award' && card.reference === channel.reference)) {
      return skip(deps, message, 'award already announced in the channel');
    }
    const activityId = await postToConversation(
      deps,
      channel.reference,
      cardMessage(awardChannelCard(awardModel(story, award, month), channel.locale)),
    );
    if (!activityId) {
      deps.logger.warn({ ...message.ref }, 'award post got no activity id; it cannot be updated');
      return;
    }
    await deps.postedCards.add(message.ref, {
      activityId,
      reference: channel.reference,
      kind: 'award',
      locale: channel.locale,
      messageId: message.id,
    });
  };
}

/** The announcement a recorded copy shows now: still the winner of its month, or no longer. */
function awardCardFor(
  story: Story,
  award: Award | null,
  month: string | null,
  copy: PostedCard,
): AdaptiveCard {
  if (story.status === 'hidden' || !month) return hiddenStoryCard(copy.locale);
  return awardChannelCard(awardModel(story, award, month), copy.locale);
}

function awardModel(story: Story, award: Award | null, month: string) {
  const current = award?.story.id === story.id;
  return {
    story,
    month,
    current,
    ...(current && award.citation ? { citation: award.citation } : {}),
  };
}

/** The card a recorded copy shows for the story as it is now. */
function cardFor(
  story: Story,
  copy: PostedCard,
  deciderName: string | undefined,
  showVoteCount: boolean,
): AdaptiveCard {
  // Hidden by an editor (moderation): every copy, the approval card too, shows nothing of it.
  if (story.status === 'hidden') return hiddenStoryCard(copy.locale);
  if (copy.kind === 'channel') return channelStoryCard({ story, showVoteCount }, copy.locale);
  // The approver's copy offers the decision while the story waits for them (again, after a
  // resubmission); every other state shows the status and who decided, without buttons.
  const actionable =
    story.status === 'pending' &&
    copy.userId !== undefined &&
    waitingApprovers(story.approval).includes(copy.userId);
  return approvalCard(
    {
      story,
      actionable,
      refreshUserIds: actionable && copy.teamsUserId ? [copy.teamsUserId] : [],
      ...(deciderName ? { deciderName } : {}),
    },
    copy.locale,
  );
}

function isThrottled(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'retryAfterMs' in error;
}

function skip(deps: PostedCardDeps, message: PendingOutboxMessage, reason: string): void {
  deps.logger.info({ kind: message.kind, id: message.id, ...message.ref }, `outbox: ${reason}`);
}
